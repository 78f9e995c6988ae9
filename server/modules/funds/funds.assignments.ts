import type { z } from 'zod';
import type { assignmentInput } from '#common/contracts/funds.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { addAssignment, findAllocation, listAssignments, takeFromAllocation } from './funds.repository.ts';
import { countyOf, requireCounty, type FundsUseCaseDeps } from './funds.shared.ts';

// Assignments (资金安排): an allocation's funds given to a project in scope, never more than the allocation has left.

type AssignmentInput = z.infer<typeof assignmentInput>;

const ASSIGNABLE = ['admitted', 'implementing', 'accepted'];

export async function assignments(
  { db }: FundsUseCaseDeps,
  ctx: RequestContext,
  f: { year?: number; projectId?: number },
) {
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

/** The project the funds are for: in the actor's scope, admitted and not finished. */
async function assignableProject(d: FundsUseCaseDeps, tx: Db, ctx: RequestContext, projectId: number) {
  const project = await d.findProject(tx, projectId, ctx.actor.scopePrefix);
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
  return project;
}

export async function assign(d: FundsUseCaseDeps, ctx: RequestContext, input: AssignmentInput) {
  requireCounty(ctx);
  const countyCode = countyOf(ctx);
  const id = await d.db.transaction(async (tx) => {
    const allocation = await findAllocation(tx, input.allocationId, countyCode);
    if (!allocation) throw AppError.notFound({ zh: '资金指标', en: 'Allocation' });
    const project = await assignableProject(d, tx, ctx, input.projectId);
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
  return (await assignments(d, ctx, {})).find((a) => a.id === id)!;
}
