import { z } from 'zod';
import { pageMeta, pagingFields } from './paging.ts';

// 重点帮扶村 and 示范村 (沁发〔2021〕17号 §二(二)2; issue 15 item 1): a scoring sheet per village and year (two factors
// counted by the system, four scored by the county 0–100), the ranked list, the county's decisions (文号, date, the
// villages named; history kept). The decision in force is the indicators' KEY_VILLAGE / DEMO_VILLAGE groups and the
// resident teams' 重点帮扶村 flag.

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const year = z.coerce
  .number()
  .int({ message: '年度为整数 / year is an integer' })
  .min(2021, { message: '年度不早于2021 / year from 2021' })
  .max(2100, { message: '年度过大 / year too large' });
const handScore = z
  .number({ message: '评分为0到100的数 / score is a number from 0 to 100' })
  .min(0, { message: '评分不低于0 / score at least 0' })
  .max(100, { message: '评分不高于100 / score at most 100' })
  .nullable();

export const handScoresInput = z.object({
  location: handScore,
  publicService: handScore,
  infrastructure: handScore,
  resources: handScore,
  note: z.string().trim().max(200, { message: '说明至多200字 / note at most 200 characters' }).optional(),
});
export type HandScoresInput = z.infer<typeof handScoresInput>;

export const villageYearParams = z.object({ orgCode, year });

const factorValues = z.object({
  alleviatedPopulation: z.number().nullable(),
  collectiveIncome: z.number().nullable(),
  location: z.number().nullable(),
  publicService: z.number().nullable(),
  infrastructure: z.number().nullable(),
  resources: z.number().nullable(),
});

export const sheetRow = z.object({
  orgCode: z.string(),
  villageName: z.string(),
  townshipName: z.string().nullable(),
  year: z.number().int(),
  /** The facts: 脱贫人口 (people), collective income (fen), the county's hand scores (0–100, higher = better). */
  facts: factorValues,
  /** Each factor's need score 0–100 (higher = more in need). */
  needs: factorValues,
  /** Weighted mean of the present factors (0–100), null when none. */
  score: z.number().nullable(),
  /** Rank in the county (1 = most in need). */
  rank: z.number().int().nullable(),
  missing: z.array(z.string()),
  /** What the decision in force names the village: key, demo or none. */
  decided: z.enum(['key', 'demo']).nullable(),
  note: z.string().nullable(),
  scoredAt: z.string().nullable(),
});
export type SheetRow = z.infer<typeof sheetRow>;

export const SHEET_SORTS = ['rank', 'orgCode', 'score'] as const;
export const sheetListQuery = z.object({
  year,
  orgCode: orgCode.optional(),
  /** scored: all four hand scores given; unscored: some missing; key / demo: named by the decision in force. */
  status: z
    .enum(['scored', 'unscored', 'key', 'demo'], {
      message: '状态应为 scored、unscored、key、demo 之一 / status: scored, unscored, key or demo',
    })
    .optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(SHEET_SORTS),
});
export const sheetExportQuery = sheetListQuery.omit({ page: true, pageSize: true, sort: true, order: true });

export const weightRow = z.object({ factor: z.string(), weight: z.number(), notFound: z.boolean() });

export const sheetPage = z.object({
  items: z.array(sheetRow),
  ...pageMeta,
  year: z.number().int(),
  /** The weights in force for the year (parameters keyVillages.weight.*). */
  weights: z.array(weightRow),
  /** Villages of the county ranked (the normalisation is county-wide, whoever reads). */
  countyVillages: z.number().int(),
  /** The decision in force, if any. */
  inForce: z
    .object({ id: z.number().int(), year: z.number().int(), docNo: z.string(), decidedOn: z.string() })
    .nullable(),
});

export const decisionInput = z.object({
  year: z.number({ message: '请填写年度 / year required' }).int().min(2021).max(2100),
  docNo: z
    .string({ message: '请填写文号 / document number required' })
    .trim()
    .min(1, { message: '请填写文号 / document number required' })
    .max(100, { message: '文号至多100字 / at most 100 characters' }),
  decidedOn: z
    .string({ message: '请填写认定日期 / decision date required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式为 YYYY-MM-DD / date as YYYY-MM-DD' }),
  keyVillages: z.array(orgCode, { message: '请选择重点帮扶村 / choose the key villages' }).max(500),
  demoVillages: z.array(orgCode).max(500).default([]),
  note: z.string().trim().max(500, { message: '说明至多500字 / note at most 500 characters' }).optional(),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const decisionVillage = z.object({
  orgCode: z.string(),
  villageName: z.string(),
  townshipName: z.string().nullable(),
  kind: z.enum(['key', 'demo']),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
});

export const decisionRow = z.object({
  id: z.number().int(),
  year: z.number().int(),
  docNo: z.string(),
  decidedOn: z.string(),
  note: z.string().nullable(),
  keyCount: z.number().int(),
  demoCount: z.number().int(),
  inForce: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export const decisionDetail = decisionRow.extend({ villages: z.array(decisionVillage) });
export type DecisionDetail = z.infer<typeof decisionDetail>;

export const decisionListQuery = z.object({ ...pagingFields(['decidedOn'] as const) });
export const decisionPage = z.object({ items: z.array(decisionRow), ...pageMeta });
export const idParams = z.object({ id: z.coerce.number().int().positive() });
