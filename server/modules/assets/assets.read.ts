import type { z } from 'zod';
import type { assetListQuery, AssetDetail, AssetRow, AssetSort, assetPage } from '#common/contracts/assets.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { countAssets, incomesOf, listAssets, summary } from './assets.repository.ts';
import { filterOf, NOT_FOUND, toAssetRow, type AssetFilterQuery, type AssetsDeps } from './assets.shared.ts';

// Reading the ledger: the county 总账 and the township/village 明细台账 (the same rows seen through the caller's
// scope), paged or whole, the totals, one asset with its incomes and disposal.

type ListQuery = z.infer<typeof assetListQuery>;
type AssetPage = z.infer<typeof assetPage>;

/** One numbered page with the total when `page` is given; else the whole filtered ledger (older callers). */
export async function list(d: AssetsDeps, ctx: RequestContext, q: ListQuery): Promise<AssetRow[] | AssetPage> {
  if (q.page === undefined) return all(d, ctx, q);
  requirePermission(ctx, 'assets:read');
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  const filter = filterOf(q);
  const [rows, total] = await Promise.all([
    listAssets(d.db, ctx.actor.scopePrefix, filter, q),
    countAssets(d.db, ctx.actor.scopePrefix, filter),
  ]);
  const win = pageWindow(q);
  return { items: rows.map(toAssetRow), total, page: win.page ?? 1, pageSize: win.pageSize };
}

/** Every asset the filters match, in the asked order (the ledger export reads this). */
export async function all(
  { db }: AssetsDeps,
  ctx: RequestContext,
  q: AssetFilterQuery & PagingQuery<AssetSort>,
): Promise<AssetRow[]> {
  requirePermission(ctx, 'assets:read');
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  const rows = await listAssets(db, ctx.actor.scopePrefix, filterOf(q), { sort: q.sort, order: q.order });
  return rows.map(toAssetRow);
}

export async function totals({ db }: AssetsDeps, ctx: RequestContext) {
  requirePermission(ctx, 'assets:read');
  return summary(db, ctx.actor.scopePrefix);
}

export async function get({ db }: AssetsDeps, ctx: RequestContext, id: number): Promise<AssetDetail> {
  requirePermission(ctx, 'assets:read');
  const [row] = await listAssets(db, ctx.actor.scopePrefix, { id });
  if (!row) throw AppError.notFound(NOT_FOUND);
  const incomes = await incomesOf(db, id);
  return {
    ...toAssetRow(row),
    disposalReason: row.a.disposalReason,
    disposedOn: row.a.disposedOn,
    disposalProceedsFen: row.a.disposalProceedsFen,
    disposalNote: row.a.disposalNote,
    disposalDeliberationId: row.a.disposalDeliberationId,
    incomes: incomes.map((r) => ({
      id: r.i.id,
      year: r.i.year,
      receivedOn: r.i.receivedOn,
      amountFen: r.i.amountFen,
      distribution: r.i.distribution,
      deliberationId: r.i.deliberationId,
      deliberationSubject: r.subject,
      note: r.i.note,
    })),
  };
}
