import { and, asc, desc, eq, exists, gt, lt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { pgArray } from '#server/db/pg-array.ts';
import { feedBatches, feedRecords } from '#server/db/schema/feeds.ts';
import { persons } from '#server/db/schema/registry.ts';
import { inScope } from '#server/db/scope.ts';
import type { Actor } from '#server/lib/context.ts';
import { orderBy, pageWindow, type SortColumns } from '#server/lib/paging.ts';
import type { FeedBatchSort } from '#common/contracts/feeds.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';

export type FeedBatchRecord = typeof feedBatches.$inferSelect;
export type FeedBatchInsert = typeof feedBatches.$inferInsert;
export type FeedRecordInsert = typeof feedRecords.$inferInsert;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function findBatchByContent(
  db: Db,
  countyCode: string,
  source: string,
  contentHash: string,
): Promise<FeedBatchRecord | undefined> {
  const [row] = await db
    .select()
    .from(feedBatches)
    .where(
      and(
        eq(feedBatches.countyCode, countyCode),
        eq(feedBatches.source, source),
        eq(feedBatches.contentHash, contentHash),
      ),
    );
  return row;
}

// Lookups and inserts bind whole arrays (= ANY($1), unnest): a handful of parameters per statement
// however many records, instead of one per value (a 20k-record file: 4.8k → see bench (e)).
const LOOKUP_CHUNK = 20_000;
const INSERT_CHUNK = 5_000;

/** Which of these record keys are stored already. */
export async function existingRecordKeys(db: Db, countyCode: string, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(keys, LOOKUP_CHUNK)) {
    const rows = await queryRows<{ key: string }>(
      db,
      sql`SELECT record_key AS key FROM feed_record WHERE county_code = ${countyCode} AND record_key = ANY(${pgArray(part)}::char(64)[])`,
    );
    for (const r of rows) found.add(r.key);
  }
  return found;
}

/** Which of these ID hashes belong to a registry person of the county. */
export async function registeredIdHashes(db: Db, countyCode: string, hashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(hashes, LOOKUP_CHUNK)) {
    const rows = await queryRows<{ idHash: string }>(
      db,
      sql`SELECT DISTINCT id_hash AS "idHash" FROM person WHERE county_code = ${countyCode} AND id_hash = ANY(${pgArray(part)}::char(64)[])`,
    );
    for (const r of rows) found.add(r.idHash);
  }
  return found;
}

/** The new batch's id, or null when a batch with the same content won the race. */
export async function insertBatch(db: Db, row: FeedBatchInsert): Promise<number | null> {
  const [inserted] = await db
    .insert(feedBatches)
    .values(row)
    .onConflictDoNothing({ target: [feedBatches.countyCode, feedBatches.source, feedBatches.contentHash] })
    .returning({ id: feedBatches.id });
  return inserted?.id ?? null;
}

/** Multi-row inserts; a key stored meanwhile by another batch is skipped. Returns the ID hashes stored. */
/** Inserts records (a record key already stored is skipped); answers the ID hashes of those stored. */
export async function insertRecords(db: Db, rows: readonly FeedRecordInsert[]): Promise<string[]> {
  const stored: string[] = [];
  const column = <K extends keyof FeedRecordInsert>(part: readonly FeedRecordInsert[], key: K) =>
    pgArray(part.map((r) => (r[key] ?? null) as string | number | null));
  for (const part of chunks(rows, INSERT_CHUNK)) {
    const inserted = await queryRows<{ idHash: string }>(
      db,
      sql`INSERT INTO feed_record (county_code, batch_id, source, item, id_hash, id_cipher, name, occurred_on, amount_fen, note, attrs, record_key)
        SELECT * FROM unnest(${column(part, 'countyCode')}::varchar[], ${column(part, 'batchId')}::bigint[], ${column(part, 'source')}::varchar[],
          ${column(part, 'item')}::varchar[], ${column(part, 'idHash')}::char(64)[], ${column(part, 'idCipher')}::text[], ${column(part, 'name')}::text[],
          ${column(part, 'occurredOn')}::date[], ${column(part, 'amountFen')}::bigint[], ${column(part, 'note')}::text[],
          ${pgArray(part.map((r) => (r.attrs ? JSON.stringify(r.attrs) : null)))}::jsonb[], ${column(part, 'recordKey')}::char(64)[])
        ON CONFLICT (county_code, record_key) DO NOTHING
        RETURNING id_hash AS "idHash"`,
    );
    for (const r of inserted) stored.push(r.idHash);
  }
  return stored;
}

