import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_CATEGORIES } from './categories.ts';
import { recommendMeasures } from './recommend.ts';

describe('classified recommendations (精准施策分类帮扶)', () => {
  it('labour-capable: development measures first, then the risks', () => {
    const r = recommendMeasures({
      risks: ['illness'],
      labourCapableMembers: 2,
      wholeHouseholdNoLabour: false,
      existingCategories: [],
    });
    expect(r.slice(0, 2).map((x) => x.category)).toEqual(['employment', 'industry']);
    expect(r.map((x) => x.category)).toContain('health');
    expect(r[0].reasonZh).toContain('2名劳动力');
  });

  it('no labour: comprehensive security first and no development measure', () => {
    const r = recommendMeasures({
      risks: ['failedBusiness', 'illness'],
      labourCapableMembers: 0,
      wholeHouseholdNoLabour: true,
      existingCategories: [],
    });
    expect(r[0].category).toBe('comprehensiveSecurity');
    expect(r.some((x) => DEVELOPMENT_CATEGORIES.includes(x.category))).toBe(false);
    expect(r.find((x) => x.category === 'health')?.reasonZh).toContain('因病');
  });

  it('the whole-household flag wins over a member count', () => {
    const r = recommendMeasures({
      risks: [],
      labourCapableMembers: 1,
      wholeHouseholdNoLabour: true,
      existingCategories: [],
    });
    expect(r.map((x) => x.category)).toEqual(['comprehensiveSecurity']);
  });

  it('marks what is already in place (the person still chooses)', () => {
    const r = recommendMeasures({
      risks: ['unsafeWater'],
      labourCapableMembers: 1,
      wholeHouseholdNoLabour: false,
      existingCategories: ['industry'],
    });
    expect(r.find((x) => x.category === 'industry')?.alreadyInPlace).toBe(true);
    expect(r.find((x) => x.category === 'drinkingWater')).toMatchObject({
      riskType: 'unsafeWater',
      alreadyInPlace: false,
    });
  });
});
