// 帮扶措施 categories (policy-rules §4.1): the 14 categories of the national system's measure table
// (pcs2309_jch_bfcs), each with its national code table. 开发式 measures are 产业/就业/金融/公益岗位
// (rule 5_12_007). The sub-type option lists were NOT found in full: the defaults below are the
// values seen in check code (§4.1) and the programmes named in §4.3 and the seed; they are an
// editable code list per county (table measure_subtype), never fixed here.

import type { CodeEntry, CodeOf } from '../registry/codes.ts';

export const MEASURE_CATEGORIES = [
  { code: 'industry', zh: '产业帮扶', nationalTable: '100A39' },
  { code: 'employment', zh: '就业帮扶', nationalTable: '100A40' },
  { code: 'finance', zh: '金融帮扶', nationalTable: '100A41' },
  { code: 'publicWelfarePost', zh: '公益岗位帮扶', nationalTable: '100A42' },
  { code: 'health', zh: '健康帮扶', nationalTable: '100A45' },
  { code: 'compulsoryEducation', zh: '义务教育保障', nationalTable: '100A46' },
  { code: 'otherEducation', zh: '其他教育帮扶', nationalTable: '100A47' },
  { code: 'comprehensiveSecurity', zh: '综合保障', nationalTable: '100A48' },
  { code: 'housingSecurity', zh: '住房安全保障', nationalTable: '100A50' },
  { code: 'drinkingWater', zh: '饮水安全保障', nationalTable: '100A51' },
  { code: 'socialAssistance', zh: '社会帮扶', nationalTable: '100A52' },
  { code: 'relocation', zh: '搬迁', nationalTable: '100A53' },
  { code: 'livingConditions', zh: '生产生活条件改善', nationalTable: '100A54' },
  { code: 'infrastructure', zh: '基础设施建设', nationalTable: '100A55' },
] as const satisfies readonly (CodeEntry & { nationalTable: string })[];
export type MeasureCategory = CodeOf<typeof MEASURE_CATEGORIES>;
export const MEASURE_CATEGORY_CODES = MEASURE_CATEGORIES.map((c) => c.code) as [MeasureCategory, ...MeasureCategory[]];

/** 开发式帮扶 (rule 5_12_007). */
export const DEVELOPMENT_CATEGORIES: readonly MeasureCategory[] = [
  'industry',
  'employment',
  'finance',
  'publicWelfarePost',
];
export const isDevelopment = (c: string): boolean => (DEVELOPMENT_CATEGORIES as readonly string[]).includes(c);

export const MEASURE_STATUSES = [
  { code: 'planned', zh: '计划中' },
  { code: 'ongoing', zh: '实施中' },
  { code: 'completed', zh: '已完成' },
  { code: 'stopped', zh: '已停止' },
] as const satisfies readonly CodeEntry[];
export type MeasureStatus = CodeOf<typeof MEASURE_STATUSES>;
/** A measure counts as 落实 (in place) once it is under way or done; a plan or a stopped one does not. */
export const IN_PLACE_STATUSES: readonly MeasureStatus[] = ['ongoing', 'completed'];

export interface SubtypeSeed {
  category: MeasureCategory;
  code: string;
  zh: string;
  /** [C] seen in national check code; [P] plausible default from a named programme. */
  basis: 'C' | 'P';
  /** Measures of this kind may run to their own end date after elimination (§1.8). */
  continuesAfterElimination?: 'contractEnd' | 'agreementEnd' | 'stageEnd';
}

