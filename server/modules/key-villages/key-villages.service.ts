import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  DecisionInput,
  HandScoresInput,
  SheetRow,
  decisionListQuery,
  sheetExportQuery,
  sheetListQuery,
} from '../../../common/contracts/key-villages.ts';
import {
  DECISION_KINDS,
  FACTORS,
  GROUP_OF_KIND,
  decisionErrors,
  decisionInForce,
  handScoreErrors,
  scoreVillages,
  weightKey,
  type Factor,
} from '../../../common/domain/key-villages/rules.ts';
import { levelOfCode, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { NOT_FOUND } from '../../../common/domain/params/param-seed.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { countyOfActor } from '../../lib/county.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { collectiveIncomeByVillage } from '../collective-economy/index.ts';
import { replaceOrgGroup } from '../indicators/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { alleviatedPeopleByVillage } from '../registry/index.ts';
import { setKeyVillageFlags } from '../resident-teams/index.ts';
import * as repo from './key-villages.repository.ts';

// 重点帮扶村 and 示范村 (沁发〔2021〕17号 §二(二)2 "综合考虑行政村脱贫人口规模、集体经济收入和发展现状、区位条件、公共服务、
// 基础设施、资源禀赋等因素，确定一批乡村振兴重点帮扶村和示范村"). The sheet of a year: 脱贫人口 counted from the registry
// (registry/index.ts, the people of 脱贫户 now: the registry keeps no yearly snapshot), the year's collective income
// (collective-economy/index.ts), the county's hand scores; normalised and weighted county-wide (common/domain/
// key-villages/rules.ts, weights keyVillages.weight.*), ranked. Only the county scores and decides; townships and
// villages read their own villages' sheets. The decision in force (latest year, date, record) writes the indicators'
// KEY_VILLAGE and DEMO_VILLAGE groups (indicators/index.ts replaceOrgGroup) and the resident teams' 重点帮扶村 flags
// (resident-teams/index.ts setKeyVillageFlags) in its transaction: the decision is the one source of 重点帮扶村.

type ListQuery = z.infer<typeof sheetListQuery>;
type ExportQuery = z.infer<typeof sheetExportQuery>;
type DecisionListQuery = z.infer<typeof decisionListQuery>;

const VILLAGE = { zh: '行政村', en: 'Village' };
const DECISION = { zh: '认定记录', en: 'Decision' };
const iso = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v));
const fieldError = (field: string, messageZh: string, messageEn: string) =>
  AppError.validation([{ field, messageZh, messageEn }]);

