import type { z } from 'zod';
import type { repaymentInput, subsidyInput } from '#common/contracts/microloans.ts';
import { accruedInterestFen, daysBetween, repaymentErrors, type RuleError } from '#common/domain/microloans/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { get } from './microloans.loans.ts';
import * as repo from './microloans.repository.ts';
import {
  fieldError,
  LOAN,
  lockedLoan,
  requireParams,
  todayOf,
  type LoanRecord,
  type MicroloansDeps,
} from './microloans.shared.ts';

// Repayments of principal (结清 when nothing is owed) and the 贴息 of a period: quoted, then paid.

/** A repayment of principal; the loan is repaid (结清) when nothing is owed. */
export async function repay(d: MicroloansDeps, ctx: RequestContext, id: number, input: z.infer<typeof repaymentInput>) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const { loan, owed } = await lockedLoan(tx, ctx, id);
    const errors = repaymentErrors(input, loan, owed, todayOf(d));
    if (errors.length) throw AppError.validation(errors);
    await repo.insertEvent(tx, {
      countyCode: loan.countyCode,
      orgCode: loan.orgCode,
      loanId: id,
      kind: 'repayment',
      on: input.on,
      amountFen: input.amountFen,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    const settled = input.amountFen === owed;
    if (settled && !(await repo.setLoanStatus(tx, id, loan.version, 'repaid')))
      throw new AppError('CONFLICT', { zh: '贷款已被他人修改，请刷新', en: 'The loan changed meanwhile; reload' });
    await recordAudit(tx, ctx, {
      action: 'repay',
      entity: 'micro_loan',
      entityId: id,
      orgCode: loan.orgCode,
      before: { owedFen: owed, status: loan.status },
      after: { ...input, owedFen: owed - input.amountFen, status: settled ? 'repaid' : loan.status },
    });
  });
  return get(d, ctx, id);
}

/** The subsidy period ends after its start, by the due date (no subsidy on overdue days), not after today. */
function periodErrors(today: string, loan: LoanRecord, from: string, to: string): RuleError[] {
  if (to <= from)
    return [{ field: 'to', messageZh: `贴息已计至 ${from}`, messageEn: `The subsidy is paid up to ${from}` }];
  if (to > loan.dueOn)
    return [
      {
        field: 'to',
        messageZh: `贴息计至到期日 ${loan.dueOn} 为止，逾期期间不贴息`,
        messageEn: `The subsidy runs to the due date ${loan.dueOn}; overdue days are not subsidised`,
      },
    ];
  if (to > today)
    return [{ field: 'to', messageZh: '贴息截止日不能晚于今天', messageEn: 'The end date is in the future' }];
  return [];
}

/**
 * The subsidy due from the last subsidy (or the issue date) up to `to` (exclusive): interest on the principal
 * owed each day × the subsidy share. Not beyond the due date (no subsidy on overdue days) nor today.
 */
async function quoteIn(
  d: MicroloansDeps,
  tx: Db,
  loan: LoanRecord,
  events: { kind: string; on: string; amountFen: number }[],
  to: string,
) {
  const lastSubsidy = events.filter((e) => e.kind === 'subsidy').at(-1);
  const from = lastSubsidy?.on ?? loan.issuedOn;
  const errors = periodErrors(todayOf(d), loan, from, to);
  if (errors.length) throw AppError.validation(errors);
  const params = await requireParams(tx, loan.countyCode, loan.issuedOn, 'to');
  const repayments = events.filter((e) => e.kind === 'repayment');
  const interest = accruedInterestFen(loan, repayments, from, to, params.dayCountBasis);
  return {
    from,
    to,
    days: daysBetween(from, to),
    interestFen: interest,
    subsidyFen: Math.round(interest * params.share),
    share: params.share,
    dayCountBasis: params.dayCountBasis,
  };
}

export async function quoteSubsidy(d: MicroloansDeps, ctx: RequestContext, id: number, to: string) {
  requirePermission(ctx, 'programmes:read');
  const loan = await repo.findLoan(d.db, ctx.actor.scopePrefix, id);
  if (!loan) throw AppError.notFound(LOAN);
  return quoteIn(d, d.db, loan, await repo.eventsOf(d.db, [id]), to);
}

/** 贴息 paid: the computed amount of the period is recorded (the event's date is the period's end). */
export async function paySubsidy(
  d: MicroloansDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof subsidyInput>,
) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const { loan, events } = await lockedLoan(tx, ctx, id);
    const quote = await quoteIn(d, tx, loan, events, input.to);
    if (quote.subsidyFen <= 0) throw fieldError('to', '该期间无应贴利息', 'No interest to subsidise in that period');
    await repo.insertEvent(tx, {
      countyCode: loan.countyCode,
      orgCode: loan.orgCode,
      loanId: id,
      kind: 'subsidy',
      on: input.to,
      amountFen: quote.subsidyFen,
      note: input.note ?? `${quote.from} 至 ${quote.to}，${quote.days} 天`,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'subsidy',
      entity: 'micro_loan',
      entityId: id,
      orgCode: loan.orgCode,
      after: quote,
    });
  });
  return get(d, ctx, id);
}
