import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { pointsAwards, pointsRedemptions, pointsRules } from '#server/db/schema/village-points.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix). Reads org_unit for names,
// deliberation for the adopting record's subject, household/membership/person (registry) for 户编号 and head.

const r = pointsRules;
const a = pointsAwards;
const x = pointsRedemptions;

const nameOf = (code: SQL) => sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = ${code})`;
const townshipOf = (code: SQL) =>
  sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = substr(${code}, 1, 9) || '000')`;
const householdNo = (id: SQL) => sql<string | null>`(SELECT hh.household_no FROM household hh WHERE hh.id = ${id})`;
const headName = (id: SQL) =>
  sql<
    string | null
  >`(SELECT pe.name FROM membership m JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code WHERE m.household_id = ${id} AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1)`;
const yearRange = (col: SQL, year: number) => sql`${col} BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`;

// ---- rules ----

export interface RuleFilter {
  id?: number;
  orgPrefix?: string;
  category?: string;
}

export function ruleWhere(scopePrefix: string, f: RuleFilter): SQL {
  return and(
    inScope(r.orgCode, { scopePrefix }),
    f.id ? eq(r.id, f.id) : undefined,
    f.orgPrefix ? sql`${r.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.category ? eq(r.category, f.category) : undefined,
  )!;
}

const ruleSorts = { orgCode: sql`${r.orgCode}`, category: sql`${r.category}`, points: sql`${r.points}` };

export async function listRules(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof ruleSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select({
      rule: r,
      villageName: nameOf(sql`points_rule.org_code`),
      townshipName: townshipOf(sql`points_rule.org_code`),
      deliberationSubject: sql<
        string | null
      >`(SELECT d.subject FROM deliberation d WHERE d.id = points_rule.deliberation_id)`,
      awards: sql<number>`(SELECT count(*)::int FROM points_award k WHERE k.rule_id = points_rule.id)`,
    })
    .from(r)
    .where(where)
    .orderBy(orderBy(ruleSorts, q, sql`${r.id}`, 'orgCode'))
    .limit(w.pageSize)
    .offset(w.offset);
}
export type RuleDbRow = Awaited<ReturnType<typeof listRules>>[number];

async function count(db: Db, table: typeof r | typeof a | typeof x, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}
export const countRules = (db: Db, where: SQL) => count(db, r, where);
export const countAwards = (db: Db, where: SQL) => count(db, a, where);
export const countRedemptions = (db: Db, where: SQL) => count(db, x, where);

export async function findRule(db: Db, scopePrefix: string, id: number) {
  const [row] = await db
    .select()
    .from(r)
    .where(and(eq(r.id, id), inScope(r.orgCode, { scopePrefix })));
  return row;
}

export async function insertRule(tx: Db, values: typeof r.$inferInsert): Promise<number> {
  const [row] = await tx.insert(r).values(values).returning({ id: r.id });
  return row.id;
}

export async function villageExists(db: Db, scopePrefix: string, orgCode: string): Promise<boolean> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT o.code FROM org_unit o WHERE o.code = ${orgCode} AND o.level = 'village' AND o.valid_to IS NULL AND ${inScope(sql`o.code`, { scopePrefix })}`,
  );
  return rows.length > 0;
}

// ---- awards ----

export interface EntryFilter {
  orgPrefix?: string;
  householdId?: number;
  category?: string;
  year?: number;
}

/** The where-clause of a household entry list (awards, redemptions): scope, unit, household, year of `day`. */
function entryWhere(t: typeof a | typeof x, day: SQL, scopePrefix: string, f: EntryFilter, more?: SQL): SQL {
  return and(
    inScope(t.orgCode, { scopePrefix }),
    f.orgPrefix ? sql`${t.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.householdId ? eq(t.householdId, f.householdId) : undefined,
    more,
    f.year ? yearRange(day, f.year) : undefined,
  )!;
}

/** The village and household columns of an entry row (table: points_award or points_redemption). */
const entryNames = (table: 'points_award' | 'points_redemption') => ({
  villageName: nameOf(sql.raw(`${table}.org_code`)),
  householdNo: householdNo(sql.raw(`${table}.household_id`)),
  headName: headName(sql.raw(`${table}.household_id`)),
});

export function awardWhere(scopePrefix: string, f: EntryFilter): SQL {
  const category = f.category
    ? sql`(SELECT k.category FROM points_rule k WHERE k.id = ${a.ruleId}) = ${f.category}`
    : undefined;
  return entryWhere(a, sql`${a.awardedOn}`, scopePrefix, f, category);
}

const awardSorts = { awardedOn: sql`${a.awardedOn}`, orgCode: sql`${a.orgCode}`, points: sql`${a.points}` };

export async function listAwards(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof awardSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select({
      award: a,
      ...entryNames('points_award'),
      ruleName: r.name,
      category: r.category,
    })
    .from(a)
    .innerJoin(r, eq(r.id, a.ruleId))
    .where(where)
    .orderBy(orderBy(awardSorts, q, sql`${a.id}`, 'awardedOn'))
    .limit(w.pageSize)
    .offset(w.offset);
}
export type AwardDbRow = Awaited<ReturnType<typeof listAwards>>[number];

export async function insertAward(tx: Db, values: typeof a.$inferInsert): Promise<number> {
  const [row] = await tx.insert(a).values(values).returning({ id: a.id });
  return row.id;
}

// ---- redemptions ----

export function redemptionWhere(scopePrefix: string, f: EntryFilter): SQL {
  return entryWhere(x, sql`${x.redeemedOn}`, scopePrefix, f);
}

const redemptionSorts = { redeemedOn: sql`${x.redeemedOn}`, orgCode: sql`${x.orgCode}`, points: sql`${x.points}` };

export async function listRedemptions(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof redemptionSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select({
      redemption: x,
      ...entryNames('points_redemption'),
    })
    .from(x)
    .where(where)
    .orderBy(orderBy(redemptionSorts, q, sql`${x.id}`, 'redeemedOn'))
    .limit(w.pageSize)
    .offset(w.offset);
}
export type RedemptionDbRow = Awaited<ReturnType<typeof listRedemptions>>[number];

export async function insertRedemption(tx: Db, values: typeof x.$inferInsert): Promise<number> {
  const [row] = await tx.insert(x).values(values).returning({ id: x.id });
  return row.id;
}

/** Serialises a household's redemptions (the balance check and the insert in one transaction). */
export async function lockHouseholdPoints(tx: Db, householdId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('guardline.points'), ${householdId}::int)`);
}

