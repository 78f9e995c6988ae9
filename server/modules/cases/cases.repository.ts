import { and, asc, eq, gt, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { cases, caseSteps } from '#server/db/schema/cases.ts';
import { inScope } from '#server/db/scope.ts';
import type { CaseSort } from '#common/contracts/cases.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { NEAR_DUE_DAYS, type DueStatus } from '#common/domain/cases/workflow.ts';
import { orderBy, pageWindow, usesCursor, type SortColumns } from '#server/lib/paging.ts';

export type CaseRecord = typeof cases.$inferSelect;
export type CaseStepRecord = typeof caseSteps.$inferSelect;

export async function insertCase(tx: Db, row: typeof cases.$inferInsert): Promise<CaseRecord> {
  const [r] = await tx.insert(cases).values(row).returning();
  return r;
}

export async function insertStep(tx: Db, row: typeof caseSteps.$inferInsert): Promise<CaseStepRecord> {
  const [r] = await tx.insert(caseSteps).values(row).returning();
  return r;
}

export async function findCase(
  db: Db,
  scopePrefix: string,
  id: number,
  forUpdate = false,
): Promise<CaseRecord | undefined> {
  const q = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), inScope(cases.villageCode, { scopePrefix })));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function updateCase(
  tx: Db,
  id: number,
  version: number,
  set: Partial<typeof cases.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(cases)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning({ id: cases.id });
  return rows.length === 1;
}

export async function findStep(db: Db, id: number): Promise<CaseStepRecord | undefined> {
  const [r] = await db.select().from(caseSteps).where(eq(caseSteps.id, id));
  return r;
}

export async function stepsOf(db: Db, caseId: number): Promise<CaseStepRecord[]> {
  return db.select().from(caseSteps).where(eq(caseSteps.caseId, caseId)).orderBy(asc(caseSteps.id));
}

export async function activeCaseOfClue(db: Db, clueId: number): Promise<CaseRecord | undefined> {
  const [r] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.clueId, clueId), eq(cases.status, 'active')));
  return r;
}

export async function activeCasesOfHousehold(db: Db, householdId: number): Promise<CaseRecord[]> {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.householdId, householdId), eq(cases.status, 'active')));
}

export interface CaseListFilter {
  scopePrefix: string;
  kind?: CaseRecord['kind'];
  /** Absent: any status (one case by id). */
  status?: CaseRecord['status'];
  stage?: CaseRecord['stage'];
  orgPrefix?: string;
  ids?: number[];
  /** The time-limit filter (identifications only): needs `asOf` and `limitDays`. */
  due?: DueStatus;
  asOf?: string;
  limitDays?: number;
}

export interface CasePageQuery extends PagingQuery<CaseSort> {
  afterId?: number;
  limit?: number;
}

const householdNoSql = sql<string>`(SELECT h.household_no FROM household h WHERE h.id = monitoring_case.household_id)`;
const headNameSql = sql<
  string | null
>`(SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
  WHERE m.household_id = monitoring_case.household_id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1)`;
const villageNameSql = sql<string>`(SELECT o.name FROM org_unit o WHERE o.code = monitoring_case.village_code)`;
const townshipNameSql = sql<string>`(SELECT t.name FROM org_unit o JOIN org_unit t ON t.code = o.parent_code WHERE o.code = monitoring_case.village_code)`;

const CASE_SORT_COLUMNS: SortColumns<CaseSort> = {
  id: sql`${cases.id}`,
  householdNo: householdNoSql,
  village: sql`${cases.villageCode}`,
  stage: sql`${cases.stage}`,
  startedOn: sql`${cases.startedOn}`,
  // Only identifications run against the time limit; its due day follows the start day.
  dueOn: sql`CASE WHEN ${cases.kind} = 'identification' THEN ${cases.startedOn} END`,
};

/**
 * The time-limit filter in SQL, as `timeLimit` (common/domain/cases/workflow.ts) computes it per row:
 * calendar days from the start to the decision (a closed case: its closing day; else `asOf`).
 */
function dueWhere(due: DueStatus, asOf: string, limitDays: number): SQL {
  const end = sql`COALESCE(${cases.decidedOn}, CASE WHEN ${cases.status} = 'closed' THEN ${cases.finishedOn} END, ${asOf}::date)`;
  const remaining = sql`(${limitDays}::int - (${end} - ${cases.startedOn}))`;
  const test =
    due === 'overdue'
      ? sql`${remaining} < 0`
      : due === 'nearDue'
        ? sql`${remaining} BETWEEN 0 AND ${NEAR_DUE_DAYS}::int`
        : sql`${remaining} > ${NEAR_DUE_DAYS}::int`;
  return sql`(${cases.kind} = 'identification' AND ${test})`;
}

