import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  contributionInput,
  endPairingInput,
  pairingExportQuery,
  pairingInput,
  pairingListQuery,
  PairingDetail,
  PairingRow,
  PairingTotals,
} from '../../../common/contracts/social-pairing.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { PAIRING_KINDS, zhOf, type PairingKind } from '../../../common/domain/village-support/codes.ts';
import { contributionErrors } from '../../../common/domain/village-support/pairing.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './social-pairing.repository.ts';

// 社会力量帮扶 (沁发〔2021〕17号 §二(二)3 健全社会力量参与帮扶机制: 领导联系帮扶、单位结对帮扶、企业合作帮扶、学校医院对口
// 帮扶). A pairing ties a partner (unit, enterprise, school or hospital; the leader who answers for it) to a village
// from a start date; contributions record what it brought (funds in fen, a project, jobs) on a day. Totals per kind
// and per township over the filtered pairings; the ledger exports the same rows. Every write audited.

type PairingListQuery = z.infer<typeof pairingListQuery>;
type PairingExportQuery = z.infer<typeof pairingExportQuery>;

const PAIRING = { zh: '社会力量帮扶', en: 'Pairing' };

function toRow(r: Awaited<ReturnType<typeof repo.listPairings>>[number]): PairingRow {
  const x = r.pairing;
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    kind: x.kind as PairingKind,
    partnerName: x.partnerName,
    leaderName: x.leaderName,
    startedOn: x.startedOn,
    endedOn: x.endedOn,
    note: x.note,
    fundsFen: Number(r.fundsFen),
    projects: Number(r.projects),
    jobs: Number(r.jobs),
  };
}

const filterOf = (q: PairingExportQuery) => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  kind: q.kind,
  status: q.status,
  q: q.q,
});

const line = (r: repo.TotalsDbRow) => ({
  pairings: Number(r.pairings),
  fundsFen: Number(r.funds_fen ?? 0),
  projects: Number(r.projects ?? 0),
  jobs: Number(r.jobs ?? 0),
});

