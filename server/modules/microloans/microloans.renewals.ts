import type { z } from 'zod';
import type { LoanInput, renewalInput } from '#common/contracts/microloans.ts';
import { dueDate, loanErrors, type RuleError } from '#common/domain/microloans/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { createInTx, get } from './microloans.loans.ts';
import * as repo from './microloans.repository.ts';
import { lockedLoan, requireParams, type LoanRecord, type MicroloansDeps } from './microloans.shared.ts';

// 展期 and 续贷: the loan is closed as `renewed` and a new row points at it.

type RenewalInput = z.infer<typeof renewalInput>;
type Renewal = { d: MicroloansDeps; tx: Db; ctx: RequestContext; loan: LoanRecord; owed: number; input: RenewalInput };

/** 展期: the principal owed continues on a new term from the old due date, within the limits. */
async function extend({ tx, ctx, loan, owed, input }: Renewal) {
  const hh = await repo.householdFacts(tx, ctx.actor.scopePrefix, loan.householdId, true);
  if (!hh) throw AppError.notFound({ zh: '农户', en: 'Household' });
  const params = await requireParams(tx, loan.countyCode, loan.dueOn, 'termMonths');
  const errors = loanErrors(
    {
      householdKind: 'alleviated', // 展期 keeps the loan already granted: the borrower is not re-examined
      monitoringStatus: hh.monitoringStatus,
      amountFen: owed,
      termMonths: input.termMonths,
      rateBp: input.rateBp ?? loan.rateBp,
      otherActiveFen: await repo.activeOwedOfHousehold(tx, loan.householdId, loan.id),
    },
    params,
  );
  if (errors.length) throw AppError.validation(errors);
  return repo.insertLoan(tx, {
    countyCode: loan.countyCode,
    orgCode: loan.orgCode,
    householdId: loan.householdId,
    borrowerPersonId: loan.borrowerPersonId,
    bank: input.bank ?? loan.bank,
    purpose: input.purpose ?? loan.purpose,
    amountFen: owed,
    termMonths: input.termMonths,
    rateBp: input.rateBp ?? loan.rateBp,
    issuedOn: loan.dueOn,
    dueOn: dueDate(loan.dueOn, input.termMonths),
    renewalKind: 'extension',
    renewedFromId: loan.id,
    createdBy: ctx.actor.id || null,
  });
}

/** A re-loan names its amount and an issue date not before the loan it continues. */
function reloanErrors(loan: LoanRecord, input: RenewalInput): RuleError[] {
  const fields: RuleError[] = [];
  if (input.amountFen === undefined)
    fields.push({ field: 'amountFen', messageZh: '续贷须填写贷款金额', messageEn: 'A re-loan needs its amount' });
  if (input.issuedOn === undefined)
    fields.push({ field: 'issuedOn', messageZh: '续贷须填写放款日期', messageEn: 'A re-loan needs its issue date' });
  else if (input.issuedOn < loan.issuedOn)
    fields.push({
      field: 'issuedOn',
      messageZh: '续贷放款日期不能早于原贷款',
      messageEn: 'The re-loan cannot start before the loan it continues',
    });
  return fields;
}

/** 续贷: a new loan to the household (amount, issue date) passing the same checks as a new loan. */
async function reloan({ d, tx, ctx, loan, input }: Renewal) {
  const fields = reloanErrors(loan, input);
  if (fields.length) throw AppError.validation(fields);
  return createInTx(
    d,
    tx,
    ctx,
    {
      householdId: loan.householdId,
      borrowerPersonId: loan.borrowerPersonId,
      bank: input.bank ?? loan.bank,
      purpose: (input.purpose ?? loan.purpose) as LoanInput['purpose'],
      amountFen: input.amountFen!,
      termMonths: input.termMonths,
      rateBp: input.rateBp ?? loan.rateBp,
      issuedOn: input.issuedOn!,
    },
    { renewedFrom: loan },
  );
}

/**
 * 展期: the principal owed continues on a new term from the old due date (same bank and purpose, rate kept unless
 * given). 续贷: a new loan to the household (amount, issue date) that closes this one. Both: within the limits;
 * 续贷 checks the household is still eligible. The old loan becomes `renewed`.
 */
export async function renew(d: MicroloansDeps, ctx: RequestContext, id: number, input: RenewalInput) {
  requirePermission(ctx, 'programmes:write');
  const newId = await d.db.transaction(async (tx) => {
    const { loan, owed } = await lockedLoan(tx, ctx, id);
    if (loan.status !== 'active')
      throw new AppError('CONFLICT', { zh: '贷款已结清或已续贷', en: 'The loan is closed or renewed' });
    const renewal: Renewal = { d, tx, ctx, loan, owed, input };
    const created = input.kind === 'extension' ? await extend(renewal) : await reloan(renewal);
    if (!(await repo.setLoanStatus(tx, id, loan.version, 'renewed')))
      throw new AppError('CONFLICT', { zh: '贷款已被他人修改，请刷新', en: 'The loan changed meanwhile; reload' });
    await recordAudit(tx, ctx, {
      action: 'renew',
      entity: 'micro_loan',
      entityId: id,
      orgCode: loan.orgCode,
      before: { status: 'active', owedFen: owed, dueOn: loan.dueOn },
      after: { status: 'renewed', kind: input.kind, newLoanId: created, termMonths: input.termMonths },
    });
    return created;
  });
  return get(d, ctx, newId);
}
