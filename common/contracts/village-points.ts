import { z } from 'zod';
import { POINTS_CATEGORY_CODES } from '../domain/village-points/codes.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 积分制 and 积分超市 (issue 15 item 5; 沁发〔2021〕17号 二(三)6 二是): a village's items (adopted by 四议两公开), points
// awarded to households, redemptions (never below zero), the ranking per village.

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });
const text = (zh: string, en: string, max: number) =>
  z
    .string({ message: `${zh} / ${en}` })
    .trim()
    .min(1, { message: `${zh} / ${en}` })
    .max(max, { message: `不超过${max}字 / at most ${max} characters` });
const year = z.coerce.number().int().min(2000).max(2100);
const id = z.number({ message: '请选择 / choose one' }).int().positive();

export const pointsCategory = z.enum(POINTS_CATEGORY_CODES, { message: '请选择类别 / choose the category' });

export const pointsRuleInput = z.object({
  orgCode,
  deliberationId: z.number({ message: '请选择四议两公开记录 / choose the 四议两公开 record' }).int().positive(),
  name: text('请填写积分项目', 'item required', 100),
  category: pointsCategory,
  points: z
    .number({ message: '请填写分值 / points required' })
    .int({ message: '分值须为整数 / whole points' })
    .min(-10_000)
    .max(10_000),
  note: z.string().trim().max(200).nullable().optional(),
});

export const pointsAwardInput = z.object({
  householdId: id,
  ruleId: id,
  awardedOn: isoDate,
  reason: text('请填写事由', 'reason required', 200),
});

export const pointsRedemptionInput = z.object({
  householdId: id,
  goods: text('请填写兑换物品', 'goods required', 100),
  quantity: z.number().int().min(1, { message: '数量至少为1 / at least 1' }).max(1000).default(1),
  points: z
    .number({ message: '请填写兑换积分 / points required' })
    .int()
    .min(1, { message: '兑换积分须为正数 / positive' }),
  redeemedOn: isoDate,
  note: z.string().trim().max(200).nullable().optional(),
});

export const pointsRuleRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  deliberationId: z.number().int(),
  deliberationSubject: z.string().nullable(),
  name: z.string(),
  category: pointsCategory,
  points: z.number().int(),
  note: z.string().nullable(),
  active: z.boolean(),
  awards: z.number().int(),
});
export const POINTS_RULE_SORTS = ['orgCode', 'category', 'points'] as const;
export const pointsRuleQuery = z.object({
  orgCode: orgCode.optional(),
  category: pointsCategory.optional(),
  ...pagingFields(POINTS_RULE_SORTS),
});
export const pointsRulePage = z.object({ items: z.array(pointsRuleRow), ...pageMeta });

/** What an award and a redemption row share: the entry, its village and household. */
const householdEntry = {
  id: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
};
/** The filters of the award and redemption lists (and the year of the ledger). */
const entryFilters = {
  orgCode: orgCode.optional(),
  householdId: z.coerce.number().int().positive().optional(),
  year: year.optional(),
};

export const pointsAwardRow = z.object({
  ...householdEntry,
  ruleId: z.number().int(),
  ruleName: z.string(),
  category: pointsCategory,
  points: z.number().int(),
  awardedOn: z.string(),
  reason: z.string(),
  awardedBy: z.string().nullable(),
});
export const POINTS_AWARD_SORTS = ['awardedOn', 'orgCode', 'points'] as const;
export const pointsAwardQuery = z.object({
  ...entryFilters,
  category: pointsCategory.optional(),
  ...pagingFields(POINTS_AWARD_SORTS),
});
export const pointsAwardPage = z.object({ items: z.array(pointsAwardRow), ...pageMeta });

export const pointsRedemptionRow = z.object({
  ...householdEntry,
  goods: z.string(),
  quantity: z.number().int(),
  points: z.number().int(),
  redeemedOn: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export const POINTS_REDEMPTION_SORTS = ['redeemedOn', 'orgCode', 'points'] as const;
export const pointsRedemptionQuery = z.object({
  ...entryFilters,
  ...pagingFields(POINTS_REDEMPTION_SORTS),
});
export const pointsRedemptionPage = z.object({ items: z.array(pointsRedemptionRow), ...pageMeta });

/** A household's place in its village: points earned in the year (deductions included), balance of all years. */
export const pointsRankingRow = z.object({
  rank: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
  earned: z.number().int(),
  balance: z.number().int(),
});
export const pointsRankingQuery = z.object({
  orgCode: orgCode.optional(),
  year: year.optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export const pointsRankingPage = z.object({ year: z.number().int(), items: z.array(pointsRankingRow), ...pageMeta });

export const pointsExportQuery = z.object({ orgCode: orgCode.optional(), year: year.optional() });

export const pointsBalance = z.object({
  householdId: z.number().int(),
  earned: z.number().int(),
  spent: z.number().int(),
  balance: z.number().int(),
});

export const pointsIdParams = z.object({ id: z.coerce.number().int().positive() });
