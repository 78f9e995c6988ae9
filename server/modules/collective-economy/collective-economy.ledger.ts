import type { Writable } from 'node:stream';
import type { VillageIncomeRow } from '#common/contracts/collective-economy.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type ColumnSpec } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './collective-economy.repository.ts';
import {
  filterOf,
  ledgerOf,
  toRow,
  weakLine,
  type CollectiveEconomyDeps,
  type ExportQuery,
} from './collective-economy.shared.ts';

// 村集体经济收入台账 (.xlsx): the list's villages under the same filters (one sheet), the township totals (another);
// audited before it is written.

/** Villages read per query while the sheet streams. */
const BATCH = 500;

const yuan = (fen: number) => fen / 100;

const villageHeaders = (weakLineFen: number): (string | ColumnSpec)[] => [
  '乡镇',
  '行政村',
  { header: '村代码', kind: 'code' },
  { header: '年度', kind: 'integer' },
  { header: '经营性资产收益(元)', kind: 'yuan' },
  { header: '光伏电站收益(元)', kind: 'yuan' },
  { header: '土地发包租赁收入(元)', kind: 'yuan' },
  { header: '集体经营收入(元)', kind: 'yuan' },
  { header: '其他收入(元)', kind: 'yuan' },
  { header: '合计(元)', kind: 'yuan' },
  `低于${weakLineFen / 100}元`,
  { header: '资产台账光伏收益(元)', kind: 'yuan' },
  { header: '资产台账其他资产收益(元)', kind: 'yuan' },
  '说明',
];

const TOWNSHIP_HEADERS: (string | ColumnSpec)[] = [
  '乡镇',
  { header: '乡镇代码', kind: 'code' },
  { header: '行政村数', kind: 'integer' },
  { header: '已填报', kind: 'integer' },
  { header: '薄弱村', kind: 'integer' },
  { header: '合计(元)', kind: 'yuan' },
];

const villageCells = (r: VillageIncomeRow): Cell[] => [
  r.townshipName,
  r.villageName,
  r.orgCode,
  r.year,
  r.entered ? yuan(r.assetFen) : null,
  r.entered ? yuan(r.photovoltaicFen) : null,
  r.entered ? yuan(r.landFen) : null,
  r.entered ? yuan(r.operationsFen) : null,
  r.entered ? yuan(r.otherFen) : null,
  r.entered ? yuan(r.totalFen) : null,
  r.entered ? (r.weak ? '是' : '否') : '未填报',
  yuan(r.ledger.photovoltaicFen),
  yuan(r.ledger.assetFen),
  r.note,
];

type Townships = Awaited<ReturnType<typeof repo.townshipTotals>>;

async function* townshipCells(townships: Townships, rowsTotal: number): AsyncGenerator<Cell[]> {
  for (const t of townships) yield [t.name, t.code, t.villages, t.entered, t.weak, yuan(t.totalFen)];
  yield [
    '合计',
    null,
    rowsTotal,
    townships.reduce((s, t) => s + t.entered, 0),
    townships.reduce((s, t) => s + t.weak, 0),
    yuan(townships.reduce((s, t) => s + t.totalFen, 0)),
  ];
}

/** 村集体经济收入台账 (.xlsx): the list's villages under the same filters, with township totals; audited. */
export async function exportLedger(d: CollectiveEconomyDeps, ctx: RequestContext, q: ExportQuery) {
  requirePermission(ctx, 'programmes:read');
  const line = await weakLine(d, ctx, q.year);
  const from = filterOf(ctx, q, line.weakLineFen);
  const townships = await repo.townshipTotals(d.db, from, line.weakLineFen);
  const ledger = await ledgerOf(d, ctx, q.year, q.orgCode);
  const rowsTotal = townships.reduce((s, t) => s + t.villages, 0);
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'collective_income',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '村集体经济收入台账', rows: rowsTotal, filters: q },
    }),
  );
  async function* villages(): AsyncGenerator<Cell[]> {
    for (let offset = 0; ; offset += BATCH) {
      const batch = await repo.listVillages(d.db, from, { sort: 'orgCode' }, { pageSize: BATCH, offset });
      for (const x of batch) yield villageCells(toRow(x, q.year, line.weakLineFen, ledger));
      if (batch.length < BATCH) return;
    }
  }
  return (out: Writable) =>
    writeLedger(
      out,
      [
        { title: `${q.year}年村集体经济收入`, headers: villageHeaders(line.weakLineFen), rows: villages() },
        { title: '乡镇合计', headers: TOWNSHIP_HEADERS, rows: townshipCells(townships, rowsTotal) },
      ],
      ledgerMeta(ctx),
    );
}
