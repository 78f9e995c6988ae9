import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FundSource } from '#common/domain/projects/types.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { fundAllocations, fundAssignments, fundDisbursements } from '#server/db/schema/funds.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { projects } from '#server/db/schema/projects.ts';
import { inScope } from '#server/db/scope.ts';

// Balances move only through conditional UPDATEs (… WHERE assigned + x <= amount), so two concurrent
// writers can never overdraw; the CHECK constraints are the second line.

export async function insertAllocation(tx: Db, values: typeof fundAllocations.$inferInsert): Promise<number> {
  const [row] = await tx.insert(fundAllocations).values(values).returning({ id: fundAllocations.id });
  return row.id;
}

export async function listAllocations(db: Db, countyCode: string, year?: number) {
  return db
    .select()
    .from(fundAllocations)
    .where(and(eq(fundAllocations.countyCode, countyCode), year ? eq(fundAllocations.year, year) : undefined))
    .orderBy(
      desc(fundAllocations.year),
      sql`array_position(ARRAY['central','provincial','city','county'], ${fundAllocations.source})`,
      asc(fundAllocations.id),
    );
}

export async function findAllocation(db: Db, id: number, countyCode: string) {
  const [row] = await db
    .select()
    .from(fundAllocations)
    .where(and(eq(fundAllocations.id, id), eq(fundAllocations.countyCode, countyCode)));
  return row;
}

/** Takes `amount` from the allocation's unassigned balance; false when it would overdraw. */
export async function takeFromAllocation(tx: Db, id: number, amountFen: number): Promise<boolean> {
  const rows = await tx
    .update(fundAllocations)
    .set({ assignedFen: sql`${fundAllocations.assignedFen} + ${amountFen}` })
    .where(
      and(
        eq(fundAllocations.id, id),
        sql`${fundAllocations.assignedFen} + ${amountFen} <= ${fundAllocations.amountFen}`,
      ),
    )
    .returning({ id: fundAllocations.id });
  return rows.length === 1;
}

/** Adds to the (allocation, project) assignment, creating it on first use. */
export async function addAssignment(
  tx: Db,
  allocationId: number,
  projectId: number,
  amountFen: number,
  createdBy: number | null,
): Promise<number> {
  const [row] = await tx
    .insert(fundAssignments)
    .values({ allocationId, projectId, amountFen, createdBy })
    .onConflictDoUpdate({
      target: [fundAssignments.allocationId, fundAssignments.projectId],
      set: { amountFen: sql`${fundAssignments.amountFen} + ${amountFen}` },
    })
    .returning({ id: fundAssignments.id });
  return row.id;
}

/** Pays `amount` out of an assignment; false when the assignment's balance is too small. */
export async function payFromAssignment(tx: Db, id: number, amountFen: number): Promise<boolean> {
  const rows = await tx
    .update(fundAssignments)
    .set({ disbursedFen: sql`${fundAssignments.disbursedFen} + ${amountFen}` })
    .where(
      and(
        eq(fundAssignments.id, id),
        sql`${fundAssignments.disbursedFen} + ${amountFen} <= ${fundAssignments.amountFen}`,
      ),
    )
    .returning({ id: fundAssignments.id });
  return rows.length === 1;
}

export async function insertDisbursement(tx: Db, values: typeof fundDisbursements.$inferInsert): Promise<number> {
  const [row] = await tx.insert(fundDisbursements).values(values).returning({ id: fundDisbursements.id });
  return row.id;
}

/** Assignments in scope (by the project's unit), with their allocation and project. */
export async function listAssignments(
  db: Db,
  scopePrefix: string,
  f: { year?: number; projectId?: number; id?: number },
) {
  return db
    .select({
      a: fundAssignments,
      al: fundAllocations,
      projectName: projects.name,
      projectType: projects.type,
      projectOrg: projects.orgCode,
      orgName: orgUnits.name,
    })
    .from(fundAssignments)
    .innerJoin(fundAllocations, eq(fundAllocations.id, fundAssignments.allocationId))
    .innerJoin(projects, eq(projects.id, fundAssignments.projectId))
    .leftJoin(orgUnits, eq(orgUnits.code, projects.orgCode))
    .where(
      and(
        inScope(projects.orgCode, { scopePrefix }),
        f.year ? eq(fundAllocations.year, f.year) : undefined,
        f.projectId ? eq(fundAssignments.projectId, f.projectId) : undefined,
        f.id ? eq(fundAssignments.id, f.id) : undefined,
      ),
    )
    .orderBy(asc(fundAssignments.id));
}

