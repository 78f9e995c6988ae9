import { sql, type SQL } from 'drizzle-orm';
import type { REVIEW_SORTS } from '#common/contracts/registry-lists.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { orderBy, pageWindow, type SortColumns } from '#server/lib/paging.ts';

// SQL of the 待审核 list (registry_change rows of village edits). Scoped by the actor's prefix.

export type ReviewSort = (typeof REVIEW_SORTS)[number];

export interface ReviewFilter {
  /** The actor's scope prefix ('' for system work). */
  scopePrefix: string;
  /** A narrower prefix inside the scope (a township or village), or ''. */
  orgPrefix: string;
  status: 'pending' | 'confirmed' | 'rejected';
  action?: string;
}

export interface ReviewRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  reason: string;
  before: unknown;
  after: unknown;
  reviewStatus: 'none' | 'pending' | 'confirmed' | 'rejected';
  reviewedBy: string | null;
  reviewNote: string | null;
  householdId: number;
  householdNo: string;
  villageCode: string;
  villageName: string | null;
}

/** The one where-clause of the reviews list: its page, its total and its export read the same rows. */
export function reviewWhere(f: ReviewFilter): SQL {
  const where: SQL[] = [sql`c.review_status = ${f.status}`];
  if (f.scopePrefix) where.push(sql`c.village_code LIKE ${f.scopePrefix + '%'}`);
  if (f.orgPrefix) where.push(sql`c.village_code LIKE ${f.orgPrefix + '%'}`);
  if (f.action) where.push(sql`c.action = ${f.action}`);
  return sql.join(where, sql` AND `);
}

const REVIEW_SORT_COLUMNS: SortColumns<ReviewSort> = {
  id: sql`c.id`,
  at: sql`c.at`,
  householdNo: sql`h.household_no`,
  village: sql`o.name`,
  actor: sql`c.actor_name`,
  action: sql`c.action`,
};

/** One numbered page of the list (oldest first unless a sort key is named: the order work is done in) and the total. */
export async function listReviewPage(
  db: Db,
  f: ReviewFilter & PagingQuery<ReviewSort> & { page: number },
): Promise<{ rows: ReviewRow[]; total: number }> {
  const where = reviewWhere(f);
  const win = pageWindow(f);
  const from = sql`FROM registry_change c JOIN household h ON h.id = c.household_id AND h.county_code = c.county_code LEFT JOIN org_unit o ON o.code = c.village_code`;
  const [rows, [count]] = await Promise.all([
    queryRows<ReviewRow>(
      db,
      sql`SELECT c.id::int AS id, to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
          c.actor_id AS "actorId", c.actor_name AS "actorName", c.action, c.reason, c.before, c.after,
          c.review_status AS "reviewStatus", c.reviewed_by AS "reviewedBy", c.review_note AS "reviewNote",
          c.household_id::int AS "householdId", h.household_no AS "householdNo", c.village_code AS "villageCode",
          o.name AS "villageName"
        ${from} WHERE ${where} ORDER BY ${orderBy(REVIEW_SORT_COLUMNS, f, sql`c.id`, 'id')}
        LIMIT ${win.pageSize} OFFSET ${win.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${where}`),
  ]);
  return { rows, total: count.n };
}
