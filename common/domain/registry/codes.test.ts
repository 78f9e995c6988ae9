import { describe, expect, it } from 'vitest';
import {
  ALLEVIATED_ATTRIBUTES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ELIMINATION_MODES,
  ETHNICITIES,
  HEALTH_CONDITIONS,
  HOUSEHOLD_KINDS,
  HOUSING_GRADES,
  LABOUR_SKILLS,
  MONITORING_TYPES,
  NATURAL_DISASTER_SUBTYPES,
  POLITICAL_STATUSES,
  RELATIONSHIPS,
  RISK_TYPES,
  SCHOOLING_STATUSES,
  codeOfLabel,
  codesOfLabels,
  isCode,
  labelOf,
} from './codes.ts';

const labels = (list: readonly { zh: string }[]) => list.map((entry) => entry.zh);

describe('code lists hold the national labels (policy-rules §3.3, formats §1)', () => {
  it('household kinds, alleviated attributes, monitoring types', () => {
    expect(labels(HOUSEHOLD_KINDS)).toEqual(['脱贫户', '一般农户']);
    expect(labels(ALLEVIATED_ATTRIBUTES)).toEqual(['一般脱贫户', '低保脱贫户', '特困供养脱贫户']);
    expect(labels(MONITORING_TYPES)).toEqual(['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']);
    expect(MONITORING_TYPES.map((t) => t.code)).toEqual(['unstable', 'edge', 'suddenHardship']);
  });

  it('与户主关系: the full national list, head first and 其他 last', () => {
    expect(labels(RELATIONSHIPS)).toEqual([
      '户主',
      '配偶',
      '之子',
      '之女',
      '之儿媳',
      '之女婿',
      '之孙子',
      '之孙女',
      '之外孙子',
      '之外孙女',
      '之父',
      '之母',
      '之岳父',
      '之岳母',
      '之公公',
      '之婆婆',
      '之祖父',
      '之祖母',
      '之外祖父',
      '之外祖母',
      '之兄弟姐妹',
      '之曾孙子',
      '之曾孙女',
      '之侄儿',
      '之侄女',
      '之兄弟媳妇',
      '之叔伯',
      '其他',
    ]);
  });

  it('labour skills in the national order with glossary code names', () => {
    expect(LABOUR_SKILLS.map((s) => [s.code, s.zh])).toEqual([
      ['skilled', '技能劳动力'],
      ['ordinary', '普通劳动力'],
      ['weak', '弱劳动力或半劳动力'],
      ['lost', '丧失劳动力'],
      ['none', '无劳动力'],
    ]);
  });

  it('health, disability, education and schooling', () => {
    expect(labels(HEALTH_CONDITIONS)).toEqual(['健康', '长期慢性病', '患有大病', '残疾']);
    expect(labels(DISABILITY_GRADES)).toEqual(['一级', '二级', '三级', '四级']);
    expect(labels(DISABILITY_CATEGORIES)).toEqual([
      '视力残疾',
      '听力残疾',
      '言语残疾',
      '肢体残疾',
      '智力残疾',
      '精神残疾',
      '多重残疾',
    ]);
    expect(labels(EDUCATION_LEVELS)).toEqual(['文盲或半文盲', '小学', '初中', '高中', '大专', '本科及以上']);
    expect(SCHOOLING_STATUSES).toHaveLength(25);
    expect(labels(SCHOOLING_STATUSES).slice(0, 6)).toEqual([
      '学龄前儿童',
      '学前教育',
      '小学',
      '七年级',
      '八年级',
      '九年级',
    ]);
    expect(labels(SCHOOLING_STATUSES)).toContain('技师学院四年级');
    expect(labels(SCHOOLING_STATUSES)).toContain('本科五年级');
    expect(SCHOOLING_STATUSES.at(-1)?.zh).toBe('硕士研究生及以上');
    const compulsory = SCHOOLING_STATUSES.filter((s) => s.stage === 'compulsory').map((s) => s.zh);
    expect(compulsory).toEqual(['小学', '七年级', '八年级', '九年级']);
  });

  it('political status starts with the four the export checks and ends with 群众', () => {
    expect(labels(POLITICAL_STATUSES).slice(0, 3)).toEqual(['中共党员', '中共预备党员', '共青团员']);
    expect(POLITICAL_STATUSES.at(-1)?.zh).toBe('群众');
    expect(POLITICAL_STATUSES).toHaveLength(13);
  });

  it('56 ethnic groups in GB 3304 order', () => {
    expect(ETHNICITIES).toHaveLength(56);
    expect(ETHNICITIES[0]).toMatchObject({ code: 'han', zh: '汉族', gbCode: '01' });
    expect(ETHNICITIES[2]).toMatchObject({ code: 'hui', zh: '回族', gbCode: '03' });
    expect(ETHNICITIES[55]).toMatchObject({ zh: '基诺族', gbCode: '56' });
    expect(new Set(ETHNICITIES.map((e) => e.zh)).size).toBe(56);
  });

  it('housing grades: C and D are unsafe (危房)', () => {
    expect(HOUSING_GRADES.filter((g) => g.unsafe).map((g) => g.code)).toEqual(['C', 'D']);
  });

  it('risk types follow the §1.4 recommended enumeration', () => {
    expect(labels(RISK_TYPES)).toEqual([
      '因病',
      '因残',
      '因学',
      '因自然灾害',
      '因意外事故',
      '因产业项目失败',
      '因务工就业不稳',
      '缺劳动力',
      '住房出现安全问题',
      '义务教育阶段失学辍学',
      '饮水安全问题',
      '未参加基本医疗保险',
      '其他',
    ]);
    expect(NATURAL_DISASTER_SUBTYPES.map((s) => s.nationalCode)).toEqual([
      '0201',
      '0202',
      '0203',
      '0204',
      '0205',
      '0206',
      '0299',
    ]);
    expect(labels(ELIMINATION_MODES)).toEqual(['帮扶消除', '自然消除']);
  });

  it('every list has unique codes and unique labels', () => {
    const lists = [
      HOUSEHOLD_KINDS,
      ALLEVIATED_ATTRIBUTES,
      MONITORING_TYPES,
      RELATIONSHIPS,
      LABOUR_SKILLS,
      HEALTH_CONDITIONS,
      DISABILITY_GRADES,
      DISABILITY_CATEGORIES,
      EDUCATION_LEVELS,
      SCHOOLING_STATUSES,
      POLITICAL_STATUSES,
      ETHNICITIES,
      HOUSING_GRADES,
      RISK_TYPES,
    ];
    for (const list of lists) {
      const entries = list as readonly { code: string; zh: string }[];
      expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
      expect(new Set(entries.map((e) => e.zh)).size).toBe(entries.length);
    }
  });
});