export function createSocialPairingService(db: Db) {
  async function list(ctx: RequestContext, q: PairingListQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.pairingWhere(ctx.actor.scopePrefix, filterOf(q));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listPairings(db, where, q, w), repo.countPairings(db, where)]);
    return { items: rows.map(toRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  /** Totals per kind and per township of what the list filters. */
  async function totals(ctx: RequestContext, q: PairingExportQuery): Promise<PairingTotals> {
    requirePermission(ctx, 'programmes:read');
    const where = repo.pairingWhere(ctx.actor.scopePrefix, filterOf(q));
    const [byKind, byTownship] = await Promise.all([
      repo.totals(db, where, 'kind'),
      repo.totals(db, where, 'township'),
    ]);
    const sum = byKind.map(line).reduce(
      (a, b) => ({
        pairings: a.pairings + b.pairings,
        fundsFen: a.fundsFen + b.fundsFen,
        projects: a.projects + b.projects,
        jobs: a.jobs + b.jobs,
      }),
      { pairings: 0, fundsFen: 0, projects: 0, jobs: 0 },
    );
    return {
      byKind: byKind.map((r) => ({ kind: r.key as PairingKind, ...line(r) })),
      byTownship: byTownship.map((r) => ({ townshipCode: r.key, townshipName: r.name, ...line(r) })),
      total: sum,
    };
  }

  async function get(ctx: RequestContext, id: number): Promise<PairingDetail> {
    requirePermission(ctx, 'programmes:read');
    const [row] = await repo.listPairings(
      db,
      repo.pairingWhere(ctx.actor.scopePrefix, { id }),
      {},
      { pageSize: 1, offset: 0 },
    );
    if (!row) throw AppError.notFound(PAIRING);
    const contributions = await repo.contributionsOf(db, [id]);
    return {
      ...toRow(row),
      contributions: contributions.map((x) => ({
        id: x.id,
        contributedOn: x.contributedOn,
        fundsFen: x.fundsFen,
        projectName: x.projectName,
        jobs: x.jobs,
        note: x.note,
      })),
    };
  }

  async function create(ctx: RequestContext, input: z.infer<typeof pairingInput>): Promise<PairingDetail> {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, input.orgCode);
    if (
      levelOfCode(input.orgCode) !== 'village' ||
      !(await repo.villageExists(db, ctx.actor.scopePrefix, input.orgCode))
    )
      throw AppError.validation([
        { field: 'orgCode', messageZh: '结对对象为行政村', messageEn: 'A pairing is with a village' },
      ]);
    if (input.startedOn > todayInChina())
      throw AppError.validation([
        { field: 'startedOn', messageZh: '结对日期不能晚于今天', messageEn: 'The start date is in the future' },
      ]);
    const id = await db.transaction(async (tx) => {
      const newId = await repo.insertPairing(tx, {
        countyCode: countyCodeOf(input.orgCode),
        orgCode: input.orgCode,
        kind: input.kind,
        partnerName: input.partnerName,
        leaderName: input.leaderName || null,
        startedOn: input.startedOn,
        note: input.note || null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'social_pairing',
        entityId: newId,
        orgCode: input.orgCode,
        after: input,
      });
      return newId;
    });
    return get(ctx, id);
  }

  /** What the pairing brought on a day: at least one of funds, a project, jobs. */
  async function contribute(ctx: RequestContext, id: number, input: z.infer<typeof contributionInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const pairing = await repo.findPairing(tx, ctx.actor.scopePrefix, id, true);
      if (!pairing) throw AppError.notFound(PAIRING);
      const errors = contributionErrors(input, pairing, todayInChina());
      if (errors.length) throw AppError.validation(errors);
      const cid = await repo.insertContribution(tx, {
        countyCode: pairing.countyCode,
        orgCode: pairing.orgCode,
        pairingId: id,
        contributedOn: input.contributedOn,
        fundsFen: input.fundsFen,
        projectName: input.projectName || null,
        jobs: input.jobs,
        note: input.note || null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'contribute',
        entity: 'social_pairing',
        entityId: id,
        orgCode: pairing.orgCode,
        after: { contributionId: cid, ...input },
      });
    });
    return get(ctx, id);
  }

  async function end(ctx: RequestContext, id: number, input: z.infer<typeof endPairingInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const pairing = await repo.findPairing(tx, ctx.actor.scopePrefix, id, true);
      if (!pairing) throw AppError.notFound(PAIRING);
      if (pairing.endedOn) throw new AppError('CONFLICT', { zh: '结对已结束', en: 'The pairing has ended' });
      if (input.endedOn < pairing.startedOn || input.endedOn > todayInChina())
        throw AppError.validation([
          {
            field: 'endedOn',
            messageZh: '结束日期须在结对日期之后且不晚于今天',
            messageEn: 'The end date lies between the start date and today',
          },
        ]);
      await repo.endPairing(tx, id, input.endedOn);
      await recordAudit(tx, ctx, {
        action: 'end',
        entity: 'social_pairing',
        entityId: id,
        orgCode: pairing.orgCode,
        before: { endedOn: null },
        after: input,
      });
    });
    return get(ctx, id);
  }

  /** 社会力量帮扶台账 (.xlsx): the filtered pairings, their contributions, and the totals per kind and township. */
  async function exportLedger(ctx: RequestContext, q: PairingExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.pairingWhere(ctx.actor.scopePrefix, filterOf(q));
    const total = await repo.countPairings(db, where);
    const sums = await totals(ctx, q);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'social_pairing',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '社会力量帮扶台账', rows: total, filters: q },
      }),
    );
    async function* pairingRows(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listPairings(db, where, { sort: 'orgCode' }, { pageSize, offset });
        for (const r of batch.map(toRow))
          yield [
            r.townshipName,
            r.villageName,
            zhOf(PAIRING_KINDS, r.kind),
            r.partnerName,
            r.leaderName,
            r.startedOn,
            r.endedOn,
            r.fundsFen / 100,
            r.projects,
            r.jobs,
          ];
        if (batch.length < pageSize) return;
      }
    }
    async function* contributionRows(): AsyncGenerator<Cell[]> {
      const pageSize = 200;
      for (let offset = 0; ; offset += pageSize) {
        const batch = (await repo.listPairings(db, where, { sort: 'orgCode' }, { pageSize, offset })).map(toRow);
        const contributions = await repo.contributionsOf(
          db,
          batch.map((b) => b.id),
        );
        for (const r of batch)
          for (const x of contributions.filter((k) => k.pairingId === r.id))
            yield [
              r.villageName,
              zhOf(PAIRING_KINDS, r.kind),
              r.partnerName,
              x.contributedOn,
              x.fundsFen / 100,
              x.projectName,
              x.jobs,
              x.note,
            ];
        if (batch.length < pageSize) return;
      }
    }
    async function* totalRows(): AsyncGenerator<Cell[]> {
      for (const k of sums.byKind)
        yield ['按类别', zhOf(PAIRING_KINDS, k.kind), k.pairings, k.fundsFen / 100, k.projects, k.jobs];
      for (const k of sums.byTownship)
        yield ['按乡镇', k.townshipName, k.pairings, k.fundsFen / 100, k.projects, k.jobs];
      const t = sums.total;
      yield ['合计', null, t.pairings, t.fundsFen / 100, t.projects, t.jobs];
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '社会力量帮扶台账',
            headers: [
              '乡镇',
              '村',
              '帮扶类别',
              '帮扶单位',
              '负责领导',
              { header: '结对日期', kind: 'date' },
              { header: '结束日期', kind: 'date' },
              { header: '投入资金(元)', kind: 'yuan' },
              { header: '引进项目(个)', kind: 'integer' },
              { header: '提供岗位(个)', kind: 'integer' },
            ],
            rows: pairingRows(),
          },
          {
            title: '帮扶投入明细',
            headers: [
              '村',
              '帮扶类别',
              '帮扶单位',
              { header: '日期', kind: 'date' },
              { header: '资金(元)', kind: 'yuan' },
              '项目',
              { header: '岗位(个)', kind: 'integer' },
              '说明',
            ],
            rows: contributionRows(),
          },
          {
            title: '汇总',
            caption: '社会力量帮扶汇总',
            headers: [
              '口径',
              '类别或乡镇',
              { header: '结对数', kind: 'integer' },
              { header: '投入资金(元)', kind: 'yuan' },
              { header: '引进项目(个)', kind: 'integer' },
              { header: '提供岗位(个)', kind: 'integer' },
            ],
            rows: totalRows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  return { list, totals, get, create, contribute, end, exportLedger };
}

export type SocialPairingService = ReturnType<typeof createSocialPairingService>;