export const DEFAULT_SUBTYPES: readonly SubtypeSeed[] = [
  { category: 'industry', code: 'industrySubsidy', zh: '产业奖补', basis: 'P' },
  { category: 'industry', code: 'consumerAssistance', zh: '消费帮扶', basis: 'P' },
  { category: 'industry', code: 'technicalTraining', zh: '技术指导培训', basis: 'P' },
  { category: 'employment', code: 'migrantWorkSubsidy', zh: '外出务工补贴', basis: 'C' },
  { category: 'employment', code: 'labourExport', zh: '劳务输出', basis: 'C' },
  { category: 'employment', code: 'skillTraining', zh: '职业技能培训', basis: 'P' },
  { category: 'employment', code: 'workForRelief', zh: '以工代赈', basis: 'P' },
  {
    category: 'finance',
    code: 'microLoan',
    zh: '脱贫人口小额信贷',
    basis: 'C',
    continuesAfterElimination: 'contractEnd',
  },
  { category: 'finance', code: 'antiPovertyInsurance', zh: '防贫保险', basis: 'P' },
  {
    category: 'publicWelfarePost',
    code: 'ruralPost',
    zh: '乡村公益性岗位',
    basis: 'C',
    continuesAfterElimination: 'agreementEnd',
  },
  {
    category: 'publicWelfarePost',
    code: 'solarPost',
    zh: '光伏收益公益岗位',
    basis: 'C',
    continuesAfterElimination: 'agreementEnd',
  },
  { category: 'health', code: 'medicalPremiumSubsidy', zh: '城乡居民基本医疗保险个人缴费补贴', basis: 'C' },
  { category: 'health', code: 'medicalAssistance', zh: '医疗救助', basis: 'P' },
  { category: 'health', code: 'familyDoctor', zh: '家庭医生签约服务', basis: 'P' },
  {
    category: 'compulsoryEducation',
    code: 'dropoutControl',
    zh: '控辍保学',
    basis: 'P',
    continuesAfterElimination: 'stageEnd',
  },
  {
    category: 'compulsoryEducation',
    code: 'studentAid',
    zh: '家庭经济困难学生资助',
    basis: 'P',
    continuesAfterElimination: 'stageEnd',
  },
  { category: 'otherEducation', code: 'yuluPlan', zh: '雨露计划', basis: 'P', continuesAfterElimination: 'stageEnd' },
  {
    category: 'otherEducation',
    code: 'educationGrant',
    zh: '助学补助',
    basis: 'P',
    continuesAfterElimination: 'stageEnd',
  },
  { category: 'comprehensiveSecurity', code: 'minimumLiving', zh: '低保', basis: 'C' },
  { category: 'comprehensiveSecurity', code: 'destituteSupport', zh: '特困供养', basis: 'C' },
  { category: 'comprehensiveSecurity', code: 'disabilityAllowance', zh: '残疾人补贴', basis: 'C' },
  { category: 'comprehensiveSecurity', code: 'temporaryRelief', zh: '临时救助', basis: 'P' },
  { category: 'comprehensiveSecurity', code: 'singlePersonMinimumLiving', zh: '单人保', basis: 'P' },
  { category: 'housingSecurity', code: 'dilapidatedHouseRenovation', zh: '危房改造', basis: 'P' },
  { category: 'housingSecurity', code: 'idleHousingPlacement', zh: '闲置农房/公房安置', basis: 'P' },
  { category: 'drinkingWater', code: 'waterSupplyWorks', zh: '供水工程', basis: 'P' },
  { category: 'socialAssistance', code: 'pairedUnitAid', zh: '结对单位帮扶', basis: 'P' },
  { category: 'socialAssistance', code: 'donation', zh: '社会捐助', basis: 'P' },
  { category: 'relocation', code: 'followUpSupport', zh: '易地搬迁后续扶持', basis: 'P' },
  { category: 'livingConditions', code: 'sanitaryToilet', zh: '改厕', basis: 'P' },
  { category: 'livingConditions', code: 'productionFacilities', zh: '生产设施改善', basis: 'P' },
  { category: 'infrastructure', code: 'roads', zh: '道路建设', basis: 'P' },
  { category: 'infrastructure', code: 'other', zh: '其他基础设施', basis: 'P' },
];

/** The post-elimination continuation a default sub-type allows (§1.8: loans to contract end, posts to agreement end, education aid to the end of the stage). */
export function defaultContinuation(subType: string | null): SubtypeSeed['continuesAfterElimination'] | undefined {
  return DEFAULT_SUBTYPES.find((s) => s.code === subType)?.continuesAfterElimination;
}

export function categoryLabel(code: string): string {
  return MEASURE_CATEGORIES.find((c) => c.code === code)?.zh ?? code;
}
