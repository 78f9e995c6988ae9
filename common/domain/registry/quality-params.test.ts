import { describe, expect, it } from 'vitest';
import { definitionOf, NATIONAL } from '../params/definitions.ts';
import { DEFAULT_QUALITY_PARAMS } from './quality-rule.ts';
import { periodOfYyyymm, QUALITY_PARAM_KEYS, qualityParamsFrom } from './quality-params.ts';

// Every data-quality threshold is a policy parameter, and the national seed is the documented default.

const seedOf = (key: string) => definitionOf(key)?.seeds.find((s) => s.scopeCode === NATIONAL)?.value;

describe('quality thresholds are policy parameters', () => {
  it.each(Object.entries(QUALITY_PARAM_KEYS))('%s ← %s', (_field, key) => {
    expect(definitionOf(key), key).toBeDefined();
  });

  it('the seeded national values give the documented defaults', () => {
    expect(qualityParamsFrom(seedOf)).toEqual(DEFAULT_QUALITY_PARAMS);
  });

  it('reads the values in force, months as YYYYMM and the 自然消除 switch', () => {
    const county: Record<string, unknown> = {
      'assistance.firstMeasureMonths': 2,
      'quality.minMonthsRuleFrom': 202307,
      'quality.minMonthsAppliesTo': 'alsoNatural',
      'quality.compulsorySchoolAgeTo': 15,
    };
    const p = qualityParamsFrom((key) => county[key] ?? seedOf(key));
    expect(p).toMatchObject({
      measureDueMonths: 2,
      minMonthsRuleFrom: '2023-07',
      minMonthsAppliesToNatural: true,
      compulsorySchoolAgeTo: 15,
    });
  });

  it.each([
    [202204, '2022-04'],
    [202212, '2022-12'],
    [202213, null],
    [202200, null],
    ['2022-04', null],
  ] as const)('periodOfYyyymm(%s) = %s', (value, period) => {
    expect(periodOfYyyymm(value)).toBe(period);
  });
});
