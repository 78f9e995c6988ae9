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
export const relocatedIdParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * Why a relocated-household entry ends (迁出, 户内人员全部亡故, 误登记, 其他). `correction` is written only by the
 * correction itself (the wrong row ends, a right one opens), never chosen when ending.
 */
export const END_REASONS = [
  { code: 'movedAway', zh: '迁出（搬离安置点）', en: 'Moved away' },
  { code: 'diedOut', zh: '户内人员全部亡故', en: 'Household died out' },
  { code: 'wrongEntry', zh: '误登记（不是搬迁户）', en: 'Wrong entry (not relocated)' },
  { code: 'other', zh: '其他', en: 'Other' },
  { code: 'correction', zh: '更正（安置点或入住日期有误）', en: 'Corrected (wrong site or date)' },
] as const;
export type EndReason = (typeof END_REASONS)[number]['code'];
export const END_REASON_CODES = END_REASONS.map((r) => r.code) as [EndReason, ...EndReason[]];
/** The reasons a user may choose when ending an entry. */
export const CHOOSABLE_END_REASONS = ['movedAway', 'diedOut', 'wrongEntry', 'other'] as const;

const endNote = z
  .string()
  .trim()
  .max(200, { message: '说明至多 200 个字 / note too long (200 characters at most)' })
  .nullish();

/** 结束 a relocated-household entry: on a day between its move-in and today (China), with a reason. */
export const endRelocatedInput = z
  .object({
    endedOn: isoDate,
    reason: z.enum(CHOOSABLE_END_REASONS, {
      message: '请选择结束原因（迁出、户内人员全部亡故、误登记、其他） / choose a reason',
    }),
    note: endNote,
  })
  .refine((v) => v.reason !== 'other' || (v.note ?? '') !== '', {
    path: ['note'],
    message: '原因为“其他”时请填写说明 / a note is required when the reason is "other"',
  });

/** 更正: the entry had the wrong site or move-in date; it ends as `correction` and a right one opens. */
export const correctRelocatedInput = z.object({
  siteId: z.number({ message: '请选择安置点 / site required' }).int().positive(),
  movedOn: isoDate,
  note: endNote,
});

/** One entry of a household's relocation history (ended ones with their reason). */
export const relocationEntry = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  siteName: z.string(),
  movedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASON_CODES).nullable(),
  endNote: z.string().nullable(),
  note: z.string().nullable(),
});
export type RelocationEntry = z.infer<typeof relocationEntry>;

/** 搬迁户名单 (发改/乡村振兴局): the header row within the first five rows, one person (head or member) per row. */
export const RELOCATION_IMPORT_HEADERS = ['身份证号', '姓名', '安置点', '搬迁入住日期'] as const;
export const RELOCATION_IMPORT_OPTIONAL = '备注';
export const relocationImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
export const IMPORT_OUTCOMES = ['add', 'present', 'error'] as const;
export const relocationImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** Rows that add (dry run: would add) a relocated household. */
  created: z.number().int(),
  /** Rows already on the list (same household, same site): skipped. */
  present: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  /** Every data row's result, in sheet order. */
  results: z.array(
    z.object({
      row: z.number().int(),
      outcome: z.enum(IMPORT_OUTCOMES),
      name: z.string(),
      householdNo: z.string().nullable(),
      siteName: z.string(),
      movedOn: z.string(),
      message: z.string(),
    }),
  ),
});
export type RelocationImportReport = z.infer<typeof relocationImportReport>;

export const householdRelocation = z.object({
  householdId: z.number().int(),
  relocation: z
    .object({ id: z.number().int(), siteId: z.number().int(), siteName: z.string(), movedOn: z.string() })
    .nullable(),
  /** Every entry of the household, newest first: the active one and those ended (moved away, corrected …). */
  history: z.array(relocationEntry),
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
