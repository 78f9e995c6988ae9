import { describe, expect, it } from 'vitest';
import { defaultCategoryOf, incomeErrors, ownerLevelOfOrg } from './rules.ts';

const dist = (operation: number, consolidation: number, publicWelfare: number, publicWelfarePosts: number) => ({
  operation,
  consolidation,
  publicWelfare,
  publicWelfarePosts,
});

describe('asset income', () => {
  it.each([
    ['shares add up', 'operating', false, 10_000, dist(2_000, 5_000, 3_000, 0), []],
    ['one fen short', 'operating', false, 10_000, dist(2_000, 5_000, 2_999, 0), ['distribution']],
    ['public-welfare asset', 'publicWelfare', false, 10_000, dist(2_000, 5_000, 3_000, 0), ['assetId']],
    ['PV without posts', 'operating', true, 10_000, dist(2_000, 5_000, 3_000, 0), ['distribution.publicWelfarePosts']],
    ['PV with posts', 'operating', true, 10_000, dist(1_000, 0, 3_000, 6_000), []],
  ] as const)('%s', (_, category, photovoltaic, amountFen, distribution, fields) => {
    expect(incomeErrors({ category, photovoltaic, amountFen, distribution }).map((e) => e.field)).toEqual(fields);
  });
});

describe('assets formed by completed projects', () => {
  it.each([
    ['industry', null, 'operating'],
    ['ruralConstruction', '农村基础设施', 'publicWelfare'],
    ['threeGuarantees', '住房', 'household'],
    ['managementFee', null, null],
  ] as const)('%s', (type, sub, category) => expect(defaultCategoryOf(type, sub)).toBe(category));
  it('owner level follows the org unit', () => {
    expect(ownerLevelOfOrg('140521000000')).toBe('county');
    expect(ownerLevelOfOrg('140521100000')).toBe('township');
    expect(ownerLevelOfOrg('140521100201')).toBe('village');
  });
});
