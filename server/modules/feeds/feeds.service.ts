import type { FeedImportResult, PushFeedRequest, feedBatchListQuery } from '../../../common/contracts/feeds.ts';
import type { z } from 'zod';
import { maskIdNumber } from '../../../common/domain/id-card.ts';
import { jsonFieldPath, rawRecordOfJson } from '../../../common/domain/feeds/json-record.ts';
import { feedSource, itemLabel, type FeedSourceCode } from '../../../common/domain/feeds/sources.ts';
import { validateFeedRecord, type FeedRecord } from '../../../common/domain/feeds/validate-record.ts';
import { can } from '../../../common/domain/roles.ts';
import type { Db } from '../../db/connect.ts';
import { AppError, type FieldError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow } from '../../lib/paging.ts';
import type { JobProgress, JobsService } from '../jobs/index.ts';
import { countyFor, pushSourceFor, readSourceFor } from './feeds.access.ts';
import { commitBatches, outcomeOf, planBatches, type CommitMeta } from './feeds.batches.ts';
import { collectFeedRows, MAX_REPORTED_ERRORS } from './feeds.collect.ts';
import { findBatch, listBatches, recordsOfBatch } from './feeds.repository.ts';
import { readFeedFile, type FeedFileInput } from './feed-file.ts';

type FeedBatchListQuery = z.infer<typeof feedBatchListQuery>;

/** Called after a batch commits, with the ID hashes of registry persons who got new records. */
export type BatchCommittedHook = (batchId: number, affectedPersonIdHashes: string[]) => Promise<void> | void;

export interface FeedsServiceOptions {
  onBatchCommitted?: BatchCommittedHook;
  clock?: Clock;
  /** Where a failing hook is reported; the batch stays committed. */
  log?: (err: unknown) => void;
}

export interface ImportFeedOptions {
  fileName: string;
  dryRun: boolean;
  source?: FeedSourceCode;
  /** For system work (CLI) only: the county the file belongs to. */
  countyCode?: string;
}
export type ImportFeedInput = FeedFileInput & ImportFeedOptions & { progress?: JobProgress };

const MAX_PUSH_FIELD_ERRORS = 1000;

/**
 * Whether a person is in the registry is registry information: an actor who may not read the registry
 * (a line department pushing its data) gets no matched / unmatched figures, for a dry run or otherwise,
 * so pushing an ID cannot tell them whether it is registered.
 */
const seesRegistry = (ctx: RequestContext) => can(ctx.actor.role, 'registry:read');
function withheld<T extends { matchedCount: number | null; unmatchedCount: number | null }>(
  ctx: RequestContext,
  row: T,
): T {
  return seesRegistry(ctx) ? row : { ...row, matchedCount: null, unmatchedCount: null };
}

