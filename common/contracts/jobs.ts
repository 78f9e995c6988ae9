import { z } from 'zod';

/** A background job (import, monitoring run, export) as the UI polls it. */
export const jobDto = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  message: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  /** What the work returned (e.g. an import's counts and row errors). */
  result: z.unknown(),
  /** { code, messageZh, messageEn, fields? } when it failed. */
  error: z.unknown(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobDto = z.infer<typeof jobDto>;

export const jobIdParams = z.object({ id: z.coerce.number().int().positive() });
