import type { z } from 'zod';
import type {
  allocationInput,
  assignmentInput,
  disbursementInput,
  FundChecksResponse,
} from '../../../common/contracts/funds.ts';
import { fundChecksOf, type IndustryBase } from '../../../common/domain/funds/checks.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { countyOfActor } from '../../lib/county.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import {
  addAssignment,
  findAllocation,
  insertAllocation,
  insertDisbursement,
  listAllocations,
  listAssignments,
  listDisbursements,
  payFromAssignment,
  takeFromAllocation,
  yearSums,
} from './funds.repository.ts';

// Linkage funds (衔接资金): allocations are county-level (county roles write them); assignments and
// disbursements are scoped by the project's unit. Balances never go negative (conditional UPDATE + CHECK).

type AllocationInput = z.infer<typeof allocationInput>;
type AssignmentInput = z.infer<typeof assignmentInput>;
type DisbursementInput = z.infer<typeof disbursementInput>;

const ASSIGNABLE = ['admitted', 'implementing', 'accepted'];

/**
 * The fund-rule checks of one county and year — the one source for the funds page and the cockpit (whose fund
 * targets compare with `threshold` of these checks): the parameters in force in that year (funds.industryShare is
 * yearly: 50 % in 2021, 60 % from 2023), the share of funds.industryShareNotBelowYear (2020) as a floor, the year's
 * sums, each check met / at risk / not met.
 */
export async function fundChecks(db: Db, countyCode: string, year: number): Promise<FundChecksResponse> {
  const params = await resolveAll(db, countyCode, `${year}-12`);
  const sums = await yearSums(db, countyCode, year);
  const baseYear = numberParam(params, 'funds.industryShareNotBelowYear');
  let industryBase: IndustryBase | null = null;
  if (baseYear < year) {
    const base = await yearSums(db, countyCode, baseYear);
    const wholeFen = Object.values(base.allocatedBySource).reduce((a, b) => a + b, 0);
    if (wholeFen > 0) industryBase = { year: baseYear, partFen: base.industryAssignedFen, wholeFen };
  }
  const local = numberParam(params, 'funds.managementFeeCapLocal');
  const checks = fundChecksOf(
    { ...sums, industryBase },
    {
      industryShare: numberParam(params, 'funds.industryShare'),
      workForReliefLabourShare: numberParam(params, 'funds.workForReliefLabourShare'),
      managementFeeCap: {
        central: numberParam(params, 'funds.managementFeeCapCentral'),
        provincial: numberParam(params, 'funds.managementFeeCapProvincial'),
        city: local,
        county: local,
      },
      atRiskMargin: numberParam(params, 'funds.atRiskMargin'),
      capAtRiskRatio: numberParam(params, 'funds.capAtRiskRatio'),
    },
  );
  const allocatedFen = Object.values(sums.allocatedBySource).reduce((a, b) => a + b, 0);
  return { year, countyCode, allocatedFen, assignedFen: sums.assignedFen, disbursedFen: sums.disbursedFen, checks };
}

const countyOf = countyOfActor;

/**
 * What funds needs of the projects module, given by server/app.ts (funds never imports projects, which names this
 * service's type in its ledgers): the project an assignment is for, within the actor's scope, in the transaction.
 */
export interface FundsDeps {
  findProject: (
    tx: Db,
    id: number,
    scopePrefix: string,
  ) => Promise<{ id: number; status: string; orgCode: string } | undefined>;
}

