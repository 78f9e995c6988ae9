import { describe, expect, it } from 'vitest';
import { cellKey, cellValue, ratioValue, rollUp, shareMeeting } from './rollup.ts';

// Two villages of one township: a big one with a low rate and a small one with a high rate.
const ancestors: Record<string, string[]> = { V1: ['V1', 'T', 'C'], V2: ['V2', 'T', 'C'] };
const values = [
  { orgCode: 'V1', element: 'TAP', period: '2025-06', value: 100 },
  { orgCode: 'V1', element: 'POP', period: '2025-06', value: 1000 },
  { orgCode: 'V2', element: 'TAP', period: '2025-06', value: 90 },
  { orgCode: 'V2', element: 'POP', period: '2025-06', value: 100 },
];

describe('roll-up', () => {
  const cells = rollUp(values, (c) => ancestors[c]);
  const at = (org: string) => (el: string) => cellValue('SUM', cells.get(cellKey(org, el, '2025-06')));

  it('sums and counts per ancestor', () => {
    expect(cells.get(cellKey('T', 'POP', '2025-06'))).toEqual({ sum: 1100, count: 2 });
    expect(cells.get(cellKey('C', 'TAP', '2025-06'))).toEqual({ sum: 190, count: 2 });
  });

  it('computes a rate as the ratio of sums, not the average of the villages’ rates', () => {
    const def = { numerator: '#{TAP}', denominator: '#{POP}', factor: 100 };
    const township = ratioValue(def, at('T'));
    expect(township.value).toBeCloseTo((190 / 1100) * 100, 10); // 17.27 %
    const averageOfRates = (ratioValue(def, at('V1')).value! + ratioValue(def, at('V2')).value!) / 2; // 50 %
    expect(averageOfRates).toBeCloseTo(50, 10);
    expect(township.value).not.toBeCloseTo(averageOfRates, 1);
    expect(township).toMatchObject({ numerator: 190, denominator: 1100 });
  });

  it('AVERAGE divides by the number of reporting units, SUM and LAST add up, empty is no data', () => {
    expect(cellValue('AVERAGE', { sum: 30, count: 3 })).toBe(10);
    expect(cellValue('SUM', { sum: 30, count: 3 })).toBe(30);
    expect(cellValue('LAST', { sum: 30, count: 3 })).toBe(30);
    expect(cellValue('SUM', undefined)).toBeNull();
  });

  it('an empty denominator is no data, not 0 %', () => {
    expect(ratioValue({ numerator: '#{TAP}', denominator: '#{POP}', factor: 100 }, () => null).value).toBeNull();
    expect(
      ratioValue({ numerator: '#{TAP}', denominator: '#{POP}', factor: 100 }, (c) => (c === 'POP' ? 0 : 5)).value,
    ).toBeNull();
  });

  it('share of units meeting a threshold counts units with data only', () => {
    const v = (x: number | null) => () => x;
    const r = shareMeeting(
      { numerator: '#{HAS_4G}', denominator: null, factor: 100, threshold: { op: '>=', value: 1 } },
      [v(1), v(0), v(1), v(null)],
    );
    expect(r).toEqual({ numerator: 2, denominator: 3, value: (2 / 3) * 100 });
  });
});
