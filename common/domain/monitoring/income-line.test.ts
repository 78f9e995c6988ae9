import { describe, expect, it } from 'vitest';
import {
  assessIncomeLine,
  incomeRecordAsOf,
  linePerCapita,
  stabilityMonths,
  unstableMonths,
  withinRange,
  type IncomeYearRecord,
} from './income-line.ts';

const LINE = 600_000;
const rec = (year: number, netIncome: number, extra: Partial<IncomeYearRecord> = {}): IncomeYearRecord => ({
  year,
  netIncome,
  insurancePayout: 0,
  eligibleOutOfPocket: 0,
  householdSize: 3,
  ...extra,
});

describe('per-capita income against the line (policy-rules §1.2, §1.3, §3.4)', () => {
  it.each([
    ['exactly at the line is within', rec(2025, 1_800_000), 'net', true, 600_000],
    ['1,800,001 ÷ 3 = 600,000.33 → 600,000: within', rec(2025, 1_800_001), 'net', true, 600_000],
    ['1,800,002 ÷ 3 = 600,000.67 → 600,001: one fen above', rec(2025, 1_800_002), 'net', false, 600_001],
    ['one fen below', rec(2025, 1_799_997), 'net', true, 599_999],
    [
      'adjusted: payout in, out-of-pocket out',
      rec(2025, 2_400_000, { insurancePayout: 100_000, eligibleOutOfPocket: 700_000 }),
      'adjusted',
      true,
      600_000,
    ],
    [
      'adjusted one fen above',
      rec(2025, 2_400_000, { insurancePayout: 100_003, eligibleOutOfPocket: 700_000 }),
      'adjusted',
      false,
      600_001,
    ],
    ['net ignores the out-of-pocket', rec(2025, 2_400_000, { eligibleOutOfPocket: 2_000_000 }), 'net', false, 800_000],
  ] as const)('%s', (_name, r, figure, within, perCapita) => {
    expect(assessIncomeLine([r], '2025-06', figure, LINE)).toMatchObject({
      within,
      perCapitaFen: perCapita,
      lineFen: LINE,
      incomeYear: 2025,
      figure,
    });
  });

  it('reads the latest year not after the period, and nothing without income, size or line', () => {
    const records = [rec(2023, 3_000_000), rec(2025, 900_000), rec(2024, 1_200_000)];
    expect(incomeRecordAsOf(records, '2024-12')?.year).toBe(2024);
    expect(incomeRecordAsOf(records, '2026-01')?.year).toBe(2025);
    expect(incomeRecordAsOf(records, '2022-12')).toBeNull();
    expect(assessIncomeLine(records, '2025-06', 'net', null)).toBeNull();
    expect(linePerCapita(rec(2025, 1, { householdSize: 0 }), 'net')).toBeNull();
    expect(withinRange(600_000, 600_000)).toBe(true);
    expect(withinRange(600_001, 600_000)).toBe(false);
  });

  it('stability: every month of the half year above the line in force that month', () => {
    expect(stabilityMonths('2026-03', 6)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    const records = [rec(2025, 2_100_000), rec(2026, 2_400_000)];
    // The 2026 line rises to 7,000: 2025's 7,000 per capita was above 2025's 6,000 but the check of 2026-01… uses 2026's income.
    const lineOf = (p: string) => (p >= '2026-01' ? 750_000 : 600_000);
    const months = stabilityMonths('2026-03', 6).map((period) => ({
      period,
      assessment: assessIncomeLine(records, period, 'net', lineOf(period)),
    }));
    expect(unstableMonths(months)).toEqual([]);
    const lower = [rec(2025, 1_500_000), rec(2026, 2_400_000)];
    const again = stabilityMonths('2026-03', 6).map((period) => ({
      period,
      assessment: assessIncomeLine(lower, period, 'net', lineOf(period)),
    }));
    expect(unstableMonths(again)).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(unstableMonths([{ period: '2026-03', assessment: null }])).toEqual(['2026-03']);
  });
});