export async function listDisbursements(db: Db, scopePrefix: string, f: { year?: number; projectId?: number }) {
  return db
    .select({ d: fundDisbursements, projectName: projects.name })
    .from(fundDisbursements)
    .innerJoin(fundAssignments, eq(fundAssignments.id, fundDisbursements.assignmentId))
    .innerJoin(fundAllocations, eq(fundAllocations.id, fundAssignments.allocationId))
    .innerJoin(projects, eq(projects.id, fundAssignments.projectId))
    .where(
      and(
        inScope(projects.orgCode, { scopePrefix }),
        f.year ? eq(fundAllocations.year, f.year) : undefined,
        f.projectId ? eq(fundAssignments.projectId, f.projectId) : undefined,
      ),
    )
    .orderBy(desc(fundDisbursements.paidOn), desc(fundDisbursements.id));
}

export interface YearSums {
  allocatedBySource: Record<FundSource, number>;
  assignedFen: number;
  disbursedFen: number;
  industryAssignedFen: number;
  workForReliefAssignedFen: number;
  /** Paid (disbursements marked labour). */
  workForReliefLabourFen: number;
  workForReliefLabourPlannedFen: number;
  managementFeeBySource: Record<FundSource, number>;
}

/** Everything the fund checks need for one county and year, summed in the database (bigint → number). */
export async function yearSums(db: Db, countyCode: string, year: number): Promise<YearSums> {
  const zero = (): Record<FundSource, number> => ({ central: 0, provincial: 0, city: 0, county: 0 });
  const allocatedBySource = zero();
  const managementFeeBySource = zero();
  const alloc = await queryRows<{ source: FundSource; fen: string }>(
    db,
    sql`SELECT source, sum(amount_fen)::text AS fen FROM fund_allocation WHERE county_code = ${countyCode} AND year = ${year} GROUP BY source`,
  );
  for (const r of alloc) allocatedBySource[r.source] = Number(r.fen);
  const byType = await queryRows<{
    source: FundSource;
    type: string;
    wfr: boolean;
    assigned: string;
    disbursed: string;
  }>(
    db,
    sql`SELECT al.source, p.type, p.work_for_relief AS wfr, sum(a.amount_fen)::text AS assigned, sum(a.disbursed_fen)::text AS disbursed
        FROM fund_assignment a JOIN fund_allocation al ON al.id = a.allocation_id JOIN project p ON p.id = a.project_id
        WHERE al.county_code = ${countyCode} AND al.year = ${year} AND p.status <> 'cancelled'
        GROUP BY al.source, p.type, p.work_for_relief`,
  );
  let assignedFen = 0;
  let disbursedFen = 0;
  let industryAssignedFen = 0;
  let workForReliefAssignedFen = 0;
  for (const r of byType) {
    const assigned = Number(r.assigned);
    assignedFen += assigned;
    disbursedFen += Number(r.disbursed);
    if (r.type === 'industry') industryAssignedFen += assigned;
    if (r.wfr) workForReliefAssignedFen += assigned;
    if (r.type === 'managementFee') managementFeeBySource[r.source] += assigned;
  }
  // 劳务报酬发放: labour remuneration paid (disbursements marked labour) out of this year's money on work-for-relief
  // projects; the planned remuneration of those projects is shown beside it.
  const [paid] = await queryRows<{ fen: string | null }>(
    db,
    sql`SELECT sum(d.amount_fen)::text AS fen FROM fund_disbursement d
        JOIN fund_assignment a ON a.id = d.assignment_id JOIN fund_allocation al ON al.id = a.allocation_id JOIN project p ON p.id = a.project_id
        WHERE d.labour AND p.work_for_relief AND p.status <> 'cancelled' AND al.county_code = ${countyCode} AND al.year = ${year}`,
  );
  const [planned] = await queryRows<{ fen: string | null }>(
    db,
    sql`SELECT sum(p.labour_remuneration_fen)::text AS fen FROM project p
        WHERE p.work_for_relief AND p.status <> 'cancelled' AND p.id IN (
          SELECT a.project_id FROM fund_assignment a JOIN fund_allocation al ON al.id = a.allocation_id WHERE al.county_code = ${countyCode} AND al.year = ${year})`,
  );
  return {
    allocatedBySource,
    assignedFen,
    disbursedFen,
    industryAssignedFen,
    workForReliefAssignedFen,
    workForReliefLabourFen: Number(paid?.fen ?? 0),
    workForReliefLabourPlannedFen: Number(planned?.fen ?? 0),
    managementFeeBySource,
  };
}
