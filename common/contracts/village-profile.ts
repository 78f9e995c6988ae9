import { z } from 'zod';
import { orgCode } from './org.ts';

// 村情 on the cockpit's village view (issue 15 "the cockpit's village view shows them"): one section per village
// programme, each from the module that owns it (VillageSectionProvider), with a link to its page.

export const villageFact = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  /** A number (with its unit) or a text; null: nothing recorded. */
  value: z.union([z.number(), z.string()]).nullable(),
  unitZh: z.string().optional(),
  unitEn: z.string().optional(),
  /** warn: a requirement not met (e.g. a 重点帮扶村 without a 驻村工作队). */
  tone: z.enum(['ok', 'warn']).optional(),
});
export type VillageFact = z.infer<typeof villageFact>;

export const villageSection = z.object({
  key: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  /** The programme's page in the web app. */
  link: z.string(),
  facts: z.array(villageFact),
});
export type VillageSection = z.infer<typeof villageSection>;

export const villageProfileQuery = z.object({
  org: orgCode,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const villageProfile = z.object({
  orgCode: z.string(),
  year: z.number().int(),
  sections: z.array(villageSection),
});
