import { describe, expect, it } from 'vitest';
import {
  collectiveTotalFen,
  collectiveYearErrors,
  isWeakVillage,
  outletOpenOn,
  outletProgress,
  saleErrors,
  supplierErrors,
  type OutletSpan,
} from './rules.ts';

describe('村集体经济 (沁发〔2021〕17号 §二(三)1 四是)', () => {
  it('total is the sum of the sources', () => {
    expect(
      collectiveTotalFen({ assetFen: 1, photovoltaicFen: 20, landFen: 300, operationsFen: 4000, otherFen: 50000 }),
    ).toBe(54321);
  });

  it.each([
    // [total fen, line fen, weak?] — strictly below the line is weak
    [4_999_999, 5_000_000, true],
    [5_000_000, 5_000_000, false],
    [5_000_001, 5_000_000, false],
    [0, 5_000_000, true],
    [0, 0, false],
  ])('total %i against line %i → weak %s', (total, line, weak) => {
    expect(isWeakVillage(total, line)).toBe(weak);
  });

  it.each([
    [2026, '2026-12-06', []],
    [2025, '2026-01-01', []],
    [2027, '2026-12-31', ['year']],
  ])('year %i on %s', (year, today, fields) => {
    expect(collectiveYearErrors(year, today).map((e) => e.field)).toEqual(fields);
  });
});

describe('消费帮扶 “三专” against the 2/2/20 target (沁发〔2021〕17号 §二(三)1 二是)', () => {
  it.each([
    // [opened, closed, day, counts]
    ['2025-01-01', null, '2025-01-01', true],
    ['2025-01-02', null, '2025-01-01', false],
    ['2024-01-01', '2025-01-01', '2025-01-01', false],
    ['2024-01-01', '2025-01-02', '2025-01-01', true],
  ])('opened %s closed %s counts on %s: %s', (openedOn, closedOn, day, open) => {
    expect(outletOpenOn({ openedOn, closedOn }, day)).toBe(open);
  });

  const span = (kind: OutletSpan['kind'], closedOn: string | null = null): OutletSpan => ({
    kind,
    openedOn: '2022-01-01',
    closedOn,
  });
  const targets = { pavilion: 2, zone: 2, counter: 20 };

  it('counts open outlets by kind, shortfall and met', () => {
    const outlets = [
      span('pavilion'),
      span('pavilion'),
      span('zone'),
      span('zone', '2023-01-01'),
      ...Array.from({ length: 21 }, () => span('counter')),
    ];
    expect(outletProgress(outlets, targets, '2025-12-31')).toEqual([
      { kind: 'pavilion', built: 2, target: 2, shortfall: 0, met: true },
      { kind: 'zone', built: 1, target: 2, shortfall: 1, met: false },
      { kind: 'counter', built: 21, target: 20, shortfall: 0, met: true },
    ]);
  });

  it('none built: the whole target is short', () => {
    expect(outletProgress([], targets, '2025-12-31').map((p) => p.shortfall)).toEqual([2, 2, 20]);
  });

  it.each([
    // [period, opened, closed, today, error fields]
    ['2026-12', '2026-01-15', null, '2026-12-06', []],
    ['2027-01', '2026-01-15', null, '2026-12-31', ['period']],
    ['2026-01', '2026-01-15', null, '2026-12-06', []],
    ['2025-12', '2026-01-15', null, '2026-12-06', ['period']],
    ['2026-06', '2026-01-15', '2026-06-01', '2026-12-06', []],
    ['2026-07', '2026-01-15', '2026-06-30', '2026-12-06', ['period']],
  ])('sales of %s (opened %s, closed %s, today %s)', (period, openedOn, closedOn, today, fields) => {
    expect(saleErrors({ period, openedOn, closedOn, today }).map((e) => e.field)).toEqual(fields);
  });
});

describe('消费帮扶 supplier', () => {
  const hh = (kind: string, monitoringStatus: string | null, closed = false) => ({ kind, monitoringStatus, closed });
  it.each([
    ['脱贫户', 'household', hh('alleviated', 'none'), null, []],
    ['monitored ordinary household', 'household', hh('ordinary', 'monitored'), null, []],
    ['ordinary household', 'household', hh('ordinary', 'none'), null, ['householdId']],
    ['ordinary, risk eliminated', 'household', hh('ordinary', 'eliminated'), null, ['householdId']],
    ['closed 脱贫户', 'household', hh('alleviated', 'none', true), null, ['householdId']],
    ['no household', 'household', null, null, ['householdId']],
    ['cooperative by name', 'cooperative', null, '沁水县某某合作社', []],
    ['cooperative without a name', 'cooperative', null, null, ['supplierName']],
  ] as const)('%s', (_case, supplierKind, household, supplierName, fields) => {
    expect(supplierErrors({ supplierKind, household, supplierName }).map((e) => e.field)).toEqual(fields);
  });
});