export function createFeedsService(db: Db, box: PersonalDataBox, jobs: JobsService, options: FeedsServiceOptions = {}) {
  const { onBatchCommitted = () => {}, clock = systemClock, log = () => {} } = options;
  const today = () => todayInChina(clock());

  /** Dry run: counts of what would happen. Otherwise commit, then tell the monitoring engine. */
  async function settle(
    ctx: RequestContext,
    records: FeedRecord[],
    meta: CommitMeta,
    dryRun: boolean,
    progress?: JobProgress,
  ) {
    await progress?.report(0, records.length, `比对户籍 ${records.length} 条 / matching ${records.length} records`);
    const plans = await planBatches(db, box, meta.countyCode, records);
    if (dryRun) {
      const batches = plans.map((p) =>
        outcomeOf(
          p,
          p.sameBatchId !== null || p.storedKeys.size === p.records.length ? 'alreadyImported' : 'checked',
          p.sameBatchId,
        ),
      );
      return { status: 'checked' as const, batches: batches.map((b) => withheld(ctx, b)) };
    }
    await progress?.report(0, records.length, `写入 ${records.length} 条 / writing ${records.length} records`);
    const { outcomes, committed } = await commitBatches(db, ctx, box, plans, meta);
    for (const c of committed) {
      try {
        await onBatchCommitted(c.batchId, c.affectedIdHashes);
      } catch (err) {
        log(err);
      }
    }
    const status = outcomes.some((o) => o.status === 'imported') ? ('imported' as const) : ('alreadyImported' as const);
    return { status, batches: outcomes.map((o) => withheld(ctx, o)) };
  }

  /** A CSV or XLSX file, all or nothing: any row error and nothing is written. */
  async function importFeed(ctx: RequestContext, input: ImportFeedInput): Promise<FeedImportResult> {
    const source = pushSourceFor(ctx, input.source);
    const countyCode = countyFor(ctx, input.countyCode);
    const { progress } = input;
    const collected = await collectFeedRows(readFeedFile(input), { today: today(), source }, (n) =>
      progress ? progress.report(n, null, `已读取 ${n} 行 / ${n} rows read`) : Promise.resolve(),
    );
    const base = {
      dryRun: input.dryRun,
      fileName: input.fileName,
      rowCount: collected.rowCount,
      errorCount: collected.errorCount,
      errors: collected.errors,
      errorsTruncated: collected.errorCount > MAX_REPORTED_ERRORS,
      unknownColumns: collected.unknownColumns,
    };
    if (collected.errorCount > 0) return { ...base, status: 'rejected', batches: [] };
    const meta: CommitMeta = {
      countyCode,
      orgCode: ctx.actor.scopePrefix === '' ? countyCode : ctx.actor.orgCode,
      fileName: input.fileName,
      channel: 'file',
    };
    return { ...base, ...(await settle(ctx, collected.records, meta, input.dryRun, progress)) };
  }

  /** Checked before an upload is read, so a refused user's file is never taken in. */
  function authorizeImport(ctx: RequestContext, source: FeedSourceCode | undefined, countyCode?: string): void {
    pushSourceFor(ctx, source);
    countyFor(ctx, countyCode);
  }

  /** The import as a background job with progress; the job's result is the FeedImportResult. */
  async function startImport(ctx: RequestContext, input: FeedFileInput & ImportFeedOptions) {
    authorizeImport(ctx, input.source, input.countyCode);
    return jobs.start(ctx, 'feeds.import', (progress) => importFeed(ctx, { ...input, progress }));
  }

  /** A department system's JSON push: the same checks; errors come back as field messages. */
  async function pushRecords(ctx: RequestContext, request: PushFeedRequest): Promise<FeedImportResult> {
    const source = pushSourceFor(ctx, request.source)!;
    const countyCode = countyFor(ctx, undefined);
    const records: FeedRecord[] = [];
    const fields: FieldError[] = [];
    const unknown = new Set<string>();
    request.records.forEach((pushed, index) => {
      const raw = rawRecordOfJson(pushed, source);
      for (const key of Object.keys(raw.extra)) unknown.add(`attrs.${key}`);
      const result = validateFeedRecord(raw, { today: today(), source });
      if (result.ok) records.push(result.record);
      else
        for (const e of result.errors)
          fields.push({ field: jsonFieldPath(index, e.field), messageZh: e.reasonZh, messageEn: e.reasonEn });
    });
    if (fields.length > 0) {
      const shown = fields.slice(0, MAX_PUSH_FIELD_ERRORS);
      if (fields.length > shown.length)
        shown.push({
          field: 'records',
          messageZh: `另有 ${fields.length - shown.length} 处错误未列出`,
          messageEn: `${fields.length - shown.length} more errors not listed`,
        });
      throw AppError.validation(shown);
    }
    const fileName = request.fileName ?? `${feedSource(source).zh}推送 ${new Date(clock()).toISOString()}`;
    const meta: CommitMeta = { countyCode, orgCode: ctx.actor.orgCode, fileName, channel: 'push' };
    const settled = await settle(ctx, records, meta, request.dryRun);
    return {
      dryRun: request.dryRun,
      fileName,
      rowCount: request.records.length,
      errorCount: 0,
      errors: [],
      errorsTruncated: false,
      unknownColumns: [...unknown],
      ...settled,
    };
  }

  /** The batches list: a numbered page with `page`, else by `beforeId` cursor; the total either way. */
  async function batches(ctx: RequestContext, query: FeedBatchListQuery) {
    const source = readSourceFor(ctx, query.source);
    const { rows, total } = await listBatches(db, ctx.actor, { ...query, source });
    const items = rows.map((b) =>
      withheld(ctx, {
        id: b.id,
        source: b.source as FeedSourceCode,
        sourceLabel: feedSource(b.source as FeedSourceCode).zh,
        fileName: b.fileName,
        recordCount: b.recordCount,
        newCount: b.newCount,
        matchedCount: b.matchedCount as number | null,
        unmatchedCount: b.unmatchedCount as number | null,
        uploadedByName: b.uploadedByName,
        createdAt: b.createdAt.toISOString(),
      }),
    );
    if (query.page !== undefined) {
      const win = pageWindow(query);
      return { items, nextBeforeId: null, total, page: query.page, pageSize: win.pageSize };
    }
    const nextBeforeId = rows.length === query.limit ? items[items.length - 1].id : null;
    return { items, nextBeforeId, total, page: 1, pageSize: query.limit };
  }

  /** A batch's records with masked IDs; a department user reaches only batches of their source. */
  async function batchRecords(ctx: RequestContext, batchId: number, query: { afterId: number; limit: number }) {
    const source = readSourceFor(ctx, undefined);
    const batch = await findBatch(db, ctx.actor, batchId);
    if (!batch || (source && batch.source !== source)) throw AppError.notFound({ zh: '数据批次', en: 'Feed batch' });
    const rows = await recordsOfBatch(db, batch, query.afterId, query.limit);
    const items = rows.map((r) => ({
      id: r.id,
      item: r.item,
      itemLabel: itemLabel(r.item),
      idMasked: maskIdNumber(box.decrypt(r.idCipher)),
      name: r.name,
      occurredOn: r.occurredOn,
      amountFen: r.amountFen,
      note: r.note,
      attrs: r.attrs ?? {},
      matched: seesRegistry(ctx) ? r.matched : null,
    }));
    return { items, nextAfterId: rows.length === query.limit ? items[items.length - 1].id : null };
  }

  return { importFeed, authorizeImport, startImport, pushRecords, batches, batchRecords };
}

export type FeedsService = ReturnType<typeof createFeedsService>;