describe('labelOf / codeOfLabel', () => {
  it('maps codes to labels', () => {
    expect(labelOf(LABOUR_SKILLS, 'weak')).toBe('弱劳动力或半劳动力');
    expect(labelOf(RELATIONSHIPS, 'daughterInLaw')).toBe('之儿媳');
    expect(labelOf(RISK_TYPES, 'unstableEmployment')).toBe('因务工就业不稳');
  });

  it.each([
    ['户主', RELATIONSHIPS, 'head'],
    [' 配偶 ', RELATIONSHIPS, 'spouse'],
    ['\u3000之儿媳', RELATIONSHIPS, 'daughterInLaw'],
    ['弱劳动力 或半劳动力', LABOUR_SKILLS, 'weak'],
    ['脱贫户', HOUSEHOLD_KINDS, 'alleviated'],
    ['严重困难户', MONITORING_TYPES, 'suddenHardship'],
    ['务工就业不稳', RISK_TYPES, 'unstableEmployment'],
    ['因缺劳动力', RISK_TYPES, 'lackOfLabour'],
    ['c', HOUSING_GRADES, 'C'],
    ['D级', HOUSING_GRADES, 'D'],
    ['肢体', DISABILITY_CATEGORIES, 'physical'],
    ['中国共产党党员', POLITICAL_STATUSES, 'partyMember'],
  ] as const)('codeOfLabel(%j) = %s', (label, list, code) => {
    expect(codeOfLabel(list, label)).toBe(code);
  });

  it('returns undefined for an unknown label', () => {
    expect(codeOfLabel(RELATIONSHIPS, '之堂兄')).toBeUndefined();
    expect(codeOfLabel(LABOUR_SKILLS, '')).toBeUndefined();
  });

  it('reads combined labels such as 健康状况 "残疾,长期慢性病"', () => {
    expect(codesOfLabels(HEALTH_CONDITIONS, '残疾,长期慢性病')).toEqual({
      codes: ['disabled', 'chronicIllness'],
      unknown: [],
    });
    expect(codesOfLabels(HEALTH_CONDITIONS, '残疾，患有大病、 残疾')).toEqual({
      codes: ['disabled', 'seriousIllness'],
      unknown: [],
    });
    expect(codesOfLabels(HEALTH_CONDITIONS, '健康,亚健康')).toEqual({ codes: ['healthy'], unknown: ['亚健康'] });
    expect(codesOfLabels(HEALTH_CONDITIONS, '')).toEqual({ codes: [], unknown: [] });
  });

  it('isCode checks membership at run time (data read from a database or a request)', () => {
    expect(isCode(HOUSING_GRADES, 'B')).toBe(true);
    expect(isCode(HOUSING_GRADES, 'E')).toBe(false);
  });
});
