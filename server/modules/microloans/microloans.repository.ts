import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { microLoanEvents, microLoans } from '#server/db/schema/programmes.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix).

const l = microLoans;
const e = microLoanEvents;

const repaidFen = sql<number>`(SELECT coalesce(sum(x.amount_fen), 0)::bigint FROM micro_loan_event x WHERE x.loan_id = micro_loan.id AND x.kind = 'repayment')`;
const subsidyFen = sql<number>`(SELECT coalesce(sum(x.amount_fen), 0)::bigint FROM micro_loan_event x WHERE x.loan_id = micro_loan.id AND x.kind = 'subsidy')`;
const outstanding = sql<number>`(micro_loan.amount_fen - ${repaidFen})`;

export interface LoanFilter {
  id?: number;
  orgPrefix?: string;
  status?: 'active' | 'repaid' | 'renewed' | 'overdue';
  purpose?: string;
  bank?: string;
  householdId?: number;
  q?: string;
  /** The county's day: an active loan due before it is overdue. */
  today: string;
}

/** The one where-clause of the loan list: page, total and export read the same rows. */
export function loanWhere(scopePrefix: string, f: LoanFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(l.orgCode, { scopePrefix }),
    f.id ? eq(l.id, f.id) : undefined,
    f.orgPrefix ? sql`${l.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.status === 'overdue'
      ? sql`${l.status} = 'active' AND ${l.dueOn} < ${f.today}`
      : f.status
        ? eq(l.status, f.status)
        : undefined,
    f.purpose ? eq(l.purpose, f.purpose) : undefined,
    f.bank ? sql`${l.bank} LIKE ${'%' + f.bank + '%'}` : undefined,
    f.householdId ? eq(l.householdId, f.householdId) : undefined,
    f.q
      ? sql`(EXISTS (SELECT 1 FROM household hh WHERE hh.id = micro_loan.household_id AND hh.household_no LIKE ${'%' + f.q + '%'})
          OR EXISTS (SELECT 1 FROM person pe WHERE pe.id = ${borrowerId} AND pe.name LIKE ${'%' + f.q + '%'}))`
      : undefined,
  ];
  return and(...w)!;
}

/** The borrower: the named member, or the household head. */
const borrowerId = sql`coalesce(micro_loan.borrower_person_id, (SELECT m.person_id FROM membership m WHERE m.household_id = micro_loan.household_id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1))`;

const loanSorts = {
  issuedOn: sql`${l.issuedOn}`,
  dueOn: sql`${l.dueOn}`,
  orgCode: sql`${l.orgCode}`,
  amountFen: sql`${l.amountFen}`,
  outstandingFen: outstanding,
};

const loanColumns = {
  loan: l,
  villageName: sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = micro_loan.org_code)`,
  townshipName: sql<
    string | null
  >`(SELECT o.name FROM org_unit o WHERE o.code = substr(micro_loan.org_code, 1, 9) || '000')`,
  householdNo: sql<string | null>`(SELECT hh.household_no FROM household hh WHERE hh.id = micro_loan.household_id)`,
  borrowerName: sql<string | null>`(SELECT pe.name FROM person pe WHERE pe.id = ${borrowerId})`,
  repaidFen: repaidFen.mapWith(Number),
  subsidyPaidFen: subsidyFen.mapWith(Number),
};

