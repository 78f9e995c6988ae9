// The optional extra columns of department data (formats.md §2) and how each value is checked.
// A value is stored normalised (a code, a grade letter, a whole number) so that the same fact
// typed two ways gives the same record key.

import { DISABILITY_CATEGORIES, DISABILITY_GRADES, codeOfLabel, type CodeEntry } from '../registry/codes.ts';

export type AttributeCheck = { ok: true; value: string } | { ok: false; reasonZh: string; reasonEn: string };

export interface FeedAttribute {
  readonly code: FeedAttributeCode;
  /** The column header department files use. */
  readonly zh: string;
  readonly headerAliases: readonly string[];
  /** `raw` is the trimmed, non-empty cell text. */
  check(raw: string): AttributeCheck;
}

/** 学段 of the pupil or student: compulsory stages matter for 辍学, the others for 非义务教育费用. */
export const SCHOOL_STAGES = [
  { code: 'preschool', zh: '学前教育', aliases: ['学前', '幼儿园'] },
  { code: 'primary', zh: '小学' },
  { code: 'juniorSecondary', zh: '初中' },
  { code: 'seniorHigh', zh: '普通高中', aliases: ['高中'] },
  { code: 'secondaryVocational', zh: '中职', aliases: ['中专', '职高', '中等职业教育'] },
  { code: 'higherVocational', zh: '高职', aliases: ['高职高专', '专科', '大专'] },
  { code: 'undergraduate', zh: '本科', aliases: ['大学本科'] },
  { code: 'postgraduate', zh: '研究生', aliases: ['硕士', '博士', '硕士研究生及以上'] },
] as const satisfies readonly CodeEntry[];

/** 灾种: the 因自然灾害 subtypes of the registry (§1.4), with the everyday words for them. */
export const DISASTER_TYPES = [
  { code: 'flood', zh: '洪涝', aliases: ['洪水', '暴雨', '洪涝灾害'] },
  { code: 'geological', zh: '地质', aliases: ['地质灾害', '滑坡', '泥石流', '崩塌'] },
  { code: 'drought', zh: '旱灾', aliases: ['干旱'] },
  { code: 'biological', zh: '生物', aliases: ['病虫害', '生物灾害'] },
  { code: 'meteorological', zh: '气象', aliases: ['冰雹', '大风', '雪灾', '冻害', '低温冷冻', '气象灾害'] },
  { code: 'earthquake', zh: '地震' },
  { code: 'fire', zh: '火灾' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];

const fail = (reasonZh: string, reasonEn: string): AttributeCheck => ({ ok: false, reasonZh, reasonEn });

function fromList(list: readonly CodeEntry[], headerZh: string, headerEn: string) {
  return (raw: string): AttributeCheck => {
    const code = codeOfLabel(list, raw);
    if (code !== undefined) return { ok: true, value: code };
    return fail(
      `${headerZh}"${raw}"无效，可选：${list.map((e) => e.zh).join('、')}`,
      `${headerEn} "${raw}" is not one of ${list.map((e) => e.zh).join(', ')}`,
    );
  };
}

function freeText(headerZh: string, headerEn: string, max: number) {
  return (raw: string): AttributeCheck =>
    raw.length <= max
      ? { ok: true, value: raw }
      : fail(`${headerZh}最多${max}个字`, `${headerEn} may have at most ${max} characters`);
}

function houseGrade(raw: string): AttributeCheck {
  const letter = raw.normalize('NFKC').toUpperCase().replace(/级$/, '');
  if (/^[A-D]$/.test(letter)) return { ok: true, value: letter };
  return fail(`等级"${raw}"无效，应为 A、B、C 或 D`, `Grade "${raw}" must be A, B, C or D`);
}

function gapMonths(raw: string): AttributeCheck {
  const text = raw.normalize('NFKC').replace(/个?月$/, '');
  const months = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (months >= 1 && months <= 600) return { ok: true, value: String(months) };
  return fail(
    `断缴月数"${raw}"应为 1–600 的整数`,
    `Months without contributions "${raw}" must be a whole number from 1 to 600`,
  );
}

const ATTRIBUTE_LIST = [
  { code: 'schoolStage', zh: '学段', headerAliases: [], check: fromList(SCHOOL_STAGES, '学段', 'School stage') },
  { code: 'houseGrade', zh: '等级', headerAliases: ['危房等级', '鉴定等级', '房屋等级'], check: houseGrade },
  {
    code: 'disabilityCategory',
    zh: '残疾类别',
    headerAliases: [],
    check: fromList(DISABILITY_CATEGORIES, '残疾类别', 'Disability category'),
  },
  {
    code: 'disabilityGrade',
    zh: '残疾等级',
    headerAliases: [],
    check: fromList(DISABILITY_GRADES, '残疾等级', 'Disability grade'),
  },
  { code: 'gapMonths', zh: '断缴月数', headerAliases: [], check: gapMonths },
  {
    code: 'disasterType',
    zh: '灾种',
    headerAliases: ['灾害类型', '灾害种类'],
    check: fromList(DISASTER_TYPES, '灾种', 'Disaster type'),
  },
  { code: 'vehicleType', zh: '车辆类型', headerAliases: ['车型'], check: freeText('车辆类型', 'Vehicle type', 40) },
  { code: 'companyName', zh: '企业名称', headerAliases: ['企业'], check: freeText('企业名称', 'Company name', 100) },
  { code: 'employer', zh: '单位', headerAliases: ['工作单位', '供养单位'], check: freeText('单位', 'Employer', 100) },
] as const;

export type FeedAttributeCode = (typeof ATTRIBUTE_LIST)[number]['code'];

export const FEED_ATTRIBUTES: readonly FeedAttribute[] = ATTRIBUTE_LIST;

export const FEED_ATTRIBUTE_CODES = ATTRIBUTE_LIST.map((a) => a.code) as FeedAttributeCode[];

export function feedAttribute(code: FeedAttributeCode): FeedAttribute {
  return FEED_ATTRIBUTES.find((a) => a.code === code)!;
}
