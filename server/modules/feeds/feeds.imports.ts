import type { FeedImportResult, PushFeedRequest } from '#common/contracts/feeds.ts';
import { jsonFieldPath, rawRecordOfJson } from '#common/domain/feeds/json-record.ts';
import { feedSource, type FeedSourceCode } from '#common/domain/feeds/sources.ts';
import { validateFeedRecord, type FeedRecord } from '#common/domain/feeds/validate-record.ts';
import { AppError, type FieldError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { JobProgress } from '../jobs/index.ts';
import { countyFor, pushSourceFor } from './feeds.access.ts';
import { commitBatches, outcomeOf, planBatches, type CommitMeta } from './feeds.batches.ts';
import { collectFeedRows, MAX_REPORTED_ERRORS } from './feeds.collect.ts';
import { withheld, type FeedsDeps, type ImportFeedInput, type ImportFeedOptions } from './feeds.shared.ts';
import { readFeedFile, type FeedFileInput } from './feed-file.ts';

// Department records in: a file (CSV or XLSX, checked whole, as a job with progress) or a system's JSON push.

const MAX_PUSH_FIELD_ERRORS = 1000;

/** Dry run: counts of what would happen. Otherwise commit, then tell the monitoring engine. */
async function settle(
  deps: FeedsDeps,
  ctx: RequestContext,
  records: FeedRecord[],
  meta: CommitMeta,
  dryRun: boolean,
  progress?: JobProgress,
) {
  const { db, box } = deps;
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
      await deps.onBatchCommitted(c.batchId, c.affectedIdHashes);
    } catch (err) {
      deps.log(err);
    }
  }
  const status = outcomes.some((o) => o.status === 'imported') ? ('imported' as const) : ('alreadyImported' as const);
  return { status, batches: outcomes.map((o) => withheld(ctx, o)) };
}

/** A CSV or XLSX file, all or nothing: any row error and nothing is written. */
export async function importFeed(
  deps: FeedsDeps,
  ctx: RequestContext,
  input: ImportFeedInput,
): Promise<FeedImportResult> {
  const source = pushSourceFor(ctx, input.source);
  const countyCode = countyFor(ctx, input.countyCode);
  const { progress } = input;
  const collected = await collectFeedRows(readFeedFile(input), { today: todayInChina(deps.clock()), source }, (n) =>
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
  return { ...base, ...(await settle(deps, ctx, collected.records, meta, input.dryRun, progress)) };
}

/** Checked before an upload is read, so a refused user's file is never taken in. */
export function authorizeImport(
  _deps: FeedsDeps,
  ctx: RequestContext,
  source: FeedSourceCode | undefined,
  countyCode?: string,
): void {
  pushSourceFor(ctx, source);
  countyFor(ctx, countyCode);
}

/** The import as a background job with progress; the job's result is the FeedImportResult. */
export async function startImport(deps: FeedsDeps, ctx: RequestContext, input: FeedFileInput & ImportFeedOptions) {
  authorizeImport(deps, ctx, input.source, input.countyCode);
  return deps.jobs.start(ctx, 'feeds.import', (progress) => importFeed(deps, ctx, { ...input, progress }));
}

/** The pushed records checked: the valid ones, or a 400 with a field message per error (at most 1,000 listed). */
function checkPushed(request: PushFeedRequest, source: FeedSourceCode, today: string) {
  const records: FeedRecord[] = [];
  const fields: FieldError[] = [];
  const unknown = new Set<string>();
  request.records.forEach((pushed, index) => {
    const raw = rawRecordOfJson(pushed, source);
    for (const key of Object.keys(raw.extra)) unknown.add(`attrs.${key}`);
    const result = validateFeedRecord(raw, { today, source });
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
  return { records, unknown };
}

/** A department system's JSON push: the same checks; errors come back as field messages. */
export async function pushRecords(
  deps: FeedsDeps,
  ctx: RequestContext,
  request: PushFeedRequest,
): Promise<FeedImportResult> {
  const source = pushSourceFor(ctx, request.source)!;
  const countyCode = countyFor(ctx, undefined);
  const { records, unknown } = checkPushed(request, source, todayInChina(deps.clock()));
  const fileName = request.fileName ?? `${feedSource(source).zh}推送 ${new Date(deps.clock()).toISOString()}`;
  const meta: CommitMeta = { countyCode, orgCode: ctx.actor.orgCode, fileName, channel: 'push' };
  const settled = await settle(deps, ctx, records, meta, request.dryRun);
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
