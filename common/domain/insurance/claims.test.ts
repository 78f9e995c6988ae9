import { describe, expect, it } from 'vitest';
import { claimErrors, decisionErrors, incomeYearOf, type ClaimDecision, payoutStep } from './claims.ts';

const today = '2026-12-06';
const fields = (e: { field: string }[]) => e.map((x) => x.field);

describe('防贫保险 claim rules', () => {
  it.each([
    // [case, policy year, claimedOn, amount fen, error fields]
    ['a claim today', 2026, '2026-12-06', 100_000, []],
    ['first day of the policy year', 2026, '2026-01-01', 1, []],
    ['the day before the policy year', 2026, '2025-12-31', 1, ['claimedOn']],
    ['reported tomorrow', 2026, '2026-12-07', 1, ['claimedOn']],
    ['next year on last year’s policy (late report)', 2025, '2026-02-01', 1, []],
    ['zero amount', 2026, '2026-05-01', 0, ['amountFen']],
    ['negative amount', 2026, '2026-05-01', -5, ['amountFen']],
    ['fractional fen', 2026, '2026-05-01', 1.5, ['amountFen']],
  ] as const)('%s', (_c, policyYear, claimedOn, amountFen, expected) => {
    expect(fields(claimErrors({ policyYear, claimedOn, amountFen }, today))).toEqual(expected);
  });

  const filed = { status: 'filed' as const, claimedOn: '2026-03-10' };
  it.each<[string, ClaimDecision, string[]]>([
    ['paid the day reported', { to: 'paid', paidOn: '2026-03-10', amountFen: 100 }, []],
    ['paid today', { to: 'paid', paidOn: today, amountFen: 100 }, []],
    ['paid before reported', { to: 'paid', paidOn: '2026-03-09', amountFen: 100 }, ['paidOn']],
    ['paid tomorrow', { to: 'paid', paidOn: '2026-12-07', amountFen: 100 }, ['paidOn']],
    ['paid nothing', { to: 'paid', paidOn: today, amountFen: 0 }, ['amountFen']],
    ['refused with a reason', { to: 'refused', note: '不属于保险责任' }, []],
    ['refused without a reason', { to: 'refused', note: '  ' }, ['note']],
    ['refused, reason missing', { to: 'refused', note: null }, ['note']],
  ])('decision: %s', (_c, d, expected) => {
    expect(fields(decisionErrors(filed, d, today))).toEqual(expected);
  });

  it('a decided claim is final', () => {
    const pay: ClaimDecision = { to: 'paid', paidOn: today, amountFen: 100 };
    expect(fields(decisionErrors({ status: 'paid', claimedOn: '2026-03-10' }, pay, today))).toEqual(['status']);
    expect(fields(decisionErrors({ status: 'refused', claimedOn: '2026-03-10' }, pay, today))).toEqual(['status']);
  });

  it('a paid claim counts in the income of the year paid', () => {
    expect(incomeYearOf('2026-01-02')).toBe(2026);
    expect(incomeYearOf('2025-12-31')).toBe(2025);
  });
});

describe('防贫保险 payment into 理赔收入 (no double counting)', () => {
  // recorded 理赔收入 of the year, of which the ledger added, the payment, what the officer said → what happens
  const cases: [string, number | null, number, number, boolean | undefined, string][] = [
    ['no income record: nothing added', null, 0, 300_000, undefined, 'noIncomeRecord'],
    ['no income record, even when told it is counted', null, 0, 300_000, true, 'noIncomeRecord'],
    ['nothing typed by hand: added', 0, 0, 300_000, undefined, 'add'],
    ['only earlier ledger payments: added', 500_000, 500_000, 300_000, undefined, 'add'],
    ['1 fen typed by hand: the officer must say', 500_001, 500_000, 300_000, undefined, 'refuse'],
    ['typed by hand, said not included: added', 300_000, 0, 300_000, false, 'add'],
    ['typed by hand, said included: not added again', 300_000, 0, 300_000, true, 'alreadyCounted'],
    ['said included but the hand part is 1 fen short: refused', 299_999, 0, 300_000, true, 'refuse'],
    ['said included, nothing typed by hand: refused', 500_000, 500_000, 300_000, true, 'refuse'],
  ];
  it.each(cases)('%s', (_name, recorded, ledger, amount, said, kind) => {
    const step = payoutStep(recorded, ledger, amount, said);
    expect(step.kind).toBe(kind);
    if (step.kind === 'refuse') expect(step.error.field).toBe('alreadyInIncome');
  });
});
