import { z } from 'zod';
import { orgCode } from './org.ts';
import { pageMeta, pagingFields, queryFlag } from './paging.ts';

// 易地扶贫搬迁后续扶持 (沁发〔2021〕17号 §二(一)4): 安置点, relocated households, and the check "有劳动能力的搬迁家庭每户
// 至少一人稳定就业" read from the employment ledger.

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const count = (zh: string, en: string) =>
  z
    .number({ message: `请填写${zh} / ${en} required` })
    .int({ message: `${zh}应为整数 / ${en} must be a whole number` })
    .min(0, { message: `${zh}不能为负 / ${en} cannot be negative` })
    .max(100_000, { message: `${zh}过大 / ${en} too large` });

export const siteInput = z.object({
  orgCode: orgCode,
  name: z
    .string({ message: '请填写安置点名称 / name required' })
    .trim()
    .min(2, { message: '安置点名称至少 2 个字 / name too short' })
    .max(60, { message: '安置点名称至多 60 个字 / name too long' }),
  plannedHouseholds: count('安置户数', 'households'),
  plannedPeople: count('安置人数', 'people').nullish(),
  completedOn: isoDate.nullish(),
  note: z.string().trim().max(500).nullish(),
});

export const siteRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string().nullable(),
  name: z.string(),
  plannedHouseholds: z.number().int(),
  plannedPeople: z.number().int().nullable(),
  completedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Households relocated into the site (active), their people, and those short of stable employment. */
  households: z.number().int(),
  people: z.number().int(),
  short: z.number().int(),
});
export type SiteRow = z.infer<typeof siteRow>;

export const SITE_SORTS = ['name', 'village'] as const;
export const siteListQuery = z.object({ orgCode: orgCode.optional(), ...pagingFields(SITE_SORTS) });
export const sitePage = z.object({ items: z.array(siteRow), ...pageMeta });

export const relocatedInput = z.object({
  householdId: z.number({ message: '请选择农户 / household required' }).int().positive(),
  siteId: z.number({ message: '请选择安置点 / site required' }).int().positive(),
  movedOn: isoDate,
  note: z.string().trim().max(500).nullish(),
});

export const EMPLOYMENT_STATUSES = ['met', 'short', 'noLabour'] as const;
export const relocatedRow = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  siteId: z.number().int(),
  siteName: z.string(),
  movedOn: z.string(),
  members: z.number().int(),
  labourers: z.number().int(),
  stablyEmployed: z.number().int(),
  status: z.enum(EMPLOYMENT_STATUSES),
});
export type RelocatedRow = z.infer<typeof relocatedRow>;

export const RELOCATED_SORTS = ['householdNo', 'movedOn', 'site'] as const;
export const relocatedFilters = {
  orgCode: orgCode.optional(),
  siteId: z.coerce.number().int().positive().optional(),
  /** Only the households short of stable employment. */
  short: queryFlag().optional(),
};
export const relocatedListQuery = z.object({ ...relocatedFilters, ...pagingFields(RELOCATED_SORTS) });
export const relocatedExportQuery = z.object(relocatedFilters);
export const relocatedPage = z.object({
  items: z.array(relocatedRow),
  ...pageMeta,
  /** The window of the check (parameters in force): months employed needed, of the last months. */
  stableMonths: z.number().int(),
  stableWindowMonths: z.number().int(),
});

export const householdParams = z.object({ householdId: z.coerce.number().int().positive() });

export const householdRelocation = z.object({
  householdId: z.number().int(),
  relocation: z
    .object({ id: z.number().int(), siteId: z.number().int(), siteName: z.string(), movedOn: z.string() })
    .nullable(),
  status: z.enum(EMPLOYMENT_STATUSES).nullable(),
  stableMonths: z.number().int(),
  stableWindowMonths: z.number().int(),
  members: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      labourer: z.boolean(),
      monthsEmployed: z.number().int(),
      stable: z.boolean(),
    }),
  ),
});
export type HouseholdRelocation = z.infer<typeof householdRelocation>;
