import type { RiskType } from '../registry/codes.ts';

// Warning categories (预警类别) of formats.md §3. The codes are part of the exchange contract
// (CLI, exports, clues): keep them exactly. One monitoring rule per category today, so a rule's
// stable code is its category code; a later, finer rule names the category it belongs to.

export interface WarningCategoryEntry {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The national cause (RISK_TYPES) the warning points to; null where it decides the type or only asks for a reason. */
  readonly riskType: RiskType | null;
}

export const WARNING_CATEGORIES = [
  {
    code: 'INCOME_BELOW_LINE',
    nameZh: '人均纯收入低于监测范围',
    nameEn: 'Per-capita income within the monitoring range',
    riskType: null,
  },
  { code: 'INCOME_DROP', nameZh: '收入大幅缩减', nameEn: 'Sharp fall in income', riskType: 'other' },
  {
    code: 'MEDICAL_BURDEN',
    nameZh: '医疗自付支出较大',
    nameEn: 'Large medical out-of-pocket spending',
    riskType: 'illness',
  },
  { code: 'EDUCATION_BURDEN', nameZh: '教育支出较大', nameEn: 'Large education spending', riskType: 'education' },
  {
    code: 'DROPOUT',
    nameZh: '义务教育阶段失学辍学',
    nameEn: 'Compulsory-education dropout',
    riskType: 'schoolDropout',
  },
  { code: 'HOUSING_UNSAFE', nameZh: '住房安全问题', nameEn: 'Unsafe housing', riskType: 'unsafeHousing' },
  { code: 'WATER_UNSAFE', nameZh: '饮水安全问题', nameEn: 'Unsafe drinking water', riskType: 'unsafeWater' },
  {
    code: 'NO_MEDICAL_INSURANCE',
    nameZh: '未参加基本医疗保险',
    nameEn: 'Member without basic medical insurance',
    riskType: 'noMedicalInsurance',
  },
  { code: 'NEW_DISABILITY', nameZh: '新增重度残疾', nameEn: 'New severe disability', riskType: 'disability' },
  { code: 'LABOURER_DEATH', nameZh: '主要劳动力死亡', nameEn: 'Death of a main labourer', riskType: 'lackOfLabour' },
  { code: 'DISASTER', nameZh: '遭受自然灾害', nameEn: 'Natural disaster loss', riskType: 'naturalDisaster' },
  {
    code: 'UNEMPLOYMENT',
    nameZh: '失业或社保断缴',
    nameEn: 'Unemployment or contribution gap',
    riskType: 'unstableEmployment',
  },
  {
    code: 'EXCLUSION_FLAG',
    nameZh: '财政供养/企业/车辆等核查提示',
    nameEn: 'Check flag: public payroll, company or vehicle',
    riskType: null,
  },
] as const satisfies readonly WarningCategoryEntry[];

export type WarningCategoryCode = (typeof WARNING_CATEGORIES)[number]['code'];
export const WARNING_CATEGORY_CODES = WARNING_CATEGORIES.map((c) => c.code) as [
  WarningCategoryCode,
  ...WarningCategoryCode[],
];

export function warningCategory(code: string): WarningCategoryEntry | undefined {
  return WARNING_CATEGORIES.find((c) => c.code === code);
}

/**
 * Categories that mean a sudden large rigid spending or a sharp income fall (policy-rules §1.2, type 3):
 * with income above the range they point to 突发严重困难户.
 */
export const SUDDEN_BURDEN_CATEGORIES: readonly WarningCategoryCode[] = [
  'MEDICAL_BURDEN',
  'EDUCATION_BURDEN',
  'DISASTER',
  'LABOURER_DEATH',
  'INCOME_DROP',
];

/** Category code → Chinese name (what clue summaries and exports print). */
export const WARNING_NAMES_ZH: Record<string, string> = Object.fromEntries(
  WARNING_CATEGORIES.map((c) => [c.code, c.nameZh]),
);
