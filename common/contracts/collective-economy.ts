import { z } from 'zod';
import { pageMeta, pagingFields } from './paging.ts';

// 村集体经济 (issue 15 item 7): a village collective's yearly income by source, entered by village or township,
// history kept (a correction supersedes the current entry); a list per year with township totals and the villages
// below the weak line (parameter collective.weakIncomeFen).

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const year = z.coerce
  .number()
  .int({ message: '年度为整数 / year is an integer' })
  .min(2016, { message: '年度不早于2016 / year from 2016' })
  .max(2100, { message: '年度过大 / year too large' });
const fen = z
  .number({ message: '请填写金额（分）/ amount in fen required' })
  .int({ message: '金额以分为单位的整数 / amount is whole fen' })
  .nonnegative({ message: '金额不能为负 / amount cannot be negative' })
  .max(100_000_000_000, { message: '金额过大 / amount too large' });

export const collectiveAmounts = {
  assetFen: fen,
  photovoltaicFen: fen,
  landFen: fen,
  operationsFen: fen,
  otherFen: fen,
};

export const collectiveInput = z.object({
  ...collectiveAmounts,
  note: z.string().trim().max(200, { message: '说明至多200字 / note at most 200 characters' }).optional(),
});
export type CollectiveInput = z.infer<typeof collectiveInput>;

export const villageYearParams = z.object({ orgCode, year });
export const villageParams = z.object({ orgCode });

/** What the asset ledger recorded as income of the village's own operating assets in the year (fen). */
export const ledgerIncome = z.object({
  photovoltaicFen: z.number().int(),
  assetFen: z.number().int(),
});

export const villageIncomeRow = z.object({
  orgCode: z.string(),
  villageName: z.string(),
  townshipCode: z.string(),
  townshipName: z.string().nullable(),
  year: z.number().int(),
  /** Whether the village entered the year (amounts 0 and weak false when not). */
  entered: z.boolean(),
  assetFen: z.number().int(),
  photovoltaicFen: z.number().int(),
  landFen: z.number().int(),
  operationsFen: z.number().int(),
  otherFen: z.number().int(),
  totalFen: z.number().int(),
  weak: z.boolean(),
  ledger: ledgerIncome,
  note: z.string().nullable(),
  enteredAt: z.string().nullable(),
});
export type VillageIncomeRow = z.infer<typeof villageIncomeRow>;

export const COLLECTIVE_SORTS = ['orgCode', 'totalFen'] as const;
export const COLLECTIVE_STATUSES = ['entered', 'missing', 'weak'] as const;
export const collectiveListQuery = z.object({
  year,
  orgCode: orgCode.optional(),
  status: z
    .enum(COLLECTIVE_STATUSES, { message: '状态应为 entered、missing、weak 之一 / status: entered, missing or weak' })
    .optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(COLLECTIVE_SORTS),
});
export const collectiveExportQuery = collectiveListQuery.omit({ page: true, pageSize: true, sort: true, order: true });

export const townshipTotal = z.object({
  code: z.string(),
  name: z.string().nullable(),
  villages: z.number().int(),
  entered: z.number().int(),
  weak: z.number().int(),
  totalFen: z.number().int(),
});

export const collectivePage = z.object({
  items: z.array(villageIncomeRow),
  ...pageMeta,
  year: z.number().int(),
  /** The weak line in force (fen) and its source as the parameter table has it. */
  weakLineFen: z.number().int(),
  weakLineNotFound: z.boolean(),
  /** Per township in scope, over every village of the filters (not just the page). */
  townships: z.array(townshipTotal),
  totalFen: z.number().int(),
});

export const collectiveEntry = z.object({
  id: z.number().int(),
  year: z.number().int(),
  assetFen: z.number().int(),
  photovoltaicFen: z.number().int(),
  landFen: z.number().int(),
  operationsFen: z.number().int(),
  otherFen: z.number().int(),
  totalFen: z.number().int(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
});

export const villageHistory = z.object({
  orgCode: z.string(),
  villageName: z.string(),
  /** Every entry, current and superseded, newest first. */
  entries: z.array(collectiveEntry),
  /** The asset ledger's income of the village by year (for the years asked and entered). */
  ledgerByYear: z.array(ledgerIncome.extend({ year: z.number().int() })),
});
