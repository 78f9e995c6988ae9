import { z } from 'zod';

export const paramVersion = z.object({
  id: z.number().int(),
  scopeCode: z.string(),
  year: z.number().int().nullable(),
  effectiveFrom: z.string(),
  value: z.unknown(),
  source: z.string(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const paramRow = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  unit: z.string(),
  choices: z.array(z.string()).nullable(),
  yearly: z.boolean(),
  versions: z.array(paramVersion),
});
export type ParamRowDto = z.infer<typeof paramRow>;

export const setParamRequest = z.object({
  key: z.string().min(1).max(60),
  /** Money in fen, ratios as 0–1, days/months/years as whole numbers, choices as text. */
  value: z.union([z.number(), z.string()]),
  year: z.number().int().min(2013).max(2100).nullable().optional(),
  effectiveFrom: z.iso.date({ message: '生效日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' }),
  note: z.string().trim().max(500).optional(),
});

export const resolvedParam = z.object({
  key: z.string(),
  value: z.unknown(),
  scopeCode: z.string(),
  year: z.number().int().nullable(),
  effectiveFrom: z.string(),
  source: z.string(),
  fallbackFromYear: z.number().int().optional(),
});

export const periodQuery = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM / month must be YYYY-MM' }),
});
