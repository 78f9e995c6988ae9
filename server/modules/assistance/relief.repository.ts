import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { reliefApplications, reliefFundEntries, reliefFunds } from '#server/db/schema/assistance.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { inScope } from '#server/db/scope.ts';

// 应急救助基金 / 临时救助 SQL. The balance moves only here, by conditional UPDATEs inside the caller's
// transaction; the CHECK (balance_fen >= 0) on relief_fund is the last line of defence.

export type FundRecord = typeof reliefFunds.$inferSelect;
export type ApplicationRecord = typeof reliefApplications.$inferSelect;

export async function listFunds(db: Db, scopePrefix: string) {
  // Funds held in scope, plus the county fund and one's own township's reserve (where one may apply).
  const county = scopePrefix.slice(0, 6).padEnd(12, '0');
  const township = scopePrefix.length >= 9 ? scopePrefix.slice(0, 9).padEnd(12, '0') : county;
  return db
    .select({ fund: reliefFunds, orgName: orgUnits.name })
    .from(reliefFunds)
    .leftJoin(orgUnits, eq(orgUnits.code, reliefFunds.orgCode))
    .where(
      scopePrefix === ''
        ? sql`true`
        : sql`(${reliefFunds.orgCode} LIKE ${scopePrefix + '%'} OR ${reliefFunds.orgCode} IN (${county}, ${township}))`,
    )
    .orderBy(asc(reliefFunds.orgCode), asc(reliefFunds.id));
}

export async function findFund(db: Db, id: number) {
  const [row] = await db
    .select({ fund: reliefFunds, orgName: orgUnits.name })
    .from(reliefFunds)
    .leftJoin(orgUnits, eq(orgUnits.code, reliefFunds.orgCode))
    .where(eq(reliefFunds.id, id));
  return row;
}

export async function insertFund(tx: Db, f: typeof reliefFunds.$inferInsert): Promise<number> {
  const [row] = await tx.insert(reliefFunds).values(f).returning({ id: reliefFunds.id });
  return row.id;
}

/** Adds income; returns the balance after. */
export async function creditFund(tx: Db, fundId: number, amountFen: number): Promise<number> {
  const [row] = await tx
    .update(reliefFunds)
    .set({ balanceFen: sql`${reliefFunds.balanceFen} + ${amountFen}` })
    .where(eq(reliefFunds.id, fundId))
    .returning({ balance: reliefFunds.balanceFen });
  return row.balance;
}

/** Takes money out only if it is there: the row lock serialises concurrent payments, the WHERE refuses an overdraft. */
export async function debitFund(tx: Db, fundId: number, amountFen: number): Promise<number | null> {
  const rows = await tx
    .update(reliefFunds)
    .set({ balanceFen: sql`${reliefFunds.balanceFen} - ${amountFen}` })
    .where(and(eq(reliefFunds.id, fundId), sql`${reliefFunds.balanceFen} >= ${amountFen}`))
    .returning({ balance: reliefFunds.balanceFen });
  return rows[0]?.balance ?? null;
}

export async function insertEntry(tx: Db, e: typeof reliefFundEntries.$inferInsert): Promise<number> {
  const [row] = await tx.insert(reliefFundEntries).values(e).returning({ id: reliefFundEntries.id });
  return row.id;
}

export async function entriesOf(db: Db, fundId: number, limit = 1000) {
  return db
    .select()
    .from(reliefFundEntries)
    .where(eq(reliefFundEntries.fundId, fundId))
    .orderBy(desc(reliefFundEntries.id))
    .limit(limit);
}

export async function* allEntries(db: Db, fundId: number) {
  let after = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(reliefFundEntries)
      .where(and(eq(reliefFundEntries.fundId, fundId), sql`${reliefFundEntries.id} > ${after}`))
      .orderBy(asc(reliefFundEntries.id))
      .limit(1000);
    if (batch.length === 0) return;
    yield* batch;
    after = batch[batch.length - 1].id;
  }
}

export async function insertApplication(tx: Db, a: typeof reliefApplications.$inferInsert): Promise<number> {
  const [row] = await tx.insert(reliefApplications).values(a).returning({ id: reliefApplications.id });
  return row.id;
}

export async function listApplications(
  db: Db,
  scopePrefix: string,
  f: { id?: number; fundId?: number; householdId?: number; status?: string; limit: number },
) {
  const where: SQL[] = [inScope(reliefApplications.villageCode, { scopePrefix })];
  if (f.id) where.push(eq(reliefApplications.id, f.id));
  if (f.fundId) where.push(eq(reliefApplications.fundId, f.fundId));
  if (f.householdId) where.push(eq(reliefApplications.householdId, f.householdId));
  if (f.status) where.push(sql`${reliefApplications.status} = ${f.status}`);
  return db
    .select({
      application: reliefApplications,
      fundName: reliefFunds.name,
      fundOrgCode: reliefFunds.orgCode,
      villageName: orgUnits.name,
      householdNo: sql<
        string | null
      >`(SELECT h.household_no FROM household h WHERE h.id = ${reliefApplications.householdId})`,
      headName: sql<
        string | null
      >`(SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
        WHERE m.household_id = ${reliefApplications.householdId} AND m.valid_to IS NULL AND m.relationship = 'head')`,
    })
    .from(reliefApplications)
    .innerJoin(reliefFunds, eq(reliefFunds.id, reliefApplications.fundId))
    .leftJoin(orgUnits, eq(orgUnits.code, reliefApplications.villageCode))
    .where(and(...where))
    .orderBy(desc(reliefApplications.id))
    .limit(f.limit);
}

export async function decideApplication(
  tx: Db,
  id: number,
  set: { status: 'approved' | 'rejected'; approvedFen: number | null; decidedBy: string; decisionNote: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(reliefApplications)
    .set({ ...set, decidedAt: sql`now()` })
    .where(and(eq(reliefApplications.id, id), eq(reliefApplications.status, 'submitted')))
    .returning({ id: reliefApplications.id });
  return rows.length === 1;
}

/** Marks an approved application paid; null when it was not (still) approved. */
export async function markDisbursed(tx: Db, id: number) {
  const [row] = await tx
    .update(reliefApplications)
    .set({ status: 'disbursed' })
    .where(and(eq(reliefApplications.id, id), eq(reliefApplications.status, 'approved')))
    .returning();
  return row ?? null;
}

export async function fundTotals(db: Db, fundId: number) {
  const [row] = await queryRows<{ income: number; paid: number }>(
    db,
    sql`SELECT coalesce(sum(amount_fen) FILTER (WHERE kind = 'income'), 0)::bigint AS income, coalesce(sum(amount_fen) FILTER (WHERE kind = 'disbursement'), 0)::bigint AS paid
      FROM relief_fund_entry WHERE fund_id = ${fundId}`,
  );
  return { income: Number(row.income), paid: Number(row.paid) };
}
