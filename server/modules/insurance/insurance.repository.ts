import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { CoverageScope } from '#common/domain/insurance/codes.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { insuranceClaims, insurancePolicies } from '#server/db/schema/programmes.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy, type PageWindow } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix). Registry tables are read only.

const pol = insurancePolicies;
const cl = insuranceClaims;

const villageName = (col: SQL) => sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = ${col})`;
const townshipName = (col: SQL) =>
  sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = substr(${col}, 1, 9) || '000')`;
const householdNo = (col: SQL) => sql<string | null>`(SELECT hh.household_no FROM household hh WHERE hh.id = ${col})`;
const headName = (col: SQL) =>
  sql<
    string | null
  >`(SELECT pe.name FROM membership m JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code
    WHERE m.household_id = ${col} AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1)`;

// ------------------------------------------------------------------ policies

export interface PolicyFilter {
  id?: number;
  year?: number;
  orgPrefix?: string;
  householdId?: number;
  q?: string;
}

const policyHeadName = headName(sql`insurance_policy.household_id`);
const policyHouseholdNo = householdNo(sql`insurance_policy.household_id`);
const policyPaid = sql<number>`(SELECT coalesce(sum(c.amount_fen), 0)::bigint FROM insurance_claim c WHERE c.policy_id = insurance_policy.id AND c.status = 'paid')`;

/** The one where-clause of the policy list (page and total). */
export function policyWhere(scopePrefix: string, f: PolicyFilter): SQL {
  return and(
    inScope(pol.orgCode, { scopePrefix }),
    f.id ? eq(pol.id, f.id) : undefined,
    f.year ? eq(pol.year, f.year) : undefined,
    f.orgPrefix ? sql`${pol.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.householdId ? eq(pol.householdId, f.householdId) : undefined,
    f.q
      ? sql`(${policyHeadName} LIKE ${'%' + f.q + '%'} OR ${policyHouseholdNo} LIKE ${'%' + f.q + '%'} OR ${pol.insurer} LIKE ${'%' + f.q + '%'})`
      : undefined,
  )!;
}

const policySorts = { year: sql`${pol.year}`, orgCode: sql`${pol.orgCode}`, paidFen: policyPaid };

export async function listPolicies(db: Db, where: SQL, q: PagingQuery<keyof typeof policySorts>, w: PageWindow) {
  return db
    .select({
      policy: pol,
      householdNo: policyHouseholdNo,
      headName: policyHeadName,
      villageName: villageName(sql`insurance_policy.org_code`),
      claims: sql<number>`(SELECT count(*)::int FROM insurance_claim c WHERE c.policy_id = insurance_policy.id)`,
      paidFen: policyPaid.mapWith(Number),
    })
    .from(pol)
    .where(where)
    .orderBy(orderBy(policySorts, q, sql`${pol.id}`, 'orgCode'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countPolicies(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pol)
    .where(where);
  return r?.n ?? 0;
}

export async function findPolicy(db: Db, householdId: number, year: number) {
  const [row] = await db
    .select()
    .from(pol)
    .where(and(eq(pol.householdId, householdId), eq(pol.year, year)));
  return row;
}

export async function insertPolicy(tx: Db, values: typeof pol.$inferInsert): Promise<number> {
  const [row] = await tx.insert(pol).values(values).returning({ id: pol.id });
  return row.id;
}

// ------------------------------------------------------------------ coverage (registry households without a policy)

/**
 * Households that must be insured in `year` and hold no policy: the SQL twin of
 * common/domain/insurance/coverage.ts `uncovered` (insurance.test.ts checks they agree).
 */
export function uncoveredWhere(scopePrefix: string, scope: CoverageScope, year: number, orgPrefix?: string): SQL {
  return and(
    inScope(sql`h.village_code`, { scopePrefix }),
    orgPrefix ? sql`h.village_code LIKE ${orgPrefix + '%'}` : undefined,
    sql`h.closed_on IS NULL`,
    scope === 'monitored'
      ? sql`h.monitoring_status = 'monitored'`
      : sql`(h.monitoring_status = 'monitored' OR h.kind = 'alleviated')`,
    sql`NOT EXISTS (SELECT 1 FROM insurance_policy ip WHERE ip.household_id = h.id AND ip.year = ${year})`,
  )!;
}

export interface UncoveredDbRow {
  household_id: number;
  household_no: string;
  head_name: string | null;
  village_code: string;
  village_name: string | null;
  township_name: string | null;
  kind: 'alleviated' | 'ordinary';
  monitoring_status: 'none' | 'monitored' | 'eliminated' | null;
}

const uncoveredSorts: Record<'orgCode' | 'householdNo', SQL> = {
  orgCode: sql`h.village_code`,
  householdNo: sql`h.household_no`,
};

export async function listUncovered(
  db: Db,
  where: SQL,
  q: PagingQuery<'orgCode' | 'householdNo'>,
  w: { pageSize: number; offset: number },
) {
  return queryRows<UncoveredDbRow>(
    db,
    sql`SELECT h.id AS household_id, h.household_no, ${headName(sql`h.id`)} AS head_name, h.village_code,
      ${villageName(sql`h.village_code`)} AS village_name, ${townshipName(sql`h.village_code`)} AS township_name,
      h.kind, h.monitoring_status
      FROM household h WHERE ${where}
      ORDER BY ${orderBy(uncoveredSorts, q, sql`h.id`, 'orgCode')} LIMIT ${w.pageSize} OFFSET ${w.offset}`,
  );
}

export async function countUncovered(db: Db, where: SQL): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM household h WHERE ${where}`);
  return Number(rows[0]?.n ?? 0);
}

