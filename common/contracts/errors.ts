import { z } from 'zod';

/** Every error the API returns has this shape. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageZh: z.string(),
    messageEn: z.string(),
    requestId: z.string(),
    fields: z.array(z.object({ field: z.string(), messageZh: z.string(), messageEn: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
