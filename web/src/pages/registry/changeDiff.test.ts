import { describe, expect, it } from 'vitest';
import { describeChange } from './changeDiff.ts';

const zh = { language: 'zh-CN' };

describe('describeChange', () => {
  it('shows codes as Chinese labels and fen as yuan', () => {
    const lines = describeChange(
      { riskTypes: [], housingGrade: 'A', wageIncome: 2000000 },
      { riskTypes: ['illness', 'education'], housingGrade: 'B', wageIncome: 2100050 },
      zh,
    );
    expect(lines).toEqual([
      { key: 'riskTypes', label: '致贫/返贫风险', before: '—', after: '因病、因学' },
      { key: 'housingGrade', label: '危房等级', before: 'A', after: 'B' },
      { key: 'wageIncome', label: '工资性收入', before: '20,000.00 元', after: '21,000.50 元' },
    ]);
  });

  it('lists members by name and relationship, never more than the masked ID', () => {
    const [line] = describeChange(
      null,
      { members: [{ name: '王建国', id: '1405**********0119', relationship: 'head' }] },
      zh,
    );
    expect(line.label).toBe('家庭成员');
    expect(line.after).toBe('王建国（户主 1405**********0119）');
  });

  it('flattens a new household income and drops derived figures present on one side only', () => {
    const lines = describeChange(
      { netIncome: 5, wageIncome: 100, perCapitaNetIncome: 2 },
      { wageIncome: 200, income: { year: 2024 } },
      zh,
    );
    expect(lines.map((l) => l.key)).toEqual(['income.year', 'wageIncome']);
    expect(lines[0].label).toBe('收支情况 · 收入年度');
  });

  it('leaves out fields a new household did not fill in', () => {
    const lines = describeChange(null, { kind: 'ordinary', address: null, riskTypes: [], waterSafe: null }, zh);
    expect(lines).toEqual([{ key: 'kind', label: '户类型', before: '—', after: '一般农户' }]);
  });

  it('names villages when a resolver is given and says 是/否 for flags', () => {
    const lines = describeChange(
      { villageCode: '140521100201', waterSafe: false },
      { villageCode: '140521100202', waterSafe: true },
      {
        language: 'zh-CN',
        orgName: (code) => (code.endsWith('201') ? '东庄村' : '西沟村'),
      },
    );
    expect(lines[0].after).toBe('西沟村（140521100202）');
    expect(lines[1]).toMatchObject({ before: '否', after: '是' });
  });
});
