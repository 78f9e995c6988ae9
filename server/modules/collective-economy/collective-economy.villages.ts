import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import * as repo from './collective-economy.repository.ts';
import {
  filterOf,
  ledgerOf,
  toRow,
  weakLine,
  type CollectiveEconomyDeps,
  type ListQuery,
} from './collective-economy.shared.ts';

// The list of a year: the villages with their entry (or 未填报), township totals, the weak line.

/** The villages of a year with their entry (or 未填报), township totals over every filtered village. */
export async function list(d: CollectiveEconomyDeps, ctx: RequestContext, q: ListQuery) {
  requirePermission(ctx, 'programmes:read');
  const line = await weakLine(d, ctx, q.year);
  const from = filterOf(ctx, q, line.weakLineFen);
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, townships, ledger] = await Promise.all([
    repo.listVillages(d.db, from, q, w),
    repo.townshipTotals(d.db, from, line.weakLineFen),
    ledgerOf(d, ctx, q.year, q.orgCode),
  ]);
  return {
    items: rows.map((r) => toRow(r, q.year, line.weakLineFen, ledger)),
    total: townships.reduce((s, t) => s + t.villages, 0),
    page: w.page ?? 1,
    pageSize: w.pageSize,
    year: q.year,
    ...line,
    townships,
    totalFen: townships.reduce((s, t) => s + t.totalFen, 0),
  };
}