// ------------------------------------------------------------------ claims

export interface ClaimFilter {
  id?: number;
  year?: number;
  orgPrefix?: string;
  status?: string;
  cause?: string;
  householdId?: number;
  q?: string;
}

const claimHeadName = headName(sql`insurance_claim.household_id`);
const claimHouseholdNo = householdNo(sql`insurance_claim.household_id`);

/** The one where-clause of the claim list: page, total and export read the same rows. */
export function claimWhere(scopePrefix: string, f: ClaimFilter): SQL {
  return and(
    inScope(cl.orgCode, { scopePrefix }),
    f.id ? eq(cl.id, f.id) : undefined,
    f.year ? sql`${pol.year} = ${f.year}` : undefined,
    f.orgPrefix ? sql`${cl.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.status ? sql`${cl.status} = ${f.status}` : undefined,
    f.cause ? eq(cl.cause, f.cause) : undefined,
    f.householdId ? eq(cl.householdId, f.householdId) : undefined,
    f.q ? sql`(${claimHeadName} LIKE ${'%' + f.q + '%'} OR ${claimHouseholdNo} LIKE ${'%' + f.q + '%'})` : undefined,
  )!;
}

const claimSorts = {
  claimedOn: sql`${cl.claimedOn}`,
  orgCode: sql`${cl.orgCode}`,
  amountFen: sql`${cl.amountFen}`,
  paidOn: sql`${cl.paidOn}`,
};

export async function listClaims(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof claimSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select({
      claim: cl,
      policyYear: pol.year,
      insurer: pol.insurer,
      householdNo: claimHouseholdNo,
      headName: claimHeadName,
      villageName: villageName(sql`insurance_claim.org_code`),
    })
    .from(cl)
    .innerJoin(pol, eq(pol.id, cl.policyId))
    .where(where)
    .orderBy(orderBy(claimSorts, q, sql`${cl.id}`, 'claimedOn'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countClaims(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cl)
    .innerJoin(pol, eq(pol.id, cl.policyId))
    .where(where);
  return r?.n ?? 0;
}

export async function findClaim(tx: Db, scopePrefix: string, id: number) {
  const [row] = await tx
    .select()
    .from(cl)
    .where(and(eq(cl.id, id), inScope(cl.orgCode, { scopePrefix })))
    .for('update');
  return row;
}

/** The same claim already on the list (an insurer's sheet read twice). */
export async function findSameClaim(tx: Db, householdId: number, claimedOn: string, amountFen: number) {
  const [row] = await tx
    .select()
    .from(cl)
    .where(and(eq(cl.householdId, householdId), eq(cl.claimedOn, claimedOn), eq(cl.amountFen, amountFen)));
  return row;
}

export async function insertClaim(tx: Db, values: typeof cl.$inferInsert): Promise<number> {
  const [row] = await tx.insert(cl).values(values).returning({ id: cl.id });
  return row.id;
}

export async function decideClaim(
  tx: Db,
  id: number,
  set: {
    status: 'paid' | 'refused';
    paidOn: string | null;
    amountFen: number;
    note: string | null;
    incomeAddedFen: number | null;
  },
) {
  await tx
    .update(cl)
    .set(set)
    .where(and(eq(cl.id, id), sql`${cl.status} = 'filed'`));
}

/** What this ledger's payments added to the household's 理赔收入 of `year` so far. */
export async function ledgerIncomeAdded(tx: Db, householdId: number, year: number): Promise<number> {
  const [row] = await tx
    .select({ fen: sql<string>`coalesce(sum(${cl.incomeAddedFen}), 0)` })
    .from(cl)
    .where(
      and(
        eq(cl.householdId, householdId),
        sql`${cl.status} = 'paid' AND ${cl.paidOn} >= ${`${year}-01-01`} AND ${cl.paidOn} <= ${`${year}-12-31`}`,
      ),
    );
  return Number(row.fen);
}

// ------------------------------------------------------------------ households (registry tables, read only)

export interface HouseholdFacts {
  id: number;
  countyCode: string;
  villageCode: string;
  householdNo: string;
  kind: 'alleviated' | 'ordinary';
  monitoringStatus: 'none' | 'monitored' | 'eliminated' | null;
  closed: boolean;
}

type FactsRow = {
  id: number;
  county_code: string;
  village_code: string;
  household_no: string;
  kind: 'alleviated' | 'ordinary';
  monitoring_status: 'none' | 'monitored' | 'eliminated' | null;
  closed: boolean;
};
const toFacts = (r: FactsRow): HouseholdFacts => ({
  id: Number(r.id),
  countyCode: r.county_code,
  villageCode: r.village_code,
  householdNo: r.household_no,
  kind: r.kind,
  monitoringStatus: r.monitoring_status,
  closed: r.closed,
});
const factsSql = sql`SELECT h.id, h.county_code, h.village_code, h.household_no, h.kind, h.monitoring_status,
  (h.closed_on IS NOT NULL) AS closed FROM household h`;

export async function householdFacts(db: Db, scopePrefix: string, householdId: number) {
  const rows = await queryRows<FactsRow>(
    db,
    sql`${factsSql} WHERE h.id = ${householdId} AND ${inScope(sql`h.village_code`, { scopePrefix })}`,
  );
  return rows[0] ? toFacts(rows[0]) : undefined;
}

/** The active household of a person found by the ID number's lookup hash (the insurer's sheet). */
export async function householdByIdHash(db: Db, scopePrefix: string, idHash: string) {
  const rows = await queryRows<FactsRow>(
    db,
    sql`${factsSql} JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
      JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code
      WHERE pe.id_hash = ${idHash} AND ${inScope(sql`h.village_code`, { scopePrefix })} LIMIT 1`,
  );
  return rows[0] ? toFacts(rows[0]) : undefined;
}

/** Open households a coverage rule may select, with whether each holds a policy of the year (the indicators' source). */
export async function coverageFactsOfCounty(db: Db, countyCode: string, year: number) {
  const rows = await queryRows<{
    village_code: string;
    kind: 'alleviated' | 'ordinary';
    monitoring_status: 'none' | 'monitored' | 'eliminated' | null;
    insured: boolean;
  }>(
    db,
    sql`SELECT h.village_code, h.kind, h.monitoring_status,
        EXISTS (SELECT 1 FROM insurance_policy ip WHERE ip.household_id = h.id AND ip.year = ${year}) AS insured
      FROM household h
      WHERE h.county_code = ${countyCode} AND h.closed_on IS NULL
        AND (h.monitoring_status = 'monitored' OR h.kind = 'alleviated')`,
  );
  return rows;
}
