import type { z } from 'zod';
import type { feedBatchListQuery } from '#common/contracts/feeds.ts';
import { maskIdNumber } from '#common/domain/id-card.ts';
import { feedSource, itemLabel, type FeedSourceCode } from '#common/domain/feeds/sources.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { readSourceFor } from './feeds.access.ts';
import { findBatch, listBatches, recordsOfBatch } from './feeds.repository.ts';
import { seesRegistry, withheld, type FeedsDeps } from './feeds.shared.ts';

// The batches received and one batch's records (IDs masked; registry matches withheld from line departments).

type FeedBatchListQuery = z.infer<typeof feedBatchListQuery>;

/** The batches list: a numbered page with `page`, else by `beforeId` cursor; the total either way. */
export async function batches({ db }: FeedsDeps, ctx: RequestContext, query: FeedBatchListQuery) {
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
export async function batchRecords(
  { db, box }: FeedsDeps,
  ctx: RequestContext,
  batchId: number,
  query: { afterId: number; limit: number },
) {
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
