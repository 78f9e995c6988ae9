import { sql, type SQL } from 'drizzle-orm';
import { LABOUR_CAPABLE_SKILLS } from '#common/domain/registry/codes.ts';
import { DEFAULT_PAGE_SIZE } from '#common/contracts/paging.ts';

// SQL fragments every assistance repository shares: who may see which households (the reach), the head's name
// and the labour-capable skill list. Every read takes the actor's scope prefix; a paired cadre's reads also take
// his user id.

/** Who may see which households: an org prefix, and for a paired cadre his active pairings. */
export interface Reach {
  scopePrefix: string;
  cadreUserId: number | null;
}

export const headName = (idCol: SQL) => sql<
  string | null
>`(SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
  WHERE m.household_id = ${idCol} AND m.valid_to IS NULL AND m.relationship = 'head')`;
export const labourList = sql.join(
  LABOUR_CAPABLE_SKILLS.map((s) => sql`${s}`),
  sql`, `,
);

/** SQL condition on a household id column: within reach. */
export function reachOf(householdIdCol: SQL, villageCol: SQL, r: Reach): SQL {
  const scope = r.scopePrefix === '' ? sql`true` : sql`${villageCol} LIKE ${r.scopePrefix + '%'}`;
  if (r.cadreUserId === null) return scope;
  return sql`${scope} AND EXISTS (SELECT 1 FROM cadre_pairing cp WHERE cp.household_id = ${householdIdCol} AND cp.cadre_user_id = ${r.cadreUserId} AND cp.end_on IS NULL)`;
}

/** `%words%` for LIKE/ILIKE, with the pattern characters of the words taken literally. */
export const containsPattern = (words: string) => `%${words.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * The window of a paged list (common/contracts/paging.ts): a numbered page when `page` is given; without it the
 * first `pageSize` rows (default `fallbackSize`, for older clients that asked without a page; `total` says the rest).
 */
export function listWindow(q: { page?: number; pageSize?: number }, fallbackSize: number) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? (q.page === undefined ? fallbackSize : DEFAULT_PAGE_SIZE);
  return { page, pageSize, offset: (page - 1) * pageSize };
}