export async function balanceOf(db: Db, householdId: number) {
  const [row] = await queryRows<{ earned: number; spent: number }>(
    db,
    sql`SELECT (SELECT coalesce(sum(points), 0)::int FROM points_award WHERE household_id = ${householdId}) AS earned,
      (SELECT coalesce(sum(points), 0)::int FROM points_redemption WHERE household_id = ${householdId}) AS spent`,
  );
  const earned = Number(row?.earned ?? 0);
  const spent = Number(row?.spent ?? 0);
  return { earned, spent, balance: earned - spent };
}

// ---- ranking ----

export interface RankingDbRow {
  rank: number;
  org_code: string;
  village_name: string | null;
  household_id: number;
  household_no: string | null;
  head_name: string | null;
  earned: number;
  balance: number;
}

/** Households with points in scope, ranked within their village by points earned in the year (equal points share). */
function rankingSql(scopePrefix: string, f: { orgPrefix?: string; year: number }): SQL {
  const prefix = f.orgPrefix ? sql`AND e.org_code LIKE ${f.orgPrefix + '%'}` : sql``;
  return sql`WITH e AS (
      SELECT org_code, household_id, points, awarded_on AS on_day, 1 AS sign FROM points_award
      UNION ALL SELECT org_code, household_id, points, redeemed_on, -1 FROM points_redemption
    ), t AS (
      SELECT e.org_code, e.household_id,
        coalesce(sum(e.points) FILTER (WHERE e.sign = 1 AND ${yearRange(sql`e.on_day`, f.year)}), 0)::int AS earned,
        sum(e.sign * e.points)::int AS balance
      FROM e WHERE ${inScope(sql`e.org_code`, { scopePrefix })} ${prefix}
      GROUP BY e.org_code, e.household_id
    )
    SELECT rank() OVER (PARTITION BY t.org_code ORDER BY t.earned DESC)::int AS rank, t.org_code,
      ${nameOf(sql`t.org_code`)} AS village_name, t.household_id, ${householdNo(sql`t.household_id`)} AS household_no,
      ${headName(sql`t.household_id`)} AS head_name, t.earned, t.balance
    FROM t`;
}

export async function ranking(
  db: Db,
  scopePrefix: string,
  f: { orgPrefix?: string; year: number },
  w: { pageSize: number; offset: number },
): Promise<RankingDbRow[]> {
  return queryRows<RankingDbRow>(
    db,
    sql`SELECT * FROM (${rankingSql(scopePrefix, f)}) k ORDER BY k.org_code, k.rank, k.household_no, k.household_id
      LIMIT ${w.pageSize} OFFSET ${w.offset}`,
  );
}

export async function rankingCount(db: Db, scopePrefix: string, f: { orgPrefix?: string; year: number }) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (${rankingSql(scopePrefix, f)}) k`,
  );
  return Number(row?.n ?? 0);
}

/**
 * The cockpit's 积分制 villages: per current village of the county and day, whether an item in use was adopted by a
 * 四议两公开 record decided (resolution published) on or before the day.
 */
export async function villagesWithPointsOn(db: Db, countyCode: string, days: readonly string[]) {
  if (days.length === 0) return [];
  const list = sql.join(
    days.map((d) => sql`(${d}::date)`),
    sql`, `,
  );
  const rows = await queryRows<{ org_code: string; day: string; implementing: boolean }>(
    db,
    sql`SELECT v.code AS org_code, d.day::text AS day, EXISTS (
          SELECT 1 FROM points_rule pr JOIN deliberation dl ON dl.id = pr.deliberation_id
           WHERE pr.org_code = v.code AND pr.active AND dl.status IN ('published', 'completed')
             AND EXISTS (SELECT 1 FROM deliberation_step st WHERE st.deliberation_id = dl.id
                          AND st.step = 'resolutionPublished' AND st.passed AND st.held_on <= d.day)
        ) AS implementing
      FROM org_unit v CROSS JOIN (VALUES ${list}) AS d(day)
      WHERE v.county_code = ${countyCode} AND v.level = 'village' AND v.valid_to IS NULL`,
  );
  return rows.map((x) => ({ orgCode: x.org_code, day: x.day, implementing: x.implementing === true }));
}
