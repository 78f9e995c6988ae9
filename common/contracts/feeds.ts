import { z } from 'zod';
import { FEED_SOURCE_CODES } from '../domain/feeds/sources.ts';
import { pageMeta, pagingFields } from './paging.ts';

// Department data (部门比对数据): file import, JSON push from department systems, batch lists.

export const MAX_PUSH_RECORDS = 10_000;

export const feedSourceCode = z.enum(FEED_SOURCE_CODES, { message: '数据来源无效 / unknown source' });

export const feedRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  /** As written in the file; ID numbers masked. */
  value: z.string(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type FeedRowErrorDto = z.infer<typeof feedRowError>;

export const feedBatchOutcome = z.object({
  source: feedSourceCode,
  sourceLabel: z.string(),
  /** The batch written now, or the earlier batch holding the same records; null when nothing is stored. */
  batchId: z.number().int().nullable(),
  /** imported: stored now; alreadyImported: every record was stored before; checked: dry run. */
  status: z.enum(['imported', 'alreadyImported', 'checked']),
  /** Distinct records of this source in the file. */
  recordCount: z.number().int(),
  /** Records stored by this import (dry run: that would be stored). */
  newCount: z.number().int(),
  /** Records already stored by an earlier import. */
  existingCount: z.number().int(),
  /** Rows repeating an earlier row of the same file (stored once). */
  duplicateRows: z.number().int(),
  /**
   * Records whose person is in the registry / is not (unmatched records are kept, never dropped).
   * Null for an actor who may not read the registry (a line department): whether an ID is registered
   * is not theirs to learn (not in their area, 不在本辖区).
   */
  matchedCount: z.number().int().nullable(),
  unmatchedCount: z.number().int().nullable(),
});

export const feedImportResult = z.object({
  status: z.enum(['imported', 'alreadyImported', 'checked', 'rejected']),
  dryRun: z.boolean(),
  fileName: z.string(),
  /** Non-blank data rows read. */
  rowCount: z.number().int(),
  errorCount: z.number().int(),
  /** Every error up to a cap (see errorsTruncated). Nothing is written when there is any. */
  errors: z.array(feedRowError),
  errorsTruncated: z.boolean(),
  /** Columns that name no known field: kept with each record and reported here. */
  unknownColumns: z.array(z.string()),
  batches: z.array(feedBatchOutcome),
});
export type FeedImportResult = z.infer<typeof feedImportResult>;

export const importFeedQuery = z.object({
  dryRun: z.stringbool({ error: 'dryRun 应为 true 或 false / dryRun must be true or false' }).default(false),
  /** County staff may name the source; a department user's source is their own. */
  source: feedSourceCode.optional(),
});

export const jobStarted = z.object({ jobId: z.number().int() });

const text = (max: number) => z.string().max(max, { message: `最多 ${max} 个字 / at most ${max} characters` });

export const pushedFeedRecord = z.object({
  idNumber: text(30),
  name: text(100),
  /** 事项 code (inpatientOutOfPocket) or label (住院自付). */
  item: text(40),
  occurredOn: text(20),
  amountYuan: z
    .union([z.number(), text(30)])
    .nullable()
    .optional(),
  note: text(1000).nullable().optional(),
  attrs: z
    .record(text(60), z.union([text(200), z.number()]).nullable())
    .nullable()
    .optional(),
});

export const pushFeedRequest = z.object({
  source: feedSourceCode,
  fileName: z.string().trim().min(1).max(200).optional(),
  dryRun: z.boolean().default(false),
  records: z
    .array(pushedFeedRecord)
    .min(1, { message: '至少一条记录 / at least one record' })
    .max(MAX_PUSH_RECORDS, {
      message: `每次最多 ${MAX_PUSH_RECORDS} 条 / at most ${MAX_PUSH_RECORDS} records per call`,
    }),
});
export type PushFeedRequest = z.infer<typeof pushFeedRequest>;

/** Sort keys of the batches list (newest first when none is named). */
export const FEED_BATCH_SORTS = ['id', 'createdAt', 'source', 'recordCount', 'newCount'] as const;
export type FeedBatchSort = (typeof FEED_BATCH_SORTS)[number];

/** With `page`: one numbered page; without: the `limit` batches before `beforeId`, newest first. Both carry the total. */
export const feedBatchListQuery = z.object({
  source: feedSourceCode.optional(),
  beforeId: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...pagingFields(FEED_BATCH_SORTS),
});

export const feedBatchRow = z.object({
  id: z.number().int(),
  source: feedSourceCode,
  sourceLabel: z.string(),
  fileName: z.string(),
  recordCount: z.number().int(),
  newCount: z.number().int(),
  /** Null for an actor who may not read the registry (see feedBatchOutcome). */
  matchedCount: z.number().int().nullable(),
  unmatchedCount: z.number().int().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type FeedBatchRow = z.infer<typeof feedBatchRow>;

export const feedBatchPage = z.object({
  items: z.array(feedBatchRow),
  /** The cursor of the next batches when paging by `beforeId` (null on a numbered page or at the end). */
  nextBeforeId: z.number().int().nullable(),
  ...pageMeta,
});

export const feedBatchParams = z.object({ id: z.coerce.number().int().positive() });

export const feedRecordsQuery = z.object({
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const feedRecordRow = z.object({
  id: z.number().int(),
  item: z.string(),
  itemLabel: z.string(),
  idMasked: z.string(),
  name: z.string(),
  occurredOn: z.string(),
  amountFen: z.number().int().nullable(),
  note: z.string().nullable(),
  attrs: z.record(z.string(), z.string()),
  /** The person is in the registry now (matching is by ID hash, so it can change later). */
  /** Null for an actor who may not read the registry (see feedBatchOutcome). */
  matched: z.boolean().nullable(),
});
export type FeedRecordRow = z.infer<typeof feedRecordRow>;

export const feedRecordPage = z.object({ items: z.array(feedRecordRow), nextAfterId: z.number().int().nullable() });