export function createKeyVillagesService(db: Db) {
  /** The county (not a township, not a village) decides and scores. */
  function requireCounty(ctx: RequestContext) {
    requirePermission(ctx, 'programmes:write');
    if (ctx.actor.scopePrefix !== '' && levelOfCode(ctx.actor.orgCode) !== 'county') throw AppError.forbidden();
  }

  async function weightsOf(county: string, year: number) {
    const params = await resolveAll(db, county, `${year}-12`);
    const weights = Object.fromEntries(FACTORS.map((f) => [f.code, numberParam(params, weightKey(f.code))])) as Record<
      Factor,
      number
    >;
    const rows = FACTORS.map((f) => ({
      factor: f.code,
      weight: weights[f.code],
      notFound: (params[weightKey(f.code)]?.source ?? '').startsWith(NOT_FOUND),
    }));
    return { weights, rows };
  }

  async function decisionsWithForce(county: string) {
    const all = await repo.decisionsOf(db, county);
    const inForce = decisionInForce(all.map((d) => ({ ...d, decidedOn: d.decided_on })));
    return { all, inForce };
  }

  /** Every village of the county scored and ranked for the year, and what the decision in force names each. */
  async function countySheet(county: string, year: number) {
    const prefix = county.slice(0, 6);
    const [villages, people, income, scores, w, decisions] = await Promise.all([
      repo.countyVillages(db, county, year),
      alleviatedPeopleByVillage(db, prefix),
      collectiveIncomeByVillage(db, prefix, year),
      repo.scoresOf(db, county, year),
      weightsOf(county, year),
      decisionsWithForce(county),
    ]);
    const hand = new Map(scores.map((s) => [s.orgCode, s]));
    const facts = villages.map((v) => {
      const h = hand.get(v.code);
      return {
        orgCode: v.code,
        alleviatedPopulation: people.get(v.code) ?? 0,
        collectiveIncome: income.get(v.code) ?? null,
        location: h?.location ?? null,
        publicService: h?.publicService ?? null,
        infrastructure: h?.infrastructure ?? null,
        resources: h?.resources ?? null,
      };
    });
    const scored = scoreVillages(facts, w.weights);
    const decided = new Map<string, 'key' | 'demo'>();
    if (decisions.inForce)
      for (const v of await repo.decisionVillages(db, decisions.inForce.id, '')) decided.set(v.org_code, v.kind);
    const rows: SheetRow[] = villages.map((v, i) => {
      const h = hand.get(v.code);
      const { orgCode: _, ...f } = facts[i];
      return {
        orgCode: v.code,
        villageName: v.name,
        townshipName: v.township_name,
        year,
        facts: f,
        needs: scored[i].needs,
        score: scored[i].score,
        rank: scored[i].rank,
        missing: scored[i].missing,
        decided: decided.get(v.code) ?? null,
        note: h?.note ?? null,
        scoredAt: h ? iso(h.updatedAt) : null,
      };
    });
    return { rows, weights: w, inForce: decisions.inForce };
  }

  /** The rows a list or its export shows: the actor's scope, the filters, the order asked. */
  function select(ctx: RequestContext, rows: SheetRow[], q: ExportQuery & Partial<Pick<ListQuery, 'sort' | 'order'>>) {
    const orgPrefix = orgFilterPrefix(q.orgCode);
    const complete = (r: SheetRow) => HAND.every((f) => r.facts[f] !== null);
    const picked = rows.filter(
      (r) =>
        r.orgCode.startsWith(ctx.actor.scopePrefix) &&
        (!orgPrefix || r.orgCode.startsWith(orgPrefix)) &&
        (!q.q || r.villageName.includes(q.q)) &&
        (q.status === undefined ||
          (q.status === 'scored' && complete(r)) ||
          (q.status === 'unscored' && !complete(r)) ||
          (q.status === 'key' && r.decided === 'key') ||
          (q.status === 'demo' && r.decided === 'demo')),
    );
    const sort = q.sort ?? 'rank';
    const dir = q.order === 'desc' ? -1 : 1;
    const key = (r: SheetRow) => (sort === 'orgCode' ? r.orgCode : sort === 'score' ? r.score : r.rank);
    return picked.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === y) return a.orgCode < b.orgCode ? -1 : 1;
      if (x === null) return 1; // no score: last either way
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }

  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'programmes:read');
    const county = countyOfActor(ctx);
    const sheet = await countySheet(county, q.year);
    const rows = select(ctx, sheet.rows, q);
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    return {
      items: rows.slice(w.offset, w.offset + w.pageSize),
      total: rows.length,
      page: w.page ?? 1,
      pageSize: w.pageSize,
      year: q.year,
      weights: sheet.weights.rows,
      countyVillages: sheet.rows.length,
      inForce: sheet.inForce
        ? {
            id: sheet.inForce.id,
            year: sheet.inForce.year,
            docNo: sheet.inForce.doc_no,
            decidedOn: sheet.inForce.decided_on,
          }
        : null,
    };
  }

  async function requireVillage(ctx: RequestContext, orgCode: string) {
    const unit = await repo.findUnit(db, ctx.actor.scopePrefix, orgCode);
    if (!unit) throw AppError.notFound(VILLAGE);
    if (unit.level !== 'village') throw fieldError('orgCode', '请选择行政村', 'Choose a village');
    return unit;
  }

  /** The county's hand scores of a village for a year (区位条件, 公共服务, 基础设施, 资源禀赋): saved, audited. */
  async function saveScores(ctx: RequestContext, orgCode: string, year: number, input: HandScoresInput) {
    requireCounty(ctx);
    requireInScope(ctx, orgCode);
    const village = await requireVillage(ctx, orgCode);
    const errors = handScoreErrors(input);
    if (year > Number(todayInChina().slice(0, 4)) + 1)
      errors.push({ field: 'year', messageZh: '年度至多为明年', messageEn: 'the year can be next year at the latest' });
    if (errors.length) throw AppError.validation(errors);
    await db.transaction(async (tx) => {
      const before = await repo.scoreOf(tx, orgCode, year);
      const values = {
        location: input.location,
        publicService: input.publicService,
        infrastructure: input.infrastructure,
        resources: input.resources,
        note: input.note ?? null,
      };
      const id = await repo.upsertScore(tx, {
        countyCode: village.county_code,
        orgCode,
        year,
        ...values,
        updatedBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: before ? 'update' : 'create',
        entity: 'key_village_score',
        entityId: id,
        orgCode,
        before: before ? auditScores(year, before) : null,
        after: auditScores(year, values),
      });
    });
    const sheet = await countySheet(village.county_code, year);
    return sheet.rows.find((r) => r.orgCode === orgCode)!;
  }

  /** Audit field names of the hand scores (the audit page labels them; 'location' there is an outlet's 地点). */
  const auditScores = (
    year: number,
    v: Pick<HandScoresInput, 'location' | 'publicService' | 'infrastructure' | 'resources'> & { note?: string | null },
  ) => ({
    year,
    locationScore: v.location,
    publicServiceScore: v.publicService,
    infrastructureScore: v.infrastructure,
    resourcesScore: v.resources,
    note: v.note ?? null,
  });

  function toDecisionRow(d: repo.DecisionDbRow, inForceId: number | undefined) {
    return {
      id: d.id,
      year: d.year,
      docNo: d.doc_no,
      decidedOn: d.decided_on,
      note: d.note,
      keyCount: d.key_count,
      demoCount: d.demo_count,
      inForce: d.id === inForceId,
      createdByName: d.created_by_name,
      createdAt: iso(d.created_at)!,
    };
  }

  async function decisions(ctx: RequestContext, q: DecisionListQuery) {
    requirePermission(ctx, 'programmes:read');
    const { all, inForce } = await decisionsWithForce(countyOfActor(ctx));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const ordered = q.order === 'asc' && q.sort ? [...all].reverse() : all;
    return {
      items: ordered.slice(w.offset, w.offset + w.pageSize).map((d) => toDecisionRow(d, inForce?.id)),
      total: all.length,
      page: w.page ?? 1,
      pageSize: w.pageSize,
    };
  }

  async function decision(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'programmes:read');
    const { all, inForce } = await decisionsWithForce(countyOfActor(ctx));
    const d = all.find((x) => x.id === id);
    if (!d) throw AppError.notFound(DECISION);
    const villages = await repo.decisionVillages(db, id, ctx.actor.scopePrefix);
    return {
      ...toDecisionRow(d, inForce?.id),
      villages: villages.map((v) => ({
        orgCode: v.org_code,
        villageName: v.village_name ?? v.org_code,
        townshipName: v.township_name,
        kind: v.kind,
        score: v.score,
        rank: v.rank,
      })),
    };
  }

  /**
   * The county's decision: its 重点帮扶村 and 示范村 for a year with 文号 and date, each village's score and rank kept as
   * the sheet gave them. When it is the decision in force, the indicators' groups and the resident teams' flags follow
   * it in the same transaction. Audited (the decision, the groups' members before/after).
   */
  async function decide(ctx: RequestContext, input: DecisionInput) {
    requireCounty(ctx);
    const county = countyOfActor(ctx);
    const errors = decisionErrors(input, todayInChina());
    if (errors.length) throw AppError.validation(errors);
    const sheet = await countySheet(county, input.year);
    const byCode = new Map(sheet.rows.map((r) => [r.orgCode, r]));
    for (const field of ['keyVillages', 'demoVillages'] as const) {
      const unknown = input[field].filter((c) => !byCode.has(c));
      if (unknown.length)
        throw fieldError(
          field,
          `不是本县${input.year}年的行政村：${unknown.join('、')}`,
          `not a village of the county in ${input.year}: ${unknown.join(', ')}`,
        );
    }
    const items = [
      ...input.keyVillages.map((c) => ({ orgCode: c, kind: 'key' as const })),
      ...input.demoVillages.map((c) => ({ orgCode: c, kind: 'demo' as const })),
    ].map((i) => ({ ...i, score: byCode.get(i.orgCode)!.score, rank: byCode.get(i.orgCode)!.rank }));
    const id = await db.transaction(async (tx) => {
      const id = await repo.insertDecision(
        tx,
        {
          countyCode: county,
          year: input.year,
          docNo: input.docNo,
          decidedOn: input.decidedOn,
          note: input.note ?? null,
          createdBy: ctx.actor.id || null,
        },
        items,
      );
      const all = await repo.decisionsOf(tx, county);
      const inForce = decisionInForce(all.map((d) => ({ ...d, decidedOn: d.decided_on })));
      await recordAudit(tx, ctx, {
        action: 'decide',
        entity: 'key_village_decision',
        entityId: id,
        orgCode: county,
        after: {
          year: input.year,
          docNo: input.docNo,
          decidedOn: input.decidedOn,
          keyVillages: input.keyVillages,
          demoVillages: input.demoVillages,
          inForce: inForce?.id === id,
        },
      });
      if (inForce?.id === id) {
        for (const { code: kind } of DECISION_KINDS) {
          const members = kind === 'key' ? input.keyVillages : input.demoVillages;
          const before = await replaceOrgGroup(tx, county.slice(0, 6), GROUP_OF_KIND[kind], members);
          // entityId: the decision that set the group (the audit page reads Chinese only: the group by its name).
          const group = DECISION_KINDS.find((k) => k.code === kind)!.zh;
          await recordAudit(tx, ctx, {
            action: 'set',
            entity: 'indicator_org_group',
            entityId: id,
            orgCode: county,
            before: { groupMembers: before },
            after: { groupName: group, groupMembers: [...members].sort(), decision: input.docNo },
          });
        }
        await setKeyVillageFlags(tx, ctx, county, input.keyVillages);
      }
      return id;
    });
    return decision(ctx, id);
  }

  /** 重点帮扶村评分排序表 (.xlsx): the villages the list's filters select, in rank order, with facts and needs; audited. */
  async function exportSheet(ctx: RequestContext, q: ExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const sheet = await countySheet(countyOfActor(ctx), q.year);
    const rows = select(ctx, sheet.rows, q);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'key_village_score',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '重点帮扶村评分排序表', rows: rows.length, filters: q },
      }),
    );
    const kindZh = (k: 'key' | 'demo' | null) => DECISION_KINDS.find((d) => d.code === k)?.zh ?? '';
    async function* body(): AsyncGenerator<Cell[]> {
      for (const r of rows)
        yield [
          r.rank,
          r.townshipName,
          r.villageName,
          r.orgCode,
          r.score,
          r.facts.alleviatedPopulation,
          r.facts.collectiveIncome === null ? null : r.facts.collectiveIncome / 100,
          r.facts.location,
          r.facts.publicService,
          r.facts.infrastructure,
          r.facts.resources,
          ...FACTORS.map((f) => r.needs[f.code]),
          r.missing.map((m) => FACTORS.find((f) => f.code === m)?.zh ?? m).join('、'),
          kindZh(r.decided),
          r.note,
        ];
    }
    async function* weights(): AsyncGenerator<Cell[]> {
      for (const w of sheet.weights.rows)
        yield [
          FACTORS.find((f) => f.code === w.factor)?.zh ?? w.factor,
          w.weight,
          w.notFound ? '方案未给权重，为默认值' : '',
        ];
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: `${q.year}年重点帮扶村评分排序`,
            headers: [
              { header: '名次', kind: 'integer' },
              '乡镇',
              '行政村',
              { header: '村代码', kind: 'code' },
              { header: '综合得分', kind: 'number' },
              { header: '脱贫人口(人)', kind: 'integer' },
              { header: '集体经济收入(元)', kind: 'yuan' },
              { header: '区位条件评分', kind: 'number' },
              { header: '公共服务评分', kind: 'number' },
              { header: '基础设施评分', kind: 'number' },
              { header: '资源禀赋评分', kind: 'number' },
              ...FACTORS.map((f) => ({ header: `${f.zh}需要度`, kind: 'number' as const })),
              '缺项',
              '现行认定',
              '说明',
            ],
            rows: body(),
          },
          {
            title: '权重',
            headers: ['因素', { header: '权重', kind: 'number' }, '来源'],
            rows: weights(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  return { list, saveScores, decisions, decision, decide, exportSheet };
}

const HAND = ['location', 'publicService', 'infrastructure', 'resources'] as const;

export type KeyVillagesService = ReturnType<typeof createKeyVillagesService>;