export async function setBatchNewCount(db: Db, id: number, newCount: number): Promise<void> {
  await db.update(feedBatches).set({ newCount }).where(eq(feedBatches.id, id));
}

export interface BatchFilter extends PagingQuery<FeedBatchSort> {
  source?: string;
  beforeId?: number;
  limit: number;
}

const BATCH_SORT_COLUMNS: SortColumns<FeedBatchSort> = {
  id: sql`${feedBatches.id}`,
  createdAt: sql`${feedBatches.createdAt}`,
  source: sql`${feedBatches.source}`,
  recordCount: sql`${feedBatches.recordCount}`,
  newCount: sql`${feedBatches.newCount}`,
};

/** The one where-clause of the batches list (its page and its total); batches are county-level, so the actor's scope prefix must cover the county. */
function batchWhere(actor: Pick<Actor, 'scopePrefix'>, f: Pick<BatchFilter, 'source'>): SQL | undefined {
  const where: SQL[] = [inScope(feedBatches.countyCode, actor)];
  if (f.source) where.push(eq(feedBatches.source, f.source));
  return and(...where);
}

/**
 * One page of batches and the total the filters match: a numbered page (`page`, sorted by the whitelist,
 * newest first by default) or, without `page`, the `limit` batches before `beforeId`, newest first.
 */
export async function listBatches(
  db: Db,
  actor: Pick<Actor, 'scopePrefix'>,
  f: BatchFilter,
): Promise<{ rows: FeedBatchRecord[]; total: number }> {
  const where = batchWhere(actor, f);
  const numbered = f.page !== undefined;
  const win = pageWindow(numbered ? f : { limit: f.limit });
  const order =
    numbered && f.sort ? orderBy(BATCH_SORT_COLUMNS, f, sql`${feedBatches.id}`, 'id') : desc(feedBatches.id);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(feedBatches)
      .where(!numbered && f.beforeId ? and(where, lt(feedBatches.id, f.beforeId)) : where)
      .orderBy(order)
      .limit(win.pageSize)
      .offset(win.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(feedBatches)
      .where(where),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findBatch(
  db: Db,
  actor: Pick<Actor, 'scopePrefix'>,
  id: number,
): Promise<FeedBatchRecord | undefined> {
  const [row] = await db
    .select()
    .from(feedBatches)
    .where(and(eq(feedBatches.id, id), inScope(feedBatches.countyCode, actor)));
  return row;
}

/** A batch's records in id order after `afterId`, each with whether its person is registered. */
export async function recordsOfBatch(
  db: Db,
  batch: Pick<FeedBatchRecord, 'id' | 'countyCode'>,
  afterId: number,
  limit: number,
) {
  // Built with the query builder so both sides stay table-qualified inside the subquery.
  const person = db
    .select({ one: sql`1` })
    .from(persons)
    .where(and(eq(persons.countyCode, feedRecords.countyCode), eq(persons.idHash, feedRecords.idHash)));
  const matched = sql<boolean>`${exists(person)}`;
  return db
    .select({
      id: feedRecords.id,
      item: feedRecords.item,
      idCipher: feedRecords.idCipher,
      name: feedRecords.name,
      occurredOn: feedRecords.occurredOn,
      amountFen: feedRecords.amountFen,
      note: feedRecords.note,
      attrs: feedRecords.attrs,
      matched,
    })
    .from(feedRecords)
    .where(
      and(eq(feedRecords.countyCode, batch.countyCode), eq(feedRecords.batchId, batch.id), gt(feedRecords.id, afterId)),
    )
    .orderBy(asc(feedRecords.id))
    .limit(limit);
}
