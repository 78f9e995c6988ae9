import type { z } from 'zod';
import type { disbursementInput } from '#common/contracts/funds.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { insertDisbursement, listAssignments, listDisbursements, payFromAssignment } from './funds.repository.ts';
import { requireCounty, type FundsUseCaseDeps } from './funds.shared.ts';

// Disbursements (资金支付): paid from an assignment in scope; its balance never goes negative.

type DisbursementInput = z.infer<typeof disbursementInput>;

export async function disbursements(
  { db }: FundsUseCaseDeps,
  ctx: RequestContext,
  f: { year?: number; projectId?: number },
) {
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

export async function disburse(d: FundsUseCaseDeps, ctx: RequestContext, input: DisbursementInput) {
  requireCounty(ctx);
  const id = await d.db.transaction(async (tx) => {
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
  return (await disbursements(d, ctx, {})).find((x) => x.id === id)!;
}
