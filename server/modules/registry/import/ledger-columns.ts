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

// The household workbook (formats.md §1) as data: one list of columns per sheet, read by the
// importer, written by the export and the demo loader, so the three can never drift apart.
// Beyond the formats.md columns, the national fields the registry also stores (risks, elimination,
// 三保障 flags, 公益性岗位, member phone) are optional columns, so an export re-imports unchanged.

export type SheetKey = 'households' | 'members';

export const SHEET_TITLES: Record<SheetKey, string> = { households: '户信息', members: '家庭成员' };

export type CellKind =
  | { type: 'villageCode' }
  | { type: 'householdNo' }
  | { type: 'text'; max: number }
  /** Resident ID or disability certificate number: staged only as hash, cipher and masked form. */
  | { type: 'id' }
  | { type: 'phone' }
  | { type: 'code'; list: readonly CodeEntry[] }
  /** Several labels in one cell, separated by `,` `，` `、`. */
  | { type: 'codes'; list: readonly CodeEntry[] }
  /** YYYYMM in the file, YYYY-MM stored. */
  | { type: 'period' }
  | { type: 'year' }
  /** Yuan with up to 2 decimals in the file, fen stored; an empty cell is 0. */
  | { type: 'money' }
  /** 是 / 否; `empty` is what an empty cell means. */
  | { type: 'bool'; empty: boolean | null }
  | { type: 'months' };

export interface LedgerColumn {
  /** Field of the staged row; equal to the registry column it feeds. */
  key: string;
  header: string;
  /** Other headers met in national exports, accepted on import. */
  aliases?: readonly string[];
  kind: CellKind;
  /** `cell`: the column must be there and the cell filled; `column`: the column must be there (cells may be empty). */
  required?: 'cell' | 'column';
}

const code = (list: readonly CodeEntry[]): CellKind => ({ type: 'code', list });
const money = (key: string, header: string): LedgerColumn => ({ key, header, kind: { type: 'money' } });
const yesNo = (key: string, header: string, empty: boolean | null, aliases?: string[]): LedgerColumn => ({
  key,
  header,
  aliases,
  kind: { type: 'bool', empty },
});

export const HOUSEHOLD_COLUMNS: readonly LedgerColumn[] = [
  { key: 'village_code', header: '行政区划代码', kind: { type: 'villageCode' }, required: 'cell' },
  { key: 'household_no', header: '户编号', kind: { type: 'householdNo' }, required: 'cell' },
  { key: 'head_name', header: '户主姓名', kind: { type: 'text', max: 40 }, required: 'cell' },
  { key: 'head_id', header: '户主证件号码', kind: { type: 'id' }, required: 'cell' },
  { key: 'kind', header: '户类型', kind: code(HOUSEHOLD_KINDS), required: 'cell' },
  { key: 'alleviated_attribute', header: '脱贫属性', aliases: ['贫困户属性'], kind: code(ALLEVIATED_ATTRIBUTES) },
  {
    key: 'monitoring_type',
    header: '监测对象类别',
    aliases: ['易返贫致贫户(监测对象)类型'],
    kind: code(MONITORING_TYPES),
  },
  { key: 'identification_period', header: '识别监测时间', kind: { type: 'period' } },
  { key: 'risk_types', header: '致贫/返贫风险', aliases: ['致贫返贫风险'], kind: { type: 'codes', list: RISK_TYPES } },
  { key: 'elimination_period', header: '风险消除时间', aliases: ['消除监测时间'], kind: { type: 'period' } },
  { key: 'elimination_mode', header: '风险消除方式', kind: code(ELIMINATION_MODES) },
  { key: 'phone', header: '联系电话', aliases: ['户联系电话'], kind: { type: 'phone' } },
  { key: 'address', header: '家庭住址', kind: { type: 'text', max: 200 } },
  { key: 'housing_grade', header: '危房等级', kind: code(HOUSING_GRADES) },
  yesNo('water_safe', '饮水是否安全', null),
  yesNo('housing_unsafe', '是否住房出现安全问题', null),
  yesNo('school_dropout', '是否义务教育阶段适龄儿童少年失学辍学', null),
  yesNo('medical_uninsured', '是否有家庭成员未参加城乡居民(职工)基本医疗保险', null),
  { key: 'income_year', header: '收入年度', kind: { type: 'year' } },
  money('wage_income', '工资性收入'),
  money('business_income', '生产经营性收入'),
  money('property_income', '财产性收入'),
  money('transfer_income', '转移性收入'),
  money('business_cost', '生产经营性支出'),
  money('insurance_payout', '理赔收入'),
  money('eligible_out_of_pocket', '合规自付支出'),
];

