import { z } from 'zod';

// One paged-list convention for every list endpoint (issue 16 point 5):
// - the answer is `{ items, total, page, pageSize }` (older clients may still page by id cursor: `afterId`/`nextAfterId`);
// - `page` (from 1) and `pageSize` ask for one numbered page; without `page` the id cursor applies;
// - `sort` is one of the endpoint's own allowed keys (an unknown key is a 400), `order` asc or desc;
// - no silent cap: `total` is the count of everything the filters match, and the export of a list
//   applies the same filters (the same where-clause function).

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 20;

/** The paging and sorting fields of a list query, with the endpoint's sort whitelist. */
export function pagingFields<S extends string>(sorts: readonly [S, ...S[]]) {
  return {
    page: z.coerce
      .number()
      .int()
      .min(1, { message: '页码从 1 开始 / page starts at 1' })
      .max(1_000_000, { message: '页码过大 / page too large' })
      .optional(),
    pageSize: z.coerce
      .number()
      .int()
      .min(1, { message: '每页至少 1 条 / pageSize at least 1' })
      .max(MAX_PAGE_SIZE, { message: `每页至多 ${MAX_PAGE_SIZE} 条 / pageSize at most ${MAX_PAGE_SIZE}` })
      .optional(),
    sort: z
      .enum(sorts as unknown as [S, ...S[]], {
        message: `排序字段应为 ${sorts.join('、')} 之一 / sort must be one of ${sorts.join(', ')}`,
      })
      .optional(),
    order: z.enum(SORT_ORDERS, { message: '排序方向应为 asc 或 desc / order must be asc or desc' }).default('asc'),
  };
}

export interface PagingQuery<S extends string = string> {
  page?: number;
  pageSize?: number;
  sort?: S;
  /** asc when absent. */
  order?: SortOrder;
}

/** What every paged answer carries besides its items. */
export const pageMeta = {
  /** Rows the filters match (all pages). */
  total: z.number().int(),
  /** The page answered (1 when paging by cursor from the start), and its size. */
  page: z.number().int(),
  pageSize: z.number().int(),
};

/**
 * A yes/no flag in a query string: "1"/"true" → true, "0"/"false" → false (a real boolean passes through).
 * Not `z.coerce.boolean()`: that turns every non-empty string, "0" and "false" included, into true.
 */
export function queryFlag() {
  return z.preprocess(
    (v) => {
      if (v === '1' || v === 'true') return true;
      if (v === '0' || v === 'false') return false;
      return v;
    },
    z.boolean({ message: '应为 1/true 或 0/false / must be 1/true or 0/false' }),
  );
}
