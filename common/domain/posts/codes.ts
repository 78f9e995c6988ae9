import type { CodeEntry } from '../registry/codes.ts';

// 公益岗位 code lists (沁发〔2021〕17号 §二(三)2 四是, §二(三)1 四是; policy-rules §4.3).

export const POST_TYPES = [
  { code: 'photovoltaic', zh: '光伏收益设岗' },
  { code: 'forestRanger', zh: '护林员' },
  { code: 'cleaner', zh: '保洁员' },
  { code: 'workRelief', zh: '以工代赈' },
  { code: 'roadKeeper', zh: '护路员' },
  { code: 'waterKeeper', zh: '管水员' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type PostType = (typeof POST_TYPES)[number]['code'];
export const POST_TYPE_CODES = POST_TYPES.map((t) => t.code) as [PostType, ...PostType[]];

export const FUNDING_SOURCES = [
  { code: 'photovoltaic', zh: '光伏电站收益' },
  { code: 'linkageFund', zh: '衔接资金' },
  { code: 'department', zh: '行业部门资金' },
  { code: 'villageCollective', zh: '村集体收入' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type FundingSource = (typeof FUNDING_SOURCES)[number]['code'];
export const FUNDING_CODES = FUNDING_SOURCES.map((t) => t.code) as [FundingSource, ...FundingSource[]];

/** 有序退岗 reasons (policy-rules §4.3, 长岭镇 and Guizhou lists). */
export const EXIT_REASONS = [
  { code: 'noLongerNeeded', zh: '不再需要岗位' },
  { code: 'neglectOfDuty', zh: '履职不到位' },
  { code: 'schoolOrArmy', zh: '入学或参军' },
  { code: 'movedOut', zh: '户籍迁出' },
  { code: 'stableJob', zh: '实现稳定就业' },
  { code: 'overAge', zh: '超龄' },
  { code: 'health', zh: '身体原因' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type ExitReason = (typeof EXIT_REASONS)[number]['code'];
export const EXIT_REASON_CODES = EXIT_REASONS.map((t) => t.code) as [ExitReason, ...ExitReason[]];

export function zhOf(list: readonly CodeEntry[], code: string | null | undefined): string {
  return list.find((e) => e.code === code)?.zh ?? code ?? '';
}

export function codeOfZh<C extends string>(list: readonly CodeEntry<C>[], zh: string): C | undefined {
  const t = zh.trim();
  return list.find((e) => e.zh === t || e.code === t || e.aliases?.includes(t))?.code;
}