/** The one where-clause of the case list: its page, its total and its export read the same rows. */
export function caseWhere(f: CaseListFilter): SQL {
  const where: SQL[] = [inScope(cases.villageCode, { scopePrefix: f.scopePrefix })];
  if (f.status) where.push(eq(cases.status, f.status));
  if (f.kind) where.push(eq(cases.kind, f.kind));
  if (f.stage) where.push(eq(cases.stage, f.stage));
  if (f.orgPrefix) where.push(like(cases.villageCode, f.orgPrefix + '%'));
  if (f.ids) where.push(sql`${cases.id} = ANY(${`{${f.ids.join(',')}}`}::bigint[])`);
  if (f.due && f.asOf && f.limitDays !== undefined) where.push(dueWhere(f.due, f.asOf, f.limitDays));
  return and(...where)!;
}

/** How many cases the filters match (all pages; the export writes as many rows). */
export async function countCases(db: Db, f: CaseListFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(caseWhere(f));
  return row.n;
}

/** One page (`page`) or the rows after the id cursor, in the asked order. */
export async function listCases(db: Db, f: CaseListFilter, q: CasePageQuery = {}) {
  const win = pageWindow(q);
  return db
    .select({
      c: cases,
      householdNo: householdNoSql,
      headName: headNameSql,
      villageName: villageNameSql,
      townshipName: townshipNameSql,
    })
    .from(cases)
    .where(and(caseWhere(f), usesCursor(q) && q.afterId ? gt(cases.id, q.afterId) : undefined))
    .orderBy(orderBy(CASE_SORT_COLUMNS, q, sql`${cases.id}`, 'id'))
    .limit(win.pageSize)
    .offset(win.offset);
}

export interface HouseholdFacts {
  id: number;
  county_code: string;
  village_code: string;
  household_no: string;
  kind: string;
  monitoring_status: string;
  monitoring_type: string | null;
  risk_types: string[];
  identification_period: string | null;
  elimination_period: string | null;
  elimination_mode: string | null;
  whole_household_no_labour: boolean;
  housing_unsafe: boolean | null;
  school_dropout: boolean | null;
  medical_uninsured: boolean | null;
  water_safe: boolean | null;
  closed_on: string | null;
  version: number;
}

export async function householdFacts(
  db: Db,
  scopePrefix: string,
  id: number,
  forUpdate = false,
): Promise<HouseholdFacts | undefined> {
  const [r] = await queryRows<HouseholdFacts>(
    db,
    sql`SELECT id::int AS id, county_code, village_code, household_no, kind, monitoring_status, monitoring_type, risk_types,
        identification_period, elimination_period, elimination_mode, whole_household_no_labour,
        housing_unsafe, school_dropout, medical_uninsured, water_safe, closed_on::text AS closed_on, version
      FROM household WHERE id = ${id} AND ${scopePrefix === '' ? sql`true` : sql`village_code LIKE ${scopePrefix + '%'}`}
      ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return r;
}

export interface IncomeFacts {
  year: number;
  net_income: number;
  household_size: number;
  wage_income: number;
  business_income: number;
  property_income: number;
  transfer_income: number;
  business_cost: number;
  insurance_payout: number;
  eligible_out_of_pocket: number;
}

export async function latestIncome(db: Db, householdId: number): Promise<IncomeFacts | undefined> {
  const [r] = await queryRows<IncomeFacts>(
    db,
    sql`SELECT year::int AS year, net_income::float8 AS net_income, household_size::int AS household_size, wage_income::float8 AS wage_income,
        business_income::float8 AS business_income, property_income::float8 AS property_income, transfer_income::float8 AS transfer_income,
        business_cost::float8 AS business_cost, insurance_payout::float8 AS insurance_payout, eligible_out_of_pocket::float8 AS eligible_out_of_pocket
      FROM household_income WHERE household_id = ${householdId} ORDER BY year DESC LIMIT 1`,
  );
  return r;
}

export async function openClueCount(db: Db, householdId: number): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM clue WHERE household_id = ${householdId} AND status = 'open'`,
  );
  return r.n;
}

export async function memberCount(db: Db, householdId: number): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM membership WHERE household_id = ${householdId} AND valid_to IS NULL`,
  );
  return r.n;
}
