import { and, asc, desc, eq, exists, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { feedBatches, feedRecords } from '../../db/schema/feeds.ts';
import { persons } from '../../db/schema/registry.ts';
import { inScope } from '../../db/scope.ts';
import type { Actor } from '../../lib/context.ts';

export type FeedBatchRecord = typeof feedBatches.$inferSelect;
export type FeedBatchInsert = typeof feedBatches.$inferInsert;
export type FeedRecordInsert = typeof feedRecords.$inferInsert;

/** Keys per IN list and rows per multi-row INSERT: well under PostgreSQL's 65,535 bound parameters. */
const LOOKUP_CHUNK = 1000;
const INSERT_CHUNK = 500;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function findBatchByContent(db: Db, countyCode: string, source: string, contentHash: string): Promise<FeedBatchRecord | undefined> {
  const [row] = await db
    .select()
    .from(feedBatches)
    .where(and(eq(feedBatches.countyCode, countyCode), eq(feedBatches.source, source), eq(feedBatches.contentHash, contentHash)));
  return row;
}

/** Which of these record keys are stored already. */
export async function existingRecordKeys(db: Db, countyCode: string, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(keys, LOOKUP_CHUNK)) {
    const rows = await db
      .select({ key: feedRecords.recordKey })
      .from(feedRecords)
      .where(and(eq(feedRecords.countyCode, countyCode), inArray(feedRecords.recordKey, part)));
    for (const r of rows) found.add(r.key);
  }
  return found;
}

/** Which of these ID hashes belong to a registry person of the county. */
export async function registeredIdHashes(db: Db, countyCode: string, hashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(hashes, LOOKUP_CHUNK)) {
    const rows = await db
      .selectDistinct({ idHash: persons.idHash })
      .from(persons)
      .where(and(eq(persons.countyCode, countyCode), inArray(persons.idHash, part)));
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
export async function insertRecords(db: Db, rows: readonly FeedRecordInsert[]): Promise<string[]> {
  const stored: string[] = [];
  for (const part of chunks(rows, INSERT_CHUNK)) {
    const inserted = await db
      .insert(feedRecords)
      .values(part)
      .onConflictDoNothing({ target: [feedRecords.countyCode, feedRecords.recordKey] })
      .returning({ idHash: feedRecords.idHash });
    for (const r of inserted) stored.push(r.idHash);
  }
  return stored;
}

export async function setBatchNewCount(db: Db, id: number, newCount: number): Promise<void> {
  await db.update(feedBatches).set({ newCount }).where(eq(feedBatches.id, id));
}

export interface BatchFilter {
  source?: string;
  beforeId?: number;
  limit: number;
}

/** Newest first, keyset-paged; batches are county-level, so the actor's scope prefix must cover the county. */
export async function listBatches(db: Db, actor: Pick<Actor, 'scopePrefix'>, f: BatchFilter): Promise<FeedBatchRecord[]> {
  const where: SQL[] = [inScope(feedBatches.countyCode, actor)];
  if (f.source) where.push(eq(feedBatches.source, f.source));
  if (f.beforeId) where.push(lt(feedBatches.id, f.beforeId));
  return db
    .select()
    .from(feedBatches)
    .where(and(...where))
    .orderBy(desc(feedBatches.id))
    .limit(f.limit);
}

export async function findBatch(db: Db, actor: Pick<Actor, 'scopePrefix'>, id: number): Promise<FeedBatchRecord | undefined> {
  const [row] = await db
    .select()
    .from(feedBatches)
    .where(and(eq(feedBatches.id, id), inScope(feedBatches.countyCode, actor)));
  return row;
}

/** A batch's records in id order after `afterId`, each with whether its person is registered. */
export async function recordsOfBatch(db: Db, batch: Pick<FeedBatchRecord, 'id' | 'countyCode'>, afterId: number, limit: number) {
  // Built with the query builder so both sides stay table-qualified inside the subquery.
  const person = db.select({ one: sql`1` }).from(persons).where(and(eq(persons.countyCode, feedRecords.countyCode), eq(persons.idHash, feedRecords.idHash)));
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
    .where(and(eq(feedRecords.countyCode, batch.countyCode), eq(feedRecords.batchId, batch.id), gt(feedRecords.id, afterId)))
    .orderBy(asc(feedRecords.id))
    .limit(limit);
}
