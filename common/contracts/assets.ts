import { z } from 'zod';
import { ASSET_CATEGORIES, DISPOSAL_REASONS, OWNER_LEVELS } from '../domain/assets/rules.ts';
import { orgCode } from './org.ts';
import { pageMeta, pagingFields } from './paging.ts';

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const fen = z.number().int().min(0).max(100_000_000_000_00);

/** Sort keys of the asset ledger list (server whitelist, sortable columns). */
export const ASSET_SORTS = [
  'code',
  'name',
  'category',
  'orgCode',
  'originYear',
  'originalValueFen',
  'bookValueFen',
  'incomeFen',
] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];

/** The filters of the asset ledger; the page, its total and the export (/api/assets/export.xlsx) share them. */
export const assetFilterQuery = z.object({
  category: z.enum(ASSET_CATEGORIES).optional(),
  ownerLevel: z.enum(OWNER_LEVELS).optional(),
  orgCode: orgCode.optional(),
  status: z.enum(['inUse', 'disposed']).optional(),
  q: z.string().trim().max(100).optional(),
});

/** Without `page` the answer is the whole filtered ledger as an array (older callers); with it, one page. */
export const assetListQuery = assetFilterQuery.extend(pagingFields(ASSET_SORTS));

export const assetInput = z.object({
  name: z.string().trim().min(2).max(200),
  category: z.enum(ASSET_CATEGORIES),
  orgCode,
  originYear: z.number().int().min(2013).max(2100),
  fundSources: z.record(z.string(), fen).default({}),
  originalValueFen: fen,
  bookValueFen: fen,
  location: z.string().trim().max(200).nullish(),
  quantity: z.number().min(0).max(1e9).default(1),
  unit: z.string().trim().max(20).default('项'),
  ownerLevel: z.enum(OWNER_LEVELS),
  ownerName: z.string().trim().min(1).max(100),
  operator: z.string().trim().max(100).nullish(),
  custodian: z.string().trim().max(100).nullish(),
  custodianPerson: z.string().trim().max(60).nullish(),
  beneficiaries: z.string().trim().max(500).nullish(),
  photovoltaic: z.boolean().default(false),
});

export const assetCustodyInput = z.object({
  operator: z.string().trim().max(100).nullish(),
  custodian: z.string().trim().min(1, { message: '请填写管护主体 / custodian required' }).max(100),
  custodianPerson: z.string().trim().min(1, { message: '请填写管护责任人 / person required' }).max(60),
  bookValueFen: fen.optional(),
  version: z.number().int(),
});

export const assetRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.enum(ASSET_CATEGORIES),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  originYear: z.number().int(),
  fundSources: z.record(z.string(), z.number()),
  originalValueFen: z.number().int(),
  bookValueFen: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  townshipName: z.string().nullable(),
  location: z.string().nullable(),
  quantity: z.number(),
  unit: z.string(),
  ownerLevel: z.enum(OWNER_LEVELS),
  ownerName: z.string(),
  operator: z.string().nullable(),
  custodian: z.string().nullable(),
  custodianPerson: z.string().nullable(),
  beneficiaries: z.string().nullable(),
  photovoltaic: z.boolean(),
  status: z.enum(['inUse', 'disposed']),
  incomeFen: z.number().int(),
  version: z.number().int(),
});
export type AssetRow = z.infer<typeof assetRow>;

/** One numbered page of the list (asked with `page`). */
export const assetPage = z.object({ items: z.array(assetRow), ...pageMeta });
/** The list answer: the whole filtered list (no `page`, older callers) or one numbered page. */
export const assetListAnswer = z.union([assetPage, z.array(assetRow)]);

export const incomeInput = z.object({
  year: z.number().int().min(2013).max(2100),
  receivedOn: isoDate,
  amountFen: fen,
  distribution: z.object({ operation: fen, consolidation: fen, publicWelfare: fen, publicWelfarePosts: fen }),
  deliberationId: z.number().int().positive({ message: '须关联四议两公开记录 / a 四议两公开 record is required' }),
  note: z.string().trim().max(500).nullish(),
});

export const incomeRow = z.object({
  id: z.number().int(),
  year: z.number().int(),
  receivedOn: z.string(),
  amountFen: z.number().int(),
  distribution: z.record(z.string(), z.number()),
  deliberationId: z.number().int(),
  deliberationSubject: z.string().nullable(),
  note: z.string().nullable(),
});

export const disposalInput = z.object({
  reason: z.enum(DISPOSAL_REASONS),
  disposedOn: isoDate,
  proceedsFen: fen,
  note: z.string().trim().min(2, { message: '请说明处置情况 / describe the disposal' }).max(1000),
  /** Required for village-collective assets: the decided 四议两公开 record of the owning village. */
  deliberationId: z.number().int().positive().nullish(),
  version: z.number().int(),
});

export const assetDetail = assetRow.extend({
  disposalReason: z.string().nullable(),
  disposedOn: z.string().nullable(),
  disposalProceedsFen: z.number().int().nullable(),
  disposalNote: z.string().nullable(),
  disposalDeliberationId: z.number().int().nullable(),
  incomes: z.array(incomeRow),
});
export type AssetDetail = z.infer<typeof assetDetail>;

export const assetSummary = z.object({
  byCategory: z.array(
    z.object({
      category: z.enum(ASSET_CATEGORIES),
      count: z.number().int(),
      originalValueFen: z.number().int(),
      bookValueFen: z.number().int(),
    }),
  ),
  byOwner: z.array(
    z.object({ ownerLevel: z.enum(OWNER_LEVELS), count: z.number().int(), originalValueFen: z.number().int() }),
  ),
});
