import { describe, expect, it } from 'vitest';
import { assessIncomeLine } from '../monitoring/income-line.ts';
import { checkElimination, type CriterionCode, type EliminationFacts } from './elimination.ts';

// Each criterion of policy-rules §1.8 just below and just above its threshold.

/** The line's verdict for a household of one with `perCapita` in `year`, checked in 2026-11 against `lineFen`. */
function line(year: number, perCapita: number, lineFen: number | null) {
  return assessIncomeLine(
    [{ year, netIncome: perCapita, insurancePayout: 0, eligibleOutOfPocket: 0, householdSize: 1 }],
    '2026-11',
    'net',
    lineFen,
  );
}

const base: EliminationFacts = {
  mode: 'assistedElimination',
  asOfPeriod: '2026-11',
  identificationPeriod: '2026-05',
  minMonths: 6,
  riskTypes: ['illness'],
  measuresByRisk: { illness: 1 },
  income: line(2026, 700_001, 700_000),
  incomeStability: { months: 6, unstable: [] },
  rigidSpendingResolved: true,
  openClues: 0,
  housingUnsafe: false,
  schoolDropout: false,
  medicalUninsured: false,
  waterSafe: true,
  wholeHouseholdNoLabour: false,
};

const result = (f: Partial<EliminationFacts>, code: CriterionCode) =>
  checkElimination({ ...base, ...f }).criteria.find((c) => c.code === code)!.ok;

describe('assisted elimination criteria', () => {
  it('all met → eligible', () => expect(checkElimination(base).ok).toBe(true));

  it.each([
    ['5 months (just below 6)', { identificationPeriod: '2026-06' }, 'monitoredMonths', false],
    ['6 months exactly', { identificationPeriod: '2026-05' }, 'monitoredMonths', true],
    [
      '6 months across the year end',
      { identificationPeriod: '2025-12', asOfPeriod: '2026-06' },
      'monitoredMonths',
      true,
    ],
    [
      '5 months across the year end',
      { identificationPeriod: '2026-01', asOfPeriod: '2026-06' },
      'monitoredMonths',
      false,
    ],
    ['a 7-month parameter', { minMonths: 7 }, 'monitoredMonths', false],
    ['no measure', { measuresByRisk: {} }, 'assistanceMeasure', false],
    ['a measure for another risk only', { measuresByRisk: { education: 2 } }, 'assistanceMeasure', false],
    ['one measure for the risk', { measuresByRisk: { illness: 1 } }, 'assistanceMeasure', true],
    ['income equal to the line', { income: line(2026, 700_000, 700_000) }, 'incomeAboveLine', false],
    ['income 1 fen above the line', { income: line(2026, 700_001, 700_000) }, 'incomeAboveLine', true],
    ['last year on record counts', { income: line(2025, 700_001, 700_000) }, 'incomeAboveLine', true],
    ['two years old is not steady evidence', { income: line(2024, 900_000, 700_000) }, 'incomeAboveLine', false],
    ['no income record', { income: null }, 'incomeAboveLine', false],
    ['no line set', { income: line(2026, 900_000, null) }, 'incomeAboveLine', false],
    [
      'above now but not in one month of the half year',
      { incomeStability: { months: 6, unstable: ['2026-06'] } },
      'incomeAboveLine',
      false,
    ],
    ['rigid spending not recorded', { rigidSpendingResolved: null }, 'rigidSpending', false],
    ['rigid spending unresolved', { rigidSpendingResolved: false }, 'rigidSpending', false],
    ['an open clue remains', { openClues: 1 }, 'rigidSpending', false],
    ['housing unsafe', { housingUnsafe: true }, 'threeGuarantees', false],
    ['school dropout', { schoolDropout: true }, 'threeGuarantees', false],
    ['uninsured member', { medicalUninsured: true }, 'threeGuarantees', false],
    ['water unsafe', { waterSafe: false }, 'threeGuarantees', false],
    ['water not checked', { waterSafe: null }, 'threeGuarantees', false],
    ['whole household without labour', { wholeHouseholdNoLabour: true }, 'notWholeNoLabour', false],
  ] as const)('%s', (_name, facts, code, ok) => {
    expect(result(facts as Partial<EliminationFacts>, code)).toBe(ok);
    expect(checkElimination({ ...base, ...(facts as Partial<EliminationFacts>) }).ok).toBe(ok);
  });
});

describe('natural elimination', () => {
  const natural = { ...base, mode: 'naturalElimination' as const, identificationPeriod: '2026-10', measuresByRisk: {} };
  it('does not need 6 months or a measure', () => {
    const r = checkElimination(natural);
    expect(r.ok).toBe(true);
    expect(r.criteria.find((c) => c.code === 'monitoredMonths')!.ok).toBeNull();
    expect(r.criteria.find((c) => c.code === 'assistanceMeasure')!.ok).toBeNull();
  });
  it('still cannot eliminate a whole household without labour ability', () => {
    expect(checkElimination({ ...natural, wholeHouseholdNoLabour: true }).ok).toBe(false);
  });
});
