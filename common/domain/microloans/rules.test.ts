import { describe, expect, it } from 'vitest';
import {
  accruedInterestFen,
  dueDate,
  interestFen,
  interestSubsidyFen,
  isOverdue,
  loanErrors,
  outstandingFen,
  repaymentErrors,
  type LoanFacts,
} from './rules.ts';

const limits = { maxAmountFen: 5_000_000, maxTermMonths: 36 };
const ok: LoanFacts = {
  householdKind: 'alleviated',
  monitoringStatus: 'none',
  amountFen: 5_000_000,
  termMonths: 36,
  rateBp: 385,
};
const fields = (f: Partial<LoanFacts>) => loanErrors({ ...ok, ...f }, limits).map((e) => e.field);

describe('小额信贷 limits (policy-rules §4.3: ≤ 50,000 yuan, ≤ 3 years, both inclusive)', () => {
  it.each([
    ['exactly 50,000 yuan and 36 months', {}, []],
    ['one fen over 50,000 yuan', { amountFen: 5_000_001 }, ['amountFen']],
    ['zero amount', { amountFen: 0 }, ['amountFen']],
    ['37 months', { termMonths: 37 }, ['termMonths']],
    ['0 months', { termMonths: 0 }, ['termMonths']],
    ['monitored 边缘易致贫户', { householdKind: 'ordinary', monitoringStatus: 'monitored' }, []],
    ['ordinary household not monitored', { householdKind: 'ordinary', monitoringStatus: 'none' }, ['householdId']],
    ['ordinary household eliminated', { householdKind: 'ordinary', monitoringStatus: 'eliminated' }, ['householdId']],
    ['negative rate', { rateBp: -1 }, ['rateBp']],
    [
      '20,000 yuan more when 30,000 yuan is still owed (exactly the cap)',
      { amountFen: 2_000_000, otherActiveFen: 3_000_000 },
      [],
    ],
    ['one fen more than the household cap', { amountFen: 2_000_001, otherActiveFen: 3_000_000 }, ['amountFen']],
  ] as const)('%s', (_, f, expected) => {
    expect(fields(f as Partial<LoanFacts>)).toEqual(expected);
  });
});

describe('interest and its subsidy (worked examples)', () => {
  it('50,000 yuan at 3.85 % for a year of 365 days on a 360-day basis: 1,951.74 yuan', () => {
    // 5,000,000 × 0.0385 × 365 / 360 = 195,173.61… fen
    expect(interestFen(5_000_000, 385, 365, 360)).toBe(195_174);
    expect(interestSubsidyFen(5_000_000, 385, 365, 360, 1)).toBe(195_174);
  });
  it('half the interest subsidised: 975.87 yuan', () => {
    expect(interestSubsidyFen(5_000_000, 385, 365, 360, 0.5)).toBe(97_587);
  });
  it('30,000 yuan at 4.2 % for 90 days on a 360-day basis: exactly 315.00 yuan', () => {
    expect(interestFen(3_000_000, 420, 90, 360)).toBe(31_500);
  });
  it('rounds half up to the fen', () => {
    // 100 fen × 0.50 % × 360 / 360 = 0.5 fen → 1; at 0.49 % 0.49 fen → 0
    expect(interestFen(100, 50, 360, 360)).toBe(1);
    expect(interestFen(100, 49, 360, 360)).toBe(0);
  });
});

describe('due date and overdue', () => {
  it.each([
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-03-04', 36, '2029-03-04'],
    ['2026-01-15', -2, '2025-11-15'],
    ['2026-03-31', -13, '2025-02-28'],
  ] as const)('%s + %i months = %s', (from, months, due) => {
    expect(dueDate(from, months)).toBe(due);
  });
  it('the due day itself is not overdue; the day after is', () => {
    expect(isOverdue({ status: 'active', dueOn: '2026-12-06' }, '2026-12-06')).toBe(false);
    expect(isOverdue({ status: 'active', dueOn: '2026-12-06' }, '2026-12-07')).toBe(true);
    expect(isOverdue({ status: 'repaid', dueOn: '2026-12-06' }, '2026-12-07')).toBe(false);
  });
});

describe('interest accrued with repayments (worked examples)', () => {
  const loan = { amountFen: 3_000_000, rateBp: 420 };
  it('no repayment: 30,000 yuan at 4.2 % for 90 days = 315.00 yuan', () => {
    expect(accruedInterestFen(loan, [], '2026-01-01', '2026-04-01', 360)).toBe(31_500);
  });
  it('10,000 yuan repaid on day 45: 30,000 × 45 days + 20,000 × 45 days → 262.50 yuan', () => {
    // (3,000,000 × 45 + 2,000,000 × 45) × 0.042 / 360 = 26,250 fen
    expect(
      accruedInterestFen(loan, [{ on: '2026-02-15', amountFen: 1_000_000 }], '2026-01-01', '2026-04-01', 360),
    ).toBe(26_250);
  });
  it('a repayment before the period lowers the principal of the whole period; one after it does not count', () => {
    const reps = [
      { on: '2025-12-01', amountFen: 1_000_000 },
      { on: '2026-05-01', amountFen: 2_000_000 },
    ];
    // 2,000,000 × 0.042 × 90 / 360 = 21,000 fen
    expect(accruedInterestFen(loan, reps, '2026-01-01', '2026-04-01', 360)).toBe(21_000);
  });
  it('an empty or reversed period accrues nothing; a 365-day basis gives less', () => {
    expect(accruedInterestFen(loan, [], '2026-04-01', '2026-04-01', 360)).toBe(0);
    expect(accruedInterestFen(loan, [], '2026-04-01', '2026-01-01', 360)).toBe(0);
    // 3,000,000 × 0.042 × 90 / 365 = 31,068.49… → 31,068
    expect(accruedInterestFen(loan, [], '2026-01-01', '2026-04-01', 365)).toBe(31_068);
  });
  it('outstanding principal never goes below zero', () => {
    expect(outstandingFen(3_000_000, [{ amountFen: 1_000_000 }])).toBe(2_000_000);
    expect(outstandingFen(3_000_000, [{ amountFen: 3_000_000 }, { amountFen: 1 }])).toBe(0);
  });
});

describe('repayment rules', () => {
  const active = { issuedOn: '2026-01-01', status: 'active' };
  const f = (input: { on: string; amountFen: number }, loan = active, owed = 1_000_000) =>
    repaymentErrors(input, loan, owed, '2026-12-06').map((e) => e.field);
  it.each([
    ['all that is owed, today', { on: '2026-12-06', amountFen: 1_000_000 }, []],
    ['one fen more than owed', { on: '2026-12-06', amountFen: 1_000_001 }, ['amountFen']],
    ['zero', { on: '2026-06-01', amountFen: 0 }, ['amountFen']],
    ['tomorrow', { on: '2026-12-07', amountFen: 100 }, ['on']],
    ['before the issue date', { on: '2025-12-31', amountFen: 100 }, ['on']],
  ] as const)('%s', (_, input, expected) => {
    expect(f(input)).toEqual(expected);
  });
  it('a repaid loan takes no repayment', () => {
    expect(f({ on: '2026-06-01', amountFen: 100 }, { issuedOn: '2026-01-01', status: 'repaid' })).toEqual(['loanId']);
  });
});