export async function listLoans(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof loanSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select(loanColumns)
    .from(l)
    .where(where)
    .orderBy(orderBy(loanSorts, q, sql`${l.id}`, 'issuedOn'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countLoans(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(l)
    .where(where);
  return r?.n ?? 0;
}

export async function findLoan(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(l)
    .where(and(eq(l.id, id), inScope(l.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertLoan(tx: Db, values: typeof l.$inferInsert): Promise<number> {
  const [row] = await tx.insert(l).values(values).returning({ id: l.id });
  return row.id;
}

/** Status change with the optimistic version (a second writer of the same loan fails instead of overwriting). */
export async function setLoanStatus(tx: Db, id: number, version: number, status: 'active' | 'repaid' | 'renewed') {
  const rows = await tx
    .update(l)
    .set({ status, version: version + 1 })
    .where(and(eq(l.id, id), eq(l.version, version)))
    .returning({ id: l.id });
  return rows.length === 1;
}

export async function eventsOf(db: Db, loanIds: number[]) {
  if (loanIds.length === 0) return [];
  return db
    .select()
    .from(e)
    .where(
      sql`${e.loanId} IN (${sql.join(
        loanIds.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    )
    .orderBy(e.on, e.id);
}

export async function insertEvent(tx: Db, values: typeof e.$inferInsert): Promise<number> {
  const [row] = await tx.insert(e).values(values).returning({ id: e.id });
  return row.id;
}

/** Principal still owed on the household's active loans, but `exceptId`. */
export async function activeOwedOfHousehold(tx: Db, householdId: number, exceptId?: number): Promise<number> {
  const rows = await queryRows<{ owed: number }>(
    tx,
    sql`SELECT coalesce(sum(l.amount_fen - (SELECT coalesce(sum(x.amount_fen), 0) FROM micro_loan_event x
        WHERE x.loan_id = l.id AND x.kind = 'repayment')), 0)::bigint AS owed
      FROM micro_loan l WHERE l.household_id = ${householdId} AND l.status = 'active' AND l.id <> ${exceptId ?? 0}`,
  );
  return Number(rows[0]?.owed ?? 0);
}

// ------------------------------------------------------------------ households (registry tables, read only)

export interface HouseholdFacts {
  householdId: number;
  villageCode: string;
  countyCode: string;
  householdKind: 'alleviated' | 'ordinary';
  monitoringStatus: 'none' | 'monitored' | 'eliminated' | null;
}

type FactsRow = {
  id: number;
  village_code: string;
  county_code: string;
  kind: 'alleviated' | 'ordinary';
  monitoring_status: 'none' | 'monitored' | 'eliminated' | null;
};
const toFacts = (r: FactsRow): HouseholdFacts => ({
  householdId: Number(r.id),
  villageCode: r.village_code,
  countyCode: r.county_code,
  householdKind: r.kind,
  monitoringStatus: r.monitoring_status,
});

/** An open household in scope, locked when asked (the per-household cap and the insert are one step). */
export async function householdFacts(db: Db, scopePrefix: string, householdId: number, forUpdate = false) {
  const rows = await queryRows<FactsRow>(
    db,
    sql`SELECT hh.id, hh.village_code, hh.county_code, hh.kind, hh.monitoring_status FROM household hh
      WHERE hh.id = ${householdId} AND hh.closed_on IS NULL AND ${inScope(sql`hh.village_code`, { scopePrefix })}
      ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return rows[0] ? toFacts(rows[0]) : undefined;
}

/** The household of an active member found by the ID number's lookup hash (bank sheets). */
export async function householdOfIdHash(db: Db, scopePrefix: string, idHash: string) {
  const rows = await queryRows<{ household_id: number; person_id: number; name: string }>(
    db,
    sql`SELECT hh.id AS household_id, pe.id AS person_id, pe.name FROM person pe
      JOIN membership m ON m.person_id = pe.id AND m.county_code = pe.county_code AND m.valid_to IS NULL
      JOIN household hh ON hh.id = m.household_id AND hh.county_code = m.county_code AND hh.closed_on IS NULL
      WHERE pe.id_hash = ${idHash} AND ${inScope(sql`hh.village_code`, { scopePrefix })}`,
  );
  const r = rows[0];
  return r ? { householdId: Number(r.household_id), personId: Number(r.person_id), name: r.name } : undefined;
}

export async function householdMembers(db: Db, householdId: number) {
  return queryRows<{ person_id: number; name: string }>(
    db,
    sql`SELECT pe.id AS person_id, pe.name FROM membership m JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code
      WHERE m.household_id = ${householdId} AND m.valid_to IS NULL ORDER BY m.id`,
  );
}

/**
 * Principal owed at the end of each given day per org unit of the loan, and the part of it overdue (due before that
 * day): loans issued by the day, not yet continued by a renewal issued by it, less the repayments made by it (the
 * indicators' computed source; on today it is the list's 未还本金 and its overdue filter).
 */
export async function balancesOnDays(db: Db, countyCode: string, days: readonly string[]) {
  if (days.length === 0) return [];
  const list = sql.join(
    days.map((d) => sql`(${d}::date)`),
    sql`, `,
  );
  const rows = await queryRows<{ org_code: string; day: string; owed: string | number; overdue: string | number }>(
    db,
    sql`WITH owed AS (
        SELECT x.org_code, d.day, x.due_on,
          greatest(0, x.amount_fen - coalesce((SELECT sum(e.amount_fen) FROM micro_loan_event e
            WHERE e.loan_id = x.id AND e.kind = 'repayment' AND e.on <= d.day), 0)) AS owed_fen
        FROM micro_loan x CROSS JOIN (VALUES ${list}) AS d(day)
        WHERE x.county_code = ${countyCode} AND x.issued_on <= d.day
          AND NOT EXISTS (SELECT 1 FROM micro_loan n WHERE n.renewed_from_id = x.id AND n.issued_on <= d.day))
      SELECT org_code, day::text AS day, sum(owed_fen)::bigint AS owed,
        coalesce(sum(owed_fen) FILTER (WHERE due_on < day), 0)::bigint AS overdue
      FROM owed GROUP BY 1, 2`,
  );
  return rows.map((r) => ({ orgCode: r.org_code, day: r.day, owedFen: Number(r.owed), overdueFen: Number(r.overdue) }));
}
