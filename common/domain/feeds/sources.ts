// Department data (部门比对数据, formats.md §2) as data: each 数据来源 with its 事项 and the
// optional columns that belong to it. English codes are stored; Chinese labels are what
// department spreadsheets carry and what the UI shows.

import type { FeedAttributeCode } from './attributes.ts';

export interface FeedItem {
  readonly code: string;
  readonly zh: string;
  /** The amount column must be filled (out-of-pocket after reimbursement, cost, relief, loss). */
  readonly needsAmount: boolean;
  readonly aliases?: readonly string[];
}

export interface FeedSource {
  readonly code: string;
  readonly zh: string;
  /** Other spellings met in department files (the department's own name). */
  readonly aliases: readonly string[];
  readonly items: readonly FeedItem[];
  /** Optional extra columns this source may fill; a value in another source's column is refused. */
  readonly attributes: readonly FeedAttributeCode[];
}

export const FEED_SOURCES = [
  {
    code: 'medical',
    zh: '医保',
    aliases: ['医保局', '医疗保障', '医疗保障局'],
    items: [
      { code: 'inpatientOutOfPocket', zh: '住院自付', needsAmount: true, aliases: ['住院个人自付'] },
      { code: 'outpatientOutOfPocket', zh: '门诊自付', needsAmount: true, aliases: ['门诊个人自付'] },
      { code: 'uninsured', zh: '未参保', needsAmount: false },
    ],
    attributes: [],
  },
  {
    code: 'education',
    zh: '教育',
    aliases: ['教育局', '教科局'],
    items: [
      { code: 'dropout', zh: '辍学', needsAmount: false, aliases: ['失学辍学'] },
      { code: 'nonCompulsoryCost', zh: '非义务教育费用', needsAmount: true },
    ],
    attributes: ['schoolStage'],
  },
  {
    code: 'housing',
    zh: '住建',
    aliases: ['住建局', '住房和城乡建设局'],
    items: [{ code: 'houseAppraisal', zh: '危房鉴定', needsAmount: false, aliases: ['房屋安全鉴定'] }],
    attributes: ['houseGrade'],
  },
  {
    code: 'civil',
    zh: '民政',
    aliases: ['民政局'],
    items: [
      { code: 'death', zh: '死亡', needsAmount: false },
      { code: 'minimumLiving', zh: '纳入低保', needsAmount: false },
      { code: 'destituteSupport', zh: '纳入特困', needsAmount: false },
      { code: 'temporaryRelief', zh: '临时救助', needsAmount: true },
    ],
    attributes: [],
  },
  {
    code: 'disability',
    zh: '残联',
    aliases: ['残疾人联合会'],
    items: [{ code: 'newDisability', zh: '新增残疾', needsAmount: false }],
    attributes: ['disabilityCategory', 'disabilityGrade'],
  },
  {
    code: 'hr',
    zh: '人社',
    aliases: ['人社局', '人力资源和社会保障局'],
    items: [
      { code: 'unemployment', zh: '失业登记', needsAmount: false },
      { code: 'contributionGap', zh: '社保断缴', needsAmount: false },
    ],
    attributes: ['gapMonths'],
  },
  {
    code: 'emergency',
    zh: '应急',
    aliases: ['应急局', '应急管理局'],
    items: [{ code: 'disaster', zh: '受灾', needsAmount: true }],
    attributes: ['disasterType'],
  },
  {
    code: 'police',
    zh: '公安',
    aliases: ['公安局'],
    items: [{ code: 'vehicle', zh: '车辆登记', needsAmount: false, aliases: ['机动车登记'] }],
    attributes: ['vehicleType'],
  },
  {
    code: 'market',
    zh: '市场监管',
    aliases: ['市场监管局', '市场监督管理局'],
    items: [{ code: 'company', zh: '企业登记', needsAmount: false, aliases: ['工商登记'] }],
    attributes: ['companyName'],
  },
  {
    code: 'finance',
    zh: '财政',
    aliases: ['财政局'],
    items: [{ code: 'publicPayroll', zh: '财政供养人员', needsAmount: false }],
    attributes: ['employer'],
  },
  {
    code: 'water',
    zh: '水务',
    aliases: ['水务局', '水利局'],
    items: [{ code: 'unsafeWater', zh: '饮水不安全', needsAmount: false }],
    attributes: [],
  },
] as const satisfies readonly FeedSource[];

export type FeedSourceCode = (typeof FEED_SOURCES)[number]['code'];
export type FeedItemCode = (typeof FEED_SOURCES)[number]['items'][number]['code'];

export const FEED_SOURCE_CODES = FEED_SOURCES.map((s) => s.code) as [FeedSourceCode, ...FeedSourceCode[]];

/** Labels never contain spaces; NFKC folds full-width letters and digits. */
export function comparableLabel(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function isFeedSourceCode(value: unknown): value is FeedSourceCode {
  return typeof value === 'string' && FEED_SOURCES.some((s) => s.code === value);
}

export function feedSource(code: FeedSourceCode): FeedSource {
  const source = FEED_SOURCES.find((s) => s.code === code);
  if (!source) throw new RangeError(`unknown feed source "${code}"`);
  return source;
}

/** A 数据来源 cell (label, department name or code) → source code. */
export function sourceOfLabel(label: string): FeedSourceCode | undefined {
  const wanted = comparableLabel(label);
  if (wanted === '') return undefined;
  const match = FEED_SOURCES.find(
    (s) =>
      comparableLabel(s.code) === wanted ||
      comparableLabel(s.zh) === wanted ||
      s.aliases.some((a) => comparableLabel(a) === wanted),
  );
  return match?.code;
}

/** A 事项 cell (label or code) within one source → the item. */
export function itemOfLabel(source: FeedSourceCode, label: string): FeedItem | undefined {
  const wanted = comparableLabel(label);
  if (wanted === '') return undefined;
  return feedSource(source).items.find(
    (i) =>
      comparableLabel(i.code) === wanted ||
      comparableLabel(i.zh) === wanted ||
      (i.aliases ?? []).some((a) => comparableLabel(a) === wanted),
  );
}

/** The source an item code belongs to (item codes are unique across sources). */
export function sourceOfItem(item: string): FeedSourceCode | undefined {
  return FEED_SOURCES.find((s) => s.items.some((i) => i.code === item))?.code;
}

export function itemLabel(item: string): string {
  for (const s of FEED_SOURCES) for (const i of s.items as readonly FeedItem[]) if (i.code === item) return i.zh;
  return item;
}
