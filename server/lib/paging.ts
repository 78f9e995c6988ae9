import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_PAGE_SIZE, type PagingQuery } from '#common/contracts/paging.ts';

// The server side of the paged-list convention (common/contracts/paging.ts): ORDER BY from a sort
// whitelist and LIMIT/OFFSET of a numbered page. The where-clause stays the list's own function, so the
// count, the page and the export of a list read the same rows.

/** Column expressions by allowed sort key; `id` breaks ties so that pages never overlap. */
export type SortColumns<S extends string> = Record<S, SQL>;

export function orderBy<S extends string>(columns: SortColumns<S>, q: PagingQuery<S>, id: SQL, fallback: S): SQL {
  const key = q.sort ?? fallback;
  const dir = q.order === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  return sql`${columns[key]} ${dir}, ${id} ASC`;
}

export interface PageWindow {
  /** Numbered page (from 1) or null when paging by id cursor. */
  page: number | null;
  pageSize: number;
  offset: number;
}

/** The window of a query: a numbered page when `page` is given, else the first `limit` rows after the cursor. */
export function pageWindow(q: PagingQuery & { limit?: number }): PageWindow {
  if (q.page !== undefined) {
    const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
    return { page: q.page, pageSize, offset: (q.page - 1) * pageSize };
  }
  return { page: null, pageSize: q.pageSize ?? q.limit ?? DEFAULT_PAGE_SIZE, offset: 0 };
}

/** Whether the id cursor applies (no numbered page, and the list is in id order). */
export function usesCursor(q: PagingQuery): boolean {
  return q.page === undefined && (q.sort === undefined || q.sort === ('id' as never));
}
