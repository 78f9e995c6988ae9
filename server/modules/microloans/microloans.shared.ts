import type { z } from 'zod';
import type { loanExportQuery, LoanRow } from '#common/contracts/microloans.ts';
import { daysBetween, isOverdue, outstandingFen, type LoanLimits } from '#common/domain/microloans/rules.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { resolveAll } from '../params/index.ts';
import * as repo from './microloans.repository.ts';

// What the 小额信贷 use cases share (microloans.loans.ts, .repayments.ts, .renewals.ts, .ledger.ts): the deps the
// factory builds once, the row shape, the list's filters, the parameters in force on a day, a loan locked for a write.

/** What every microloans use case is given by `createMicroloansService`. */
export interface MicroloansDeps {
  db: Db;
  box: PersonalDataBox;
  clock: Clock;
}

/** The county's day by the factory's clock. */
export const todayOf = (d: MicroloansDeps) => todayInChina(d.clock());

export type LoanExportQuery = z.infer<typeof loanExportQuery>;
export type LoanRecord = NonNullable<Awaited<ReturnType<typeof repo.findLoan>>>;

export const LOAN = { zh: '贷款', en: 'Loan' };

export interface Params extends LoanLimits {
  share: number;
  dayCountBasis: number;
}

export function toRow(r: Awaited<ReturnType<typeof repo.listLoans>>[number], today: string): LoanRow {
  const x = r.loan;
  const overdue = isOverdue(x, today);
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    householdId: x.householdId,
    householdNo: r.householdNo,
    borrowerName: r.borrowerName,
    bank: x.bank,
    purpose: x.purpose as LoanRow['purpose'],
    amountFen: x.amountFen,
    termMonths: x.termMonths,
    rateBp: x.rateBp,
    issuedOn: x.issuedOn,
    dueOn: x.dueOn,
    status: x.status,
    overdue,
    overdueDays: overdue ? daysBetween(x.dueOn, today) : 0,
    repaidFen: r.repaidFen,
    outstandingFen: x.status === 'active' ? Math.max(0, x.amountFen - r.repaidFen) : 0,
    subsidyPaidFen: r.subsidyPaidFen,
    renewalKind: x.renewalKind,
    renewedFromId: x.renewedFromId,
  };
}

export const filterOf = (q: LoanExportQuery, today: string): repo.LoanFilter => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  status: q.status,
  purpose: q.purpose,
  bank: q.bank,
  q: q.q,
  today,
});

export const fieldError = (field: string, messageZh: string, messageEn: string) =>
  AppError.validation([{ field, messageZh, messageEn }]);

/** The parameters in force on `date` (read through `tx` inside a transaction); undefined before the policy. */
async function paramsFor(tx: Db, countyCode: string, date: string): Promise<Params | undefined> {
  const p = await resolveAll(tx, countyCode, date.slice(0, 7));
  const n = (k: string) => (typeof p[k]?.value === 'number' ? (p[k].value as number) : undefined);
  const [maxAmountFen, maxTermMonths, share, dayCountBasis] = [
    n('microloan.maxAmountFen'),
    n('microloan.maxTermMonths'),
    n('microloan.interestSubsidyShare'),
    n('microloan.dayCountBasis'),
  ];
  if (maxAmountFen === undefined || maxTermMonths === undefined || share === undefined || !dayCountBasis)
    return undefined;
  return { maxAmountFen, maxTermMonths, share, dayCountBasis };
}

export async function requireParams(tx: Db, countyCode: string, date: string, field: string): Promise<Params> {
  const p = await paramsFor(tx, countyCode, date);
  if (!p)
    throw fieldError(
      field,
      '该日期无脱贫人口小额信贷政策参数（政策自2021年3月起）',
      'No small-loan policy parameters on that date (the policy starts in March 2021)',
    );
  return p;
}

/** The loan in the actor's scope, locked for the write, with its events and the principal still owed. */
export async function lockedLoan(tx: Db, ctx: RequestContext, id: number) {
  const loan = await repo.findLoan(tx, ctx.actor.scopePrefix, id, true);
  if (!loan) throw AppError.notFound(LOAN);
  const events = await repo.eventsOf(tx, [id]);
  const repayments = events.filter((e) => e.kind === 'repayment');
  return { loan, events, repayments, owed: outstandingFen(loan.amountFen, repayments) };
}