export const MEMBER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'household_no', header: '户编号', kind: { type: 'householdNo' }, required: 'cell' },
  { key: 'name', header: '姓名', kind: { type: 'text', max: 40 }, required: 'cell' },
  { key: 'id', header: '证件号码', kind: { type: 'id' }, required: 'cell' },
  { key: 'relationship', header: '与户主关系', kind: code(RELATIONSHIPS), required: 'cell' },
  { key: 'ethnicity', header: '民族', kind: code(ETHNICITIES) },
  { key: 'political_status', header: '政治面貌', kind: code(POLITICAL_STATUSES) },
  { key: 'education', header: '文化程度', kind: code(EDUCATION_LEVELS), required: 'column' },
  { key: 'schooling', header: '在校生状况', kind: code(SCHOOLING_STATUSES), required: 'column' },
  { key: 'health', header: '健康状况', kind: { type: 'codes', list: HEALTH_CONDITIONS }, required: 'cell' },
  { key: 'disability_category', header: '残疾类别', kind: code(DISABILITY_CATEGORIES) },
  { key: 'disability_grade', header: '残疾等级', kind: code(DISABILITY_GRADES) },
  { key: 'labour_skill', header: '劳动技能', kind: code(LABOUR_SKILLS), required: 'cell' },
  { key: 'work_months', header: '务工时间(月)', kind: { type: 'months' } },
  { key: 'work_place', header: '务工所在地', kind: { type: 'text', max: 100 } },
  yesNo('resident_medical_insurance', '是否参加城乡居民基本医疗保险', false),
  yesNo('employee_medical_insurance', '是否参加城镇职工基本医疗保险', false),
  yesNo('minimum_living', '是否享受低保', false),
  yesNo('destitute_support', '是否特困供养人员', false),
  yesNo('public_welfare_post', '是否公益性岗位', false, ['是否公益岗位']),
  { key: 'phone', header: '联系电话', aliases: ['成员联系电话'], kind: { type: 'phone' } },
];

export const COLUMNS_OF: Record<SheetKey, readonly LedgerColumn[]> = {
  households: HOUSEHOLD_COLUMNS,
  members: MEMBER_COLUMNS,
};

/** Headers match ignoring spaces anywhere and full- or half-width forms (NFKC folds （） to ()). */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

const INDEX: Record<SheetKey, Map<string, LedgerColumn>> = {
  households: indexColumns(HOUSEHOLD_COLUMNS),
  members: indexColumns(MEMBER_COLUMNS),
};

function indexColumns(columns: readonly LedgerColumn[]): Map<string, LedgerColumn> {
  const index = new Map<string, LedgerColumn>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) index.set(normaliseHeader(h), c);
  return index;
}

export function columnOfHeader(sheet: SheetKey, header: string): LedgerColumn | undefined {
  return INDEX[sheet].get(normaliseHeader(header));
}

/** Whether a text is the header of a column of either sheet. */
export function isColumnHeader(text: string): boolean {
  const h = normaliseHeader(text);
  return INDEX.households.has(h) || INDEX.members.has(h);
}

/** Which sheet a worksheet is: by its title, else by a header only that sheet has (some tools rename sheets). */
export function sheetOf(title: string | undefined, headers: readonly string[]): SheetKey | undefined {
  const t = normaliseHeader(title ?? '');
  if (t === SHEET_TITLES.households || /^households?(\.csv)?$/i.test(t)) return 'households';
  if (t === SHEET_TITLES.members || /^members?(\.csv)?$/i.test(t)) return 'members';
  const names = new Set(headers.map(normaliseHeader));
  if (names.has('户主证件号码')) return 'households';
  if (names.has('与户主关系')) return 'members';
  return undefined;
}
