import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  benefitInput,
  endBenefitInput,
  uncoveredExportQuery,
  uncoveredQuery,
  HouseholdBenefits,
  UncoveredRow,
} from '../../../common/contracts/social-assistance.ts';
import { countyCodeOf, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import {
  hasLabour,
  memberCovered,
  uncoveredWithoutLabour,
  type BenefitKind,
  type BenefitSpell,
  type MemberFacts,
} from '../../../common/domain/social-assistance/rules.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { feedRecordsOfHouseholds } from '../feeds/index.ts';
import {
  candidatesWithoutLabour,
  endBenefit,
  entriesOf,
  findBenefit,
  householdOf,
  insertBenefit,
  membersOf,
  personHousehold,
  type Reach,
} from './social-assistance.repository.ts';

// 兜底保障 linkage (沁发〔2021〕17号 §二(三)5, §二(三)4 二是, §二(二)1): what each member receives from the registry's
// 低保/特困 flags, the 民政 feed (纳入低保, 纳入特困, 临时救助) and entries; the list of monitored households without
// labour not covered (the pure rule of common/domain/social-assistance).

const FEED_ITEMS: { source: string; item: string; kind: BenefitKind }[] = [
  { source: 'civil', item: 'minimumLiving', kind: 'minimumLiving' },
  { source: 'civil', item: 'destituteSupport', kind: 'destitute' },
  { source: 'civil', item: 'temporaryRelief', kind: 'temporaryRelief' },
];
export const KIND_ZH: Record<BenefitKind, string> = {
  minimumLiving: '低保',
  destitute: '特困供养',
  singlePerson: '单人保',
  temporaryRelief: '临时救助',
  disabilityAllowance: '残疾人两项补贴',
  medicalPremium: '医保参保资助',
  pensionContribution: '补充养老保险代缴',
};

const reachOf = (ctx: RequestContext): Reach => ({
  scopePrefix: ctx.actor.scopePrefix,
  cadreUserId: ctx.actor.role === 'cadre' ? ctx.actor.id : null,
});

type Benefit = HouseholdBenefits['members'][number]['benefits'][number];

export function createSocialAssistanceService(
  db: Db,
  clock: { today: () => string } = { today: () => todayInChina() },
) {
  /** Members with what they receive, and the facts of the pure rule, for the given households. */
  async function factsOf(r: Reach, householdIds: number[]) {
    const members = await membersOf(db, r, householdIds);
    const entries = await entriesOf(db, householdIds);
    const feeds = await feedRecordsOfHouseholds(db, householdIds, FEED_ITEMS);
    return members.map((m) => {
      const personId = Number(m.person_id);
      const benefits: Benefit[] = [];
      if (m.minimum_living) benefits.push(flag('minimumLiving'));
      if (m.destitute_support) benefits.push(flag('destitute'));
      for (const f of feeds.filter((x) => x.personId === personId)) {
        const kind = FEED_ITEMS.find((i) => i.source === f.source && i.item === f.item)!.kind;
        const oneOff = kind === 'temporaryRelief';
        benefits.push({
          id: null,
          kind,
          source: 'feed',
          startOn: f.occurredOn,
          endOn: oneOff ? f.occurredOn : null,
          amountFen: f.amountFen,
          department: '民政局',
          note: null,
          version: null,
        });
      }
      for (const e of entries.filter((x) => x.personId === personId))
        benefits.push({
          id: e.id,
          kind: e.kind,
          source: 'manual',
          startOn: e.startOn,
          endOn: e.endOn,
          amountFen: e.amountFen,
          department: e.department,
          note: e.note,
          version: e.version,
        });
      const facts: MemberFacts = {
        labourSkill: m.labour_skill,
        minimumLiving: m.minimum_living,
        destituteSupport: m.destitute_support,
        benefits: benefits
          .filter((b) => b.source !== 'registry' && b.startOn !== null)
          .map((b): BenefitSpell => ({ kind: b.kind, startOn: b.startOn!, endOn: b.endOn })),
      };
      return { householdId: Number(m.household_id), personId, name: m.name, benefits, facts };
    });
  }

  async function household(ctx: RequestContext, householdId: number): Promise<HouseholdBenefits> {
    requirePermission(ctx, 'assistance:read');
    const r = reachOf(ctx);
    const h = await householdOf(db, r, householdId);
    if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
    const day = clock.today();
    const members = await factsOf(r, [householdId]);
    const monitored = h.monitoring_status === 'monitored';
    return {
      householdId,
      day,
      monitored,
      uncovered: uncoveredWithoutLabour({ monitored, members: members.map((m) => m.facts) }, day),
      members: members.map((m) => ({
        personId: m.personId,
        name: m.name,
        labourSkill: m.facts.labourSkill,
        hasLabour: hasLabour(m.facts),
        covered: memberCovered(m.facts, day),
        benefits: m.benefits,
      })),
    };
  }

  async function uncoveredAll(ctx: RequestContext, orgCode: string | undefined): Promise<UncoveredRow[]> {
    requirePermission(ctx, 'assistance:read');
    if (orgCode) requireInScope(ctx, orgCode);
    const r = reachOf(ctx);
    const candidates = await candidatesWithoutLabour(db, r, orgFilterPrefix(orgCode));
    const facts = await factsOf(
      r,
      candidates.map((c) => Number(c.id)),
    );
    const day = clock.today();
    return candidates
      .filter((c) =>
        uncoveredWithoutLabour(
          { monitored: true, members: facts.filter((m) => m.householdId === Number(c.id)).map((m) => m.facts) },
          day,
        ),
      )
      .map((c) => ({
        householdId: Number(c.id),
        householdNo: c.household_no,
        headName: c.head_name,
        villageCode: c.village_code,
        villageName: c.village_name,
        members: facts.filter((m) => m.householdId === Number(c.id)).length,
        monitoringType: c.monitoring_type,
        riskTypes: c.risk_types ?? [],
      }));
  }

  /** The list's page: the rule runs over the candidates, then the page is cut (total = every flagged household). */
  async function uncovered(ctx: RequestContext, q: z.infer<typeof uncoveredQuery>) {
    const all = await uncoveredAll(ctx, q.orgCode);
    const key = q.sort ?? 'village';
    const sorted = [...all].sort((a, b) => {
      const x = key === 'village' ? a.villageCode + a.householdNo : a.householdNo;
      const y = key === 'village' ? b.villageCode + b.householdNo : b.householdNo;
      return (x < y ? -1 : x > y ? 1 : 0) * (q.order === 'desc' ? -1 : 1);
    });
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return { items: sorted.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  }

  async function prepareUncoveredExport(ctx: RequestContext, q: z.infer<typeof uncoveredExportQuery>) {
    requirePermission(ctx, 'assistance:export');
    const rows = await uncoveredAll(ctx, q.orgCode);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'social_benefit',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { format: '无劳动能力未纳入兜底保障的监测户', rows: rows.length },
      }),
    );
    return async (out: Writable) => {
      async function* cells(): AsyncGenerator<Cell[]> {
        for (const r of rows) yield [r.householdNo, r.headName, r.villageName ?? r.villageCode, r.members];
      }
      await writeLedger(
        out,
        [
          {
            title: '未纳入兜底保障',
            caption: '无劳动能力未纳入低保特困的监测户',
            headers: ['户编号', '户主', '行政村', '家庭人口（人）'],
            rows: cells(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  async function addBenefit(ctx: RequestContext, input: z.infer<typeof benefitInput>) {
    requirePermission(ctx, 'assistance:write');
    const h = await personHousehold(db, input.personId);
    if (!h) throw AppError.notFound({ zh: '人员', en: 'Person' });
    requireInScope(ctx, h.villageCode);
    if (!(await householdOf(db, reachOf(ctx), h.householdId))) throw AppError.notFound({ zh: '人员', en: 'Person' });
    const id = await db.transaction(async (tx) => {
      const newId = await insertBenefit(tx, {
        countyCode: countyCodeOf(h.villageCode),
        villageCode: h.villageCode,
        householdId: h.householdId,
        personId: input.personId,
        kind: input.kind,
        startOn: input.startOn,
        endOn: input.endOn ?? null,
        amountFen: input.amountFen ?? null,
        department: input.department ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'social_benefit',
        entityId: newId,
        orgCode: h.villageCode,
        after: { ...input },
      });
      return newId;
    });
    return { id, householdId: h.householdId };
  }

  async function end(ctx: RequestContext, id: number, input: z.infer<typeof endBenefitInput>) {
    requirePermission(ctx, 'assistance:write');
    return db.transaction(async (tx) => {
      const b = await findBenefit(tx, id, reachOf(ctx));
      if (!b) throw AppError.notFound({ zh: '保障记录', en: 'Benefit' });
      if (input.endOn < b.startOn)
        throw AppError.validation([
          { field: 'endOn', messageZh: '结束日期不能早于开始日期', messageEn: 'End before start' },
        ]);
      if (!(await endBenefit(tx, id, input.version, input.endOn, input.reason)))
        throw new AppError('CONFLICT', { zh: '记录已被他人修改，请刷新后重试', en: 'Changed; reload and retry' });
      await recordAudit(tx, ctx, {
        action: 'end',
        entity: 'social_benefit',
        entityId: id,
        orgCode: b.villageCode,
        before: { endOn: b.endOn },
        after: { endOn: input.endOn, reason: input.reason },
      });
      return { id, householdId: b.householdId };
    });
  }

  return { household, uncovered, uncoveredAll, prepareUncoveredExport, addBenefit, end };
}
export type SocialAssistanceService = ReturnType<typeof createSocialAssistanceService>;

function flag(kind: BenefitKind): Benefit {
  return {
    id: null,
    kind,
    source: 'registry',
    startOn: null,
    endOn: null,
    amountFen: null,
    department: null,
    note: null,
    version: null,
  };
}
