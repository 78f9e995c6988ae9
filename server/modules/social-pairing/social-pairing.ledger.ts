import type { Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import type { PairingTotals } from '#common/contracts/social-pairing.ts';
import { PAIRING_KINDS, zhOf } from '#common/domain/village-support/codes.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type SheetContent } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { totals } from './social-pairing.pairings.ts';
import * as repo from './social-pairing.repository.ts';
import { filterOf, toRow, type PairingExportQuery, type SocialPairingDeps } from './social-pairing.shared.ts';

// 社会力量帮扶台账 (.xlsx): the filtered pairings, their contributions, and the totals per kind and township.

async function* pairingRows(db: Db, where: SQL): AsyncGenerator<Cell[]> {
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

async function* contributionRows(db: Db, where: SQL): AsyncGenerator<Cell[]> {
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

async function* totalRows(sums: PairingTotals): AsyncGenerator<Cell[]> {
  for (const k of sums.byKind)
    yield ['按类别', zhOf(PAIRING_KINDS, k.kind), k.pairings, k.fundsFen / 100, k.projects, k.jobs];
  for (const k of sums.byTownship) yield ['按乡镇', k.townshipName, k.pairings, k.fundsFen / 100, k.projects, k.jobs];
  const t = sums.total;
  yield ['合计', null, t.pairings, t.fundsFen / 100, t.projects, t.jobs];
}

const PAIRING_HEADERS: SheetContent['headers'] = [
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
];
const CONTRIBUTION_HEADERS: SheetContent['headers'] = [
  '村',
  '帮扶类别',
  '帮扶单位',
  { header: '日期', kind: 'date' },
  { header: '资金(元)', kind: 'yuan' },
  '项目',
  { header: '岗位(个)', kind: 'integer' },
  '说明',
];
const TOTAL_HEADERS: SheetContent['headers'] = [
  '口径',
  '类别或乡镇',
  { header: '结对数', kind: 'integer' },
  { header: '投入资金(元)', kind: 'yuan' },
  { header: '引进项目(个)', kind: 'integer' },
  { header: '提供岗位(个)', kind: 'integer' },
];

/** 社会力量帮扶台账 (.xlsx): the filtered pairings, their contributions, and the totals per kind and township. */
export async function exportLedger(d: SocialPairingDeps, ctx: RequestContext, q: PairingExportQuery) {
  const { db } = d;
  requirePermission(ctx, 'programmes:read');
  const where = repo.pairingWhere(ctx.actor.scopePrefix, filterOf(q));
  const total = await repo.countPairings(db, where);
  const sums = await totals(d, ctx, q);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'social_pairing',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '社会力量帮扶台账', rows: total, filters: q },
    }),
  );
  return (out: Writable) =>
    writeLedger(
      out,
      [
        { title: '社会力量帮扶台账', headers: PAIRING_HEADERS, rows: pairingRows(db, where) },
        { title: '帮扶投入明细', headers: CONTRIBUTION_HEADERS, rows: contributionRows(db, where) },
        { title: '汇总', caption: '社会力量帮扶汇总', headers: TOTAL_HEADERS, rows: totalRows(sums) },
      ],
      ledgerMeta(ctx),
    );
}
