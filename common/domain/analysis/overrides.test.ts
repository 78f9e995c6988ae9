import { describe, expect, it } from 'vitest';
import { checkOverrides, touches } from './overrides.ts';

describe('what-if overrides', () => {
  it('accepts the line moved from 6,800 to 7,000 yuan and a lookback of 6 months', () => {
    expect(checkOverrides({ 'monitoring.incomeLineFen': 700_000, 'monitoring.lookbackMonths': 6 })).toEqual([]);
  });

  it.each([
    [{}, 'params'],
    [{ 'no.such': 1 }, 'params.no.such'],
    [{ 'monitoring.incomeLineFen': -1 }, 'params.monitoring.incomeLineFen'],
    [{ 'monitoring.incomeLineFen': 7000.5 }, 'params.monitoring.incomeLineFen'],
    [{ 'monitoring.incomeLineFen': '700000' }, 'params.monitoring.incomeLineFen'],
    [{ 'monitoring.incomeDropRatio': 1.5 }, 'params.monitoring.incomeDropRatio'],
    [{ 'monitoring.lookbackMonths': 0 }, 'params.monitoring.lookbackMonths'],
    [{ 'monitoring.lookbackMonths': 37 }, 'params.monitoring.lookbackMonths'],
    [{ 'education.schoolYearStartMonth': 13 }, 'params.education.schoolYearStartMonth'],
    [{ 'monitoring.incomeFigure': 'nonsense' }, 'params.monitoring.incomeFigure'],
  ])('refuses %j on field %s', (overrides, field) => {
    const errors = checkOverrides(overrides);
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0].messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a ratio of exactly 1 and a lookback of 1 are allowed', () => {
    expect(checkOverrides({ 'monitoring.incomeDropRatio': 1, 'monitoring.lookbackMonths': 1 })).toEqual([]);
  });

  it('touches: a rule is re-run only when the scenario changes one of its parameters', () => {
    expect(touches(['monitoring.incomeLineFen', 'monitoring.incomeFigure'], { 'monitoring.incomeLineFen': 1 })).toBe(
      true,
    );
    expect(touches(['monitoring.lookbackMonths'], { 'monitoring.incomeLineFen': 1 })).toBe(false);
    expect(touches([], { 'monitoring.incomeLineFen': 1 })).toBe(false);
  });
});
