import type { Writable } from 'node:stream';
import { OUTLET_CHANNELS, OUTLET_KINDS, SUPPLIER_KINDS, zhOfCode } from '#common/domain/village-economy/codes.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './consumer-assistance.repository.ts';
import {
  outletFilter,
  toOutletRow,
  todayOf,
  yearOf,
  type ConsumerDeps,
  type OutletExportQuery,
} from './consumer-assistance.shared.ts';

// 消费帮扶网点台账 (.xlsx): the outlet list under the same filters, and the monthly sales of the outlets listed.

const PAGE_SIZE = 500;

/** The outlet sheet's rows; the ids listed are collected for the sales sheet. */
async function* outletRows(
  d: ConsumerDeps,
  sel: { where: ReturnType<typeof repo.outletWhere>; year: number; ids: number[] },
): AsyncGenerator<Cell[]> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const batch = await repo.listOutlets(
      d.db,
      sel.where,
      { sort: 'orgCode' },
      { pageSize: PAGE_SIZE, offset },
      sel.year,
    );
    for (const r of batch.map(toOutletRow)) {
      sel.ids.push(r.id);
      yield [
        zhOfCode(OUTLET_KINDS, r.kind),
        r.name,
        zhOfCode(OUTLET_CHANNELS, r.channel),
        r.orgName,
        r.location,
        r.operator,
        r.openedOn,
        r.closedOn,
        r.salesYearFen / 100,
        r.salesTotalFen / 100,
      ];
    }
    if (batch.length < PAGE_SIZE) return;
  }
}

/** Written after the outlet sheet: the sales of the outlets listed there. */
async function* saleRows(d: ConsumerDeps, ctx: RequestContext, ids: number[]): AsyncGenerator<Cell[]> {
  for (let i = 0; i < ids.length; i += PAGE_SIZE) {
    const chunk = ids.slice(i, i + PAGE_SIZE);
    for (const outletId of chunk) {
      const rows = await repo.listSales(
        d.db,
        repo.saleWhere(ctx.actor.scopePrefix, { outletId }),
        { sort: 'period' },
        { pageSize: 10_000, offset: 0 },
      );
      for (const r of rows)
        yield [
          r.sale.period,
          r.outletName,
          zhOfCode(OUTLET_KINDS, r.outletKind),
          r.productName,
          zhOfCode(SUPPLIER_KINDS, r.supplierKind),
          r.supplierName,
          r.sale.amountFen / 100,
        ];
    }
  }
}

const outletHeaders = (year: number) => [
  '类型',
  '网点名称',
  '线上/线下',
  '所属单位',
  '地点',
  '运营主体',
  { header: '开设日期', kind: 'date' as const },
  { header: '关闭日期', kind: 'date' as const },
  { header: `${year}年销售额(元)`, kind: 'yuan' as const },
  { header: '累计销售额(元)', kind: 'yuan' as const },
];

const SALE_HEADERS = [
  { header: '月份', kind: 'code' as const },
  '网点名称',
  '类型',
  '产品',
  '供货方类型',
  '供货方',
  { header: '销售额(元)', kind: 'yuan' as const },
];

/** 消费帮扶网点台账 (.xlsx): the outlet list under the same filters, and their monthly sales; audited. */
export async function exportOutlets(d: ConsumerDeps, ctx: RequestContext, q: OutletExportQuery) {
  requirePermission(ctx, 'programmes:read');
  const today = todayOf(d);
  const year = yearOf(today);
  const where = repo.outletWhere(ctx.actor.scopePrefix, outletFilter(q, today));
  const total = await repo.countOutlets(d.db, where);
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'consumer_outlet',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '消费帮扶网点台账', rows: total, filters: q },
    }),
  );
  const ids: number[] = [];
  return (out: Writable) =>
    writeLedger(
      out,
      [
        { title: '消费帮扶网点', headers: outletHeaders(year), rows: outletRows(d, { where, year, ids }) },
        { title: '月度销售', headers: SALE_HEADERS, rows: saleRows(d, ctx, ids) },
      ],
      ledgerMeta(ctx),
    );
}
