// Chinese labels for stored codes, field names and money: the registry UI never shows an English code.
import { formatFen, tryParseYuanToFen } from '#common/domain/money.ts';
import { INCOME_AMOUNT_FIELDS } from '#common/domain/registry/household.ts';
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
  POLITICAL_STATUSES,
  RELATIONSHIPS,
  RISK_TYPES,
  SCHOOLING_STATUSES,
  type CodeEntry,
} from '#common/domain/registry/codes.ts';
import { pickIn } from '#web/i18n/useI18n.ts';

/** The Chinese label of a code; an unknown code is shown as it is rather than hidden, empty as —. */
export function codeLabel(list: readonly CodeEntry[], code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return list.find((entry) => entry.code === code)?.zh ?? code;
}

export const codeLabels = (list: readonly CodeEntry[], codes: readonly string[] | null | undefined): string =>
  codes && codes.length > 0 ? codes.map((code) => codeLabel(list, code)).join('、') : '—';

export const codeOptions = (list: readonly CodeEntry[]) =>
  list.map((entry) => ({ value: entry.code, label: entry.zh }));

export const MONITORING_STATUSES = [
  { code: 'none', zh: '未纳入监测' },
  { code: 'monitored', zh: '监测中' },
  { code: 'eliminated', zh: '已消除风险' },
] as const satisfies readonly CodeEntry[];

export const MONITORING_STATUS_COLOURS: Record<string, string> = {
  none: 'default',
  monitored: 'orange',
  eliminated: 'green',
};

/** 1234567 fen → "12,345.67". */
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : formatFen(fen);

/** Form text in yuan → whole fen; undefined for an empty box (the validator has already refused bad text). */
export function fenOf(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parsed = tryParseYuanToFen(text);
  return parsed.ok ? parsed.fen : undefined;
}

/** antd rule: a non-negative amount of yuan with at most two decimals. */
export const yuanRule = (language: string) => ({
  validator: (_: unknown, value?: string) => {
    if (value === undefined || value.trim() === '') return Promise.resolve();
    const parsed = tryParseYuanToFen(value);
    if (!parsed.ok) return Promise.reject(new Error(pickIn(language, parsed.messageZh, parsed.messageEn)));
    if (parsed.fen < 0) return Promise.reject(new Error(pickIn(language, '金额不能为负数', 'Must not be negative')));
    return Promise.resolve();
  },
});

export const INCOME_FIELDS = INCOME_AMOUNT_FIELDS;
export type IncomeField = (typeof INCOME_FIELDS)[number];

