// 脱贫人口小额信贷 (沁发〔2021〕17号 §三(六); policy-rules §4.3, 2021 four-agency notice): pure checks and the
// interest subsidy. Limits come from the parameters `microloan.maxAmountFen` (50,000 yuan, inclusive: "5万元（含）
// 以下"), `microloan.maxTermMonths` (36, inclusive: "3年期（含）以内"), `microloan.interestSubsidyShare` and
// `microloan.dayCountBasis`. Money in fen, rates in basis points (3.85 % = 385).

export interface LoanFacts {
  householdKind: 'alleviated' | 'ordinary';
  monitoringStatus: 'none' | 'monitored' | 'eliminated' | null;
  amountFen: number;
  termMonths: number;
  rateBp: number;
  /** Principal still owed on the household's other active loans ("户借": the cap is per household). */
  otherActiveFen?: number;
}

export interface LoanLimits {
  maxAmountFen: number;
  maxTermMonths: number;
}

export interface RuleError {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** Field errors of a new loan (or a renewal's new terms): borrower, amount and term within the limits. */
export function loanErrors(f: LoanFacts, limits: LoanLimits): RuleError[] {
  const errors: RuleError[] = [];
  if (f.householdKind !== 'alleviated' && f.monitoringStatus !== 'monitored')
    errors.push({
      field: 'householdId',
      messageZh: '小额信贷对象须为脱贫户或监测户（边缘易致贫户参照执行）',
      messageEn: 'The borrower must be an alleviated or monitored household',
    });
  if (f.amountFen <= 0)
    errors.push({ field: 'amountFen', messageZh: '贷款金额须大于零', messageEn: 'The amount must be positive' });
  else if (f.amountFen > limits.maxAmountFen)
    errors.push({
      field: 'amountFen',
      messageZh: `贷款金额不超过 ${(limits.maxAmountFen / 100).toFixed(2)} 元`,
      messageEn: `At most ${(limits.maxAmountFen / 100).toFixed(2)} yuan`,
    });
  else if ((f.otherActiveFen ?? 0) + f.amountFen > limits.maxAmountFen)
    errors.push({
      field: 'amountFen',
      messageZh: `该户未还贷款 ${((f.otherActiveFen ?? 0) / 100).toFixed(2)} 元，合计不超过 ${(limits.maxAmountFen / 100).toFixed(2)} 元`,
      messageEn: `The household still owes ${((f.otherActiveFen ?? 0) / 100).toFixed(2)} yuan; together at most ${(limits.maxAmountFen / 100).toFixed(2)} yuan`,
    });
  if (f.termMonths <= 0 || f.termMonths > limits.maxTermMonths)
    errors.push({
      field: 'termMonths',
      messageZh: `贷款期限为 1 至 ${limits.maxTermMonths} 个月`,
      messageEn: `The term is 1 to ${limits.maxTermMonths} months`,
    });
  if (f.rateBp < 0)
    errors.push({ field: 'rateBp', messageZh: '利率不能为负', messageEn: 'The rate cannot be negative' });
  return errors;
}

/** Days from `from` to `to` (to − from), ISO dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The due date: `termMonths` after the issue date (before it when negative), on the same day or the month's last day when shorter. */
export function dueDate(issuedOn: string, termMonths: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number);
  const month0 = m - 1 + termMonths;
  const year = y + Math.floor(month0 / 12);
  const month = (((month0 % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Interest of `days` on a principal: principal × rate × days ÷ basis, rounded half up to the fen. */
export function interestFen(principalFen: number, rateBp: number, days: number, dayCountBasis: number): number {
  const num = BigInt(principalFen) * BigInt(rateBp) * BigInt(days);
  const den = 10_000n * BigInt(dayCountBasis);
  return Number((2n * num + den) / (2n * den));
}

/** The fiscal interest subsidy (贴息) of a period: the interest times the subsidy share, rounded half up. */
export function interestSubsidyFen(
  principalFen: number,
  rateBp: number,
  days: number,
  dayCountBasis: number,
  subsidyShare: number,
): number {
  return Math.round(interestFen(principalFen, rateBp, days, dayCountBasis) * subsidyShare);
}

/**
 * Interest accrued from `from` to `to` (days counted actual/basis, `from` inclusive, `to` exclusive) on the principal
 * outstanding each day: the loan amount less the repayments made before that day. Repayments are split into
 * segments so a part repaid stops bearing interest on its repayment day. Rounded half up once, on the total.
 */
export function accruedInterestFen(
  loan: { amountFen: number; rateBp: number },
  repayments: readonly { on: string; amountFen: number }[],
  from: string,
  to: string,
  dayCountBasis: number,
): number {
  if (to <= from) return 0;
  const sorted = [...repayments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let principal = loan.amountFen;
  let cursor = from;
  let num = 0n;
  for (const r of sorted) {
    if (r.on <= cursor) {
      principal -= r.amountFen;
      continue;
    }
    if (r.on >= to) break;
    num += BigInt(Math.max(principal, 0)) * BigInt(daysBetween(cursor, r.on));
    principal -= r.amountFen;
    cursor = r.on;
  }
  num += BigInt(Math.max(principal, 0)) * BigInt(daysBetween(cursor, to));
  const n = num * BigInt(loan.rateBp);
  const den = 10_000n * BigInt(dayCountBasis);
  return Number((2n * n + den) / (2n * den));
}

/** Principal still owed: the amount less every repayment (never below zero). */
export function outstandingFen(amountFen: number, repayments: readonly { amountFen: number }[]): number {
  return Math.max(0, amountFen - repayments.reduce((s, r) => s + r.amountFen, 0));
}

/** Field errors of a repayment: a positive amount not above what is owed, on a day within the loan and not later than today. */
export function repaymentErrors(
  input: { on: string; amountFen: number },
  loan: { issuedOn: string; status: string },
  owedFen: number,
  today: string,
): RuleError[] {
  const errors: RuleError[] = [];
  if (loan.status !== 'active')
    errors.push({ field: 'loanId', messageZh: '贷款已结清或已续贷', messageEn: 'The loan is closed or renewed' });
  if (input.amountFen <= 0 || input.amountFen > owedFen)
    errors.push({
      field: 'amountFen',
      messageZh: `还款金额须大于零且不超过未还本金 ${(owedFen / 100).toFixed(2)} 元`,
      messageEn: `The repayment is positive and at most the ${(owedFen / 100).toFixed(2)} yuan owed`,
    });
  if (input.on < loan.issuedOn || input.on > today)
    errors.push({
      field: 'on',
      messageZh: '还款日期须在放款日之后且不晚于今天',
      messageEn: 'The repayment date lies between the issue date and today',
    });
  return errors;
}

/** Overdue: still active and the due date has passed (the due day itself is not overdue). */
export function isOverdue(loan: { status: string; dueOn: string }, today: string): boolean {
  return loan.status === 'active' && loan.dueOn < today;
}
