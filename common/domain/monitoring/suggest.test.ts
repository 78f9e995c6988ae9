import { describe, expect, it } from 'vitest';
import { WARNING_CATEGORIES, WARNING_CATEGORY_CODES } from './categories.ts';
import { suggestMonitoringType, type SuggestionInput } from './suggest.ts';

const LINE = 700_000;
const base: SuggestionInput = {
  kind: 'alleviated',
  perCapitaFen: 650_000,
  incomeYear: 2024,
  lineFen: LINE,
  fired: [{ ruleCode: 'INCOME_BELOW_LINE' }],
};

describe('monitoring-type suggestion (policy-rules §1.2)', () => {
  it.each([
    { name: '脱贫户 below the line → 脱贫不稳定户', input: base, type: 'unstable', within: true },
    {
      name: '脱贫户 exactly at the line is within the range',
      input: { ...base, perCapitaFen: LINE },
      type: 'unstable',
      within: true,
    },
    {
      name: '一般农户 below the line → 边缘易致贫户',
      input: { ...base, kind: 'ordinary' },
      type: 'edge',
      within: true,
    },
    {
      name: '一般农户 one fen above, no burden → none',
      input: { ...base, kind: 'ordinary', perCapitaFen: LINE + 1, fired: [] },
      type: null,
      within: false,
    },
    {
      name: '脱贫户 above with a medical burden → 突发严重困难户',
      input: { ...base, perCapitaFen: 900_000, fired: [{ ruleCode: 'MEDICAL_BURDEN' }] },
      type: 'suddenHardship',
      within: false,
    },
    {
      name: '一般农户 above with a disaster → 突发严重困难户',
      input: { ...base, kind: 'ordinary', perCapitaFen: 900_000, fired: [{ ruleCode: 'DISASTER' }] },
      type: 'suddenHardship',
      within: false,
    },
    {
      name: 'above with an education burden',
      input: { ...base, perCapitaFen: 900_000, fired: [{ ruleCode: 'EDUCATION_BURDEN' }] },
      type: 'suddenHardship',
      within: false,
    },
    {
      name: 'above with a labourer death',
      input: { ...base, perCapitaFen: 900_000, fired: [{ ruleCode: 'LABOURER_DEATH' }] },
      type: 'suddenHardship',
      within: false,
    },
    {
      name: 'above with an accident (any rule pointing to 因意外事故)',
      input: { ...base, perCapitaFen: 900_000, fired: [{ ruleCode: 'OTHER', riskType: 'accident' }] },
      type: 'suddenHardship',
      within: false,
    },
    {
      name: 'above with only unsafe water is not a sudden burden',
      input: { ...base, perCapitaFen: 900_000, fired: [{ ruleCode: 'WATER_UNSAFE' }] },
      type: null,
      within: false,
    },
    {
      name: 'no income on record → no type',
      input: { ...base, perCapitaFen: null, incomeYear: null, fired: [{ ruleCode: 'MEDICAL_BURDEN' }] },
      type: null,
      within: null,
    },
    { name: 'no line set → no type', input: { ...base, lineFen: null }, type: null, within: null },
  ] as const)('$name', ({ input, type, within }) => {
    const s = suggestMonitoringType(input as SuggestionInput);
    expect(s.type).toBe(type);
    expect(s.withinRange).toBe(within);
    expect(s.needsWrittenReason).toBe(false);
  });

  it('lists the figures in the Chinese reasoning', () => {
    const s = suggestMonitoringType({
      ...base,
      perCapitaFen: 900_000,
      fired: [{ ruleCode: 'MEDICAL_BURDEN' }, { ruleCode: 'DISASTER' }],
    });
    expect(s.reasonZh).toContain('2024年人均纯收入 9,000.00 元，高于监测标准 7,000.00 元');
    expect(s.reasonZh).toContain('医疗自付支出较大、遭受自然灾害');
    expect(s.reasonZh).toContain('建议识别为突发严重困难户');
    expect(s.burdens).toEqual(['MEDICAL_BURDEN', 'DISASTER']);
  });

  it('an exclusion flag never rejects; it asks for a written reason', () => {
    const s = suggestMonitoringType({
      ...base,
      fired: [{ ruleCode: 'INCOME_BELOW_LINE' }, { ruleCode: 'EXCLUSION_FLAG' }],
    });
    expect(s.type).toBe('unstable');
    expect(s.needsWrittenReason).toBe(true);
    expect(s.reasonZh).toContain('须填写书面说明');
  });

  it('names the current type of an already monitored household', () => {
    expect(suggestMonitoringType({ ...base, currentType: 'edge' }).reasonZh).toContain('该户现为边缘易致贫户');
  });

  it('keeps the 13 category codes of formats.md §3 exactly', () => {
    expect(WARNING_CATEGORY_CODES).toEqual([
      'INCOME_BELOW_LINE',
      'INCOME_DROP',
      'MEDICAL_BURDEN',
      'EDUCATION_BURDEN',
      'DROPOUT',
      'HOUSING_UNSAFE',
      'WATER_UNSAFE',
      'NO_MEDICAL_INSURANCE',
      'NEW_DISABILITY',
      'LABOURER_DEATH',
      'DISASTER',
      'UNEMPLOYMENT',
      'EXCLUSION_FLAG',
    ]);
    expect(WARNING_CATEGORIES.find((c) => c.code === 'EXCLUSION_FLAG')?.riskType).toBeNull();
  });
});