/** Labels of every field a household, member or income row has (timeline, quality findings, forms). */
export const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  householdNo: { zh: '户编号', en: 'Household no.' },
  villageCode: { zh: '所属行政村', en: 'Village' },
  kind: { zh: '户类型', en: 'Kind' },
  alleviatedAttribute: { zh: '脱贫属性', en: 'Alleviated attribute' },
  monitoringType: { zh: '监测对象类别', en: 'Monitoring type' },
  identificationPeriod: { zh: '识别监测时间', en: 'Identified in' },
  riskTypes: { zh: '致贫/返贫风险', en: 'Risks' },
  eliminationPeriod: { zh: '风险消除时间', en: 'Eliminated in' },
  eliminationMode: { zh: '风险消除方式', en: 'Elimination mode' },
  elimination: { zh: '风险消除', en: 'Elimination' },
  phone: { zh: '联系电话', en: 'Phone' },
  address: { zh: '家庭住址', en: 'Address' },
  housingGrade: { zh: '危房等级', en: 'Housing grade' },
  waterSafe: { zh: '饮水安全', en: 'Safe water' },
  schoolDropout: { zh: '义务教育阶段失学辍学', en: 'School dropout' },
  housingUnsafe: { zh: '住房出现安全问题', en: 'Unsafe housing' },
  medicalUninsured: { zh: '有成员未参加基本医保', en: 'Member uninsured' },
  wholeHouseholdNoLabour: { zh: '整户无劳动能力', en: 'No labour in household' },
  headName: { zh: '户主姓名', en: 'Head name' },
  headIdNumber: { zh: '户主证件号码', en: 'Head ID' },
  members: { zh: '家庭成员', en: 'Members' },
  income: { zh: '收支情况', en: 'Income' },
  to: { zh: '迁入户', en: 'To household' },
  from: { zh: '迁出户', en: 'From household' },
  closedOn: { zh: '销户日期', en: 'Closed on' },
  closedReason: { zh: '销户原因', en: 'Closing reason' },
  name: { zh: '姓名', en: 'Name' },
  id: { zh: '证件号码', en: 'ID number' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  relationship: { zh: '与户主关系', en: 'Relationship' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  politicalStatus: { zh: '政治面貌', en: 'Political status' },
  education: { zh: '文化程度', en: 'Education' },
  schooling: { zh: '在校生状况', en: 'Schooling' },
  health: { zh: '健康状况', en: 'Health' },
  disabilityCategory: { zh: '残疾类别', en: 'Disability category' },
  disabilityGrade: { zh: '残疾等级', en: 'Disability grade' },
  labourSkill: { zh: '劳动技能', en: 'Labour' },
  workMonths: { zh: '务工时间(月)', en: 'Work months' },
  workPlace: { zh: '务工所在地', en: 'Work place' },
  publicWelfarePost: { zh: '公益性岗位', en: 'Public welfare post' },
  residentMedicalInsurance: { zh: '城乡居民基本医保', en: 'Resident insurance' },
  employeeMedicalInsurance: { zh: '城镇职工基本医保', en: 'Employee insurance' },
  minimumLiving: { zh: '享受低保', en: 'Dibao' },
  destituteSupport: { zh: '特困供养', en: 'Destitute support' },
  year: { zh: '收入年度', en: 'Year' },
  wageIncome: { zh: '工资性收入', en: 'Wages' },
  businessIncome: { zh: '生产经营性收入', en: 'Business income' },
  propertyIncome: { zh: '财产性收入', en: 'Property income' },
  transferIncome: { zh: '转移性收入', en: 'Transfers' },
  businessCost: { zh: '生产经营性支出', en: 'Business costs' },
  insurancePayout: { zh: '理赔收入', en: 'Insurance payouts' },
  eligibleOutOfPocket: { zh: '合规自付支出', en: 'Eligible out-of-pocket' },
  householdSize: { zh: '家庭人口数', en: 'Household size' },
  netIncome: { zh: '家庭纯收入', en: 'Net income' },
  perCapitaNetIncome: { zh: '人均纯收入', en: 'Per-capita net income' },
};

/** Which code list a field's values come from. */
export const FIELD_CODE_LISTS: Record<string, readonly CodeEntry[]> = {
  kind: HOUSEHOLD_KINDS,
  alleviatedAttribute: ALLEVIATED_ATTRIBUTES,
  monitoringType: MONITORING_TYPES,
  eliminationMode: ELIMINATION_MODES,
  riskTypes: RISK_TYPES,
  housingGrade: HOUSING_GRADES,
  relationship: RELATIONSHIPS,
  ethnicity: ETHNICITIES,
  politicalStatus: POLITICAL_STATUSES,
  education: EDUCATION_LEVELS,
  schooling: SCHOOLING_STATUSES,
  health: HEALTH_CONDITIONS,
  disabilityCategory: DISABILITY_CATEGORIES,
  disabilityGrade: DISABILITY_GRADES,
  labourSkill: LABOUR_SKILLS,
};

export const MONEY_FIELDS = new Set<string>([...INCOME_FIELDS, 'netIncome', 'perCapitaNetIncome']);

/** "members[2].labourSkill" → "劳动技能"; unknown parts are shown as they are. */
export function fieldLabel(path: string, language: string): string {
  const last =
    path
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? path;
  const pair = FIELD_LABELS[last];
  return pair ? pickIn(language, pair.zh, pair.en) : path;
}