export function createFundsService(db: Db, { findProject }: FundsDeps) {
  function requireCounty(ctx: RequestContext) {
    requirePermission(ctx, 'funds:manage');
    if (ctx.actor.scopePrefix.length > 6) throw AppError.forbidden();
  }

  async function allocations(ctx: RequestContext, year?: number) {
    requirePermission(ctx, 'funds:read');
    const rows = await listAllocations(db, countyOf(ctx), year);
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      source: r.source,
      docNo: r.docNo,
      receivedOn: r.receivedOn,
      amountFen: r.amountFen,
      assignedFen: r.assignedFen,
      balanceFen: r.amountFen - r.assignedFen,
      note: r.note,
    }));
  }

  async function allocate(ctx: RequestContext, input: AllocationInput) {
    requireCounty(ctx);
    const countyCode = countyOf(ctx);
    const id = await db.transaction(async (tx) => {
      const newId = await insertAllocation(tx, {
        ...input,
        note: input.note ?? null,
        countyCode,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'allocate',
        entity: 'fund_allocation',
        entityId: newId,
        orgCode: countyCode,
        after: { ...input },
      });
      return newId;
    });
    return (await allocations(ctx, input.year)).find((a) => a.id === id)!;
  }

  async function assignments(ctx: RequestContext, f: { year?: number; projectId?: number }) {
    requirePermission(ctx, 'funds:read');
    const rows = await listAssignments(db, ctx.actor.scopePrefix, f);
    return rows.map((r) => ({
      id: r.a.id,
      allocationId: r.al.id,
      source: r.al.source,
      docNo: r.al.docNo,
      year: r.al.year,
      projectId: r.a.projectId,
      projectName: r.projectName,
      projectType: r.projectType,
      orgName: r.orgName ?? r.projectOrg,
      amountFen: r.a.amountFen,
      disbursedFen: r.a.disbursedFen,
      balanceFen: r.a.amountFen - r.a.disbursedFen,
    }));
  }

  async function assign(ctx: RequestContext, input: AssignmentInput) {
    requireCounty(ctx);
    const countyCode = countyOf(ctx);
    const id = await db.transaction(async (tx) => {
      const allocation = await findAllocation(tx, input.allocationId, countyCode);
      if (!allocation) throw AppError.notFound({ zh: '资金指标', en: 'Allocation' });
      const project = await findProject(tx, input.projectId, ctx.actor.scopePrefix);
      if (!project) throw AppError.notFound({ zh: '项目', en: 'Project' });
      if (!ASSIGNABLE.includes(project.status)) {
        throw AppError.validation([
          {
            field: 'projectId',
            messageZh: '只有已入库、未完成的项目可以安排资金',
            messageEn: 'Only admitted, unfinished projects can receive funds',
          },
        ]);
      }
      if (!(await takeFromAllocation(tx, allocation.id, input.amountFen))) {
        throw AppError.validation([
          {
            field: 'amountFen',
            messageZh: `超出该资金指标可安排余额（余额 ${((allocation.amountFen - allocation.assignedFen) / 100).toFixed(2)} 元）`,
            messageEn: 'More than the allocation has left',
          },
        ]);
      }
      const assignmentId = await addAssignment(tx, allocation.id, project.id, input.amountFen, ctx.actor.id || null);
      await recordAudit(tx, ctx, {
        action: 'assign',
        entity: 'fund_assignment',
        entityId: assignmentId,
        orgCode: project.orgCode,
        after: { ...input },
      });
      return assignmentId;
    });
    return (await assignments(ctx, {})).find((a) => a.id === id)!;
  }

  async function disbursements(ctx: RequestContext, f: { year?: number; projectId?: number }) {
    requirePermission(ctx, 'funds:read');
    const rows = await listDisbursements(db, ctx.actor.scopePrefix, f);
    return rows.map((r) => ({
      id: r.d.id,
      assignmentId: r.d.assignmentId,
      projectName: r.projectName,
      amountFen: r.d.amountFen,
      paidOn: r.d.paidOn,
      voucherNo: r.d.voucherNo,
      payee: r.d.payee,
      labour: r.d.labour,
    }));
  }

  async function disburse(ctx: RequestContext, input: DisbursementInput) {
    requireCounty(ctx);
    const id = await db.transaction(async (tx) => {
      const [assignment] = await listAssignments(tx, ctx.actor.scopePrefix, { id: input.assignmentId });
      if (!assignment) throw AppError.notFound({ zh: '资金安排', en: 'Assignment' });
      if (!(await payFromAssignment(tx, assignment.a.id, input.amountFen))) {
        throw AppError.validation([
          {
            field: 'amountFen',
            messageZh: '支付金额超出该项目资金余额，余额不能为负',
            messageEn: 'The payment exceeds the balance; balances cannot go negative',
          },
        ]);
      }
      const newId = await insertDisbursement(tx, {
        ...input,
        payee: input.payee ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'disburse',
        entity: 'fund_disbursement',
        entityId: newId,
        orgCode: assignment.projectOrg,
        after: { ...input },
      });
      return newId;
    });
    return (await disbursements(ctx, {})).find((d) => d.id === id)!;
  }

  async function checks(ctx: RequestContext, year: number) {
    requirePermission(ctx, 'funds:read');
    return fundChecks(db, countyOf(ctx), year);
  }

  return { allocations, allocate, assignments, assign, disbursements, disburse, checks };
}

export type FundsService = ReturnType<typeof createFundsService>;
