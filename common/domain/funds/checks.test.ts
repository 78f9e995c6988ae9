import { describe, expect, it } from 'vitest';
import { capStatus, fundChecksOf, industryShareMinimum, minimumShareStatus } from './checks.ts';
import { atLeast, toFraction } from './fraction.ts';

// Boundaries of the fund rules (seed §三(五), policy-rules §6): just below, at and just above each line.

describe('toFraction', () => {
  it.each([
    [0.5, 1n, 2n],
    [0.6, 3n, 5n],
    [0.15, 3n, 20n],
    [2 / 3, 2n, 3n],
    [0.01, 1n, 100n],
    [0.03, 3n, 100n],
  ])('%s', (x, num, den) => expect(toFraction(x)).toEqual({ num, den }));
  it('2/3 attendance is exact: 20 of 30 passes, 19 of 29 does not', () => {
    expect(atLeast(20, 30, toFraction(2 / 3))).toBe(true);
    expect(atLeast(19, 29, toFraction(2 / 3))).toBe(false);
  });
});

describe('industry share (2021: 50 %, 2023: 60 %)', () => {
  const total = 100_000_000; // 1,000,000.00 yuan
  it.each([
    ['49.99 %', 0.5, 49_990_000, 'notMet'],
    ['50 % less one fen', 0.5, 49_999_999, 'notMet'],
    ['50 %', 0.5, 50_000_000, 'met'],
    ['50.01 %', 0.5, 50_010_000, 'met'],
    ['59.99 % in 2023', 0.6, 59_990_000, 'notMet'],
    ['60 % in 2023', 0.6, 60_000_000, 'met'],
    ['60.01 % in 2023', 0.6, 60_010_000, 'met'],
  ] as const)('%s', (_, minShare, partFen, status) => {
    expect(minimumShareStatus({ partFen, wholeFen: total, minShare, margin: 0 })).toBe(status);
  });

  it.each([
    ['just met, inside a 2-point band', 50_000_000, 'atRisk'],
    ['51.99 %', 51_990_000, 'atRisk'],
    ['52 % leaves the band', 52_000_000, 'met'],
    ['below the line', 49_990_000, 'notMet'],
  ] as const)('at-risk band: %s', (_, partFen, status) => {
    expect(minimumShareStatus({ partFen, wholeFen: total, minShare: 0.5, margin: 0.02 })).toBe(status);
  });

  it('no allocation is no data', () =>
    expect(minimumShareStatus({ partFen: 0, wholeFen: 0, minShare: 0.5, margin: 0 })).toBe('noData'));
});

describe('以工代赈 labour share 15 %', () => {
  it.each([
    [14_990, 'notMet'],
    [15_000, 'met'],
    [15_010, 'met'],
  ] as const)('%i fen of 100,000', (partFen, status) => {
    expect(minimumShareStatus({ partFen, wholeFen: 100_000, minShare: 0.15, margin: 0 })).toBe(status);
  });
});

describe('management fee cap', () => {
  it.each([
    ['0.99 % of central (inside the 90 % band)', 99, 'atRisk'],
    ['1 % (90 % of cap reached)', 100, 'atRisk'],
    ['1.01 %', 101, 'notMet'],
    ['0.89 %', 89, 'met'],
    ['0.9 %', 90, 'atRisk'],
  ] as const)('%s', (_, usedFen, status) => {
    expect(capStatus({ usedFen, baseFen: 10_000, cap: 0.01, atRiskRatio: 0.9 })).toBe(status);
  });
  it('a fee without any allocation is not met', () =>
    expect(capStatus({ usedFen: 1, baseFen: 0, cap: 0.03, atRiskRatio: 0.9 })).toBe('notMet'));
});

describe('fundChecksOf', () => {
  it('sums sources and reports the worst fee status', () => {
    const checks = fundChecksOf(
      {
        allocatedBySource: { central: 60_000_000, provincial: 20_000_000, city: 10_000_000, county: 10_000_000 },
        industryAssignedFen: 50_000_000,
        workForReliefAssignedFen: 1_000_000,
        workForReliefLabourFen: 140_000,
        managementFeeBySource: { central: 700_000, provincial: 0, city: 0, county: 0 },
      },
      {
        industryShare: 0.5,
        workForReliefLabourShare: 0.15,
        managementFeeCap: { central: 0.01, provincial: 0.03, city: 0.03, county: 0.03 },
        atRiskMargin: 0,
        capAtRiskRatio: 0.9,
      },
    );
    expect(checks.map((c) => [c.key, c.status])).toEqual([
      ['industryShare', 'met'],
      ['workForReliefLabour', 'notMet'],
      ['managementFee', 'notMet'],
    ]);
    expect(checks[0].share).toBe(0.5);
    expect(checks[1].detailZh).toContain('14.00%');
  });
});

// 沁发〔2021〕17号 三(五): "2021年全县用于产业发展的资金规模占比原则上不得低于下达资金总规模的50%，且不得低于2020年用于产业发展的资金占比"
describe('industryShareMinimum: the yearly share, and not below the 2020 share', () => {
  it.each([
    ['no 2020 allocations', 0.5, null, 0.5, false],
    ['2020 share lower (40 %)', 0.5, { year: 2020, partFen: 40, wholeFen: 100 }, 0.5, false],
    ['2020 share equal (50 %)', 0.5, { year: 2020, partFen: 50, wholeFen: 100 }, 0.5, false],
    ['2020 share higher (55 %)', 0.5, { year: 2020, partFen: 55, wholeFen: 100 }, 0.55, true],
    ['2023: 60 % beats a 55 % 2020 share', 0.6, { year: 2020, partFen: 55, wholeFen: 100 }, 0.6, false],
  ] as const)('%s', (_, share, base, value, fromBase) => {
    expect(industryShareMinimum(share, base)).toMatchObject({ value, fromBase });
  });

  const figures = (
    industryAssignedFen: number,
    industryBase: { year: number; partFen: number; wholeFen: number } | null,
  ) => ({
    allocatedBySource: { central: 1_000_000, provincial: 0, city: 0, county: 0 },
    industryAssignedFen,
    workForReliefAssignedFen: 0,
    workForReliefLabourFen: 0,
    managementFeeBySource: { central: 0, provincial: 0, city: 0, county: 0 },
    industryBase,
  });
  const params = {
    industryShare: 0.5,
    workForReliefLabourShare: 0.15,
    managementFeeCap: { central: 0.01, provincial: 0.03, city: 0.03, county: 0.03 },
    atRiskMargin: 0,
    capAtRiskRatio: 0.9,
  };
  it('a 2021 share of 52 % is not met when 2020 had 55 %, exactly at 55 % it is', () => {
    const base = { year: 2020, partFen: 550_000, wholeFen: 1_000_000 };
    expect(fundChecksOf(figures(520_000, base), params)[0]).toMatchObject({ status: 'notMet', threshold: 0.55 });
    expect(fundChecksOf(figures(550_000, base), params)[0]).toMatchObject({ status: 'met', threshold: 0.55 });
    expect(fundChecksOf(figures(520_000, null), params)[0]).toMatchObject({ status: 'met', threshold: 0.5 });
  });
});
