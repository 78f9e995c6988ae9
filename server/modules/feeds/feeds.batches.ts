// Checked records → one batch per source: keyed, de-duplicated, matched against the registry,
// then (unless a dry run) written in one transaction with one audit row per batch.

import type { z } from 'zod';
import type { feedBatchOutcome } from '#common/contracts/feeds.ts';
import { feedSource, type FeedSourceCode } from '#common/domain/feeds/sources.ts';
import type { FeedRecord } from '#common/domain/feeds/validate-record.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { recordAudit } from '../audit/index.ts';
import { contentHashOf, recordKeyOf } from './feeds.keys.ts';
import {
  existingRecordKeys,
  findBatchByContent,
  insertBatch,
  insertRecords,
  registeredIdHashes,
  setBatchNewCount,
  type FeedRecordInsert,
} from './feeds.repository.ts';

export type FeedBatchOutcome = z.infer<typeof feedBatchOutcome>;

interface KeyedRecord {
  record: FeedRecord;
  idHash: string;
  recordKey: string;
}

export interface BatchPlan {
  source: FeedSourceCode;
  records: KeyedRecord[];
  duplicateRows: number;
  contentHash: string;
  /** The batch that holds exactly these records already, if any. */
  sameBatchId: number | null;
  storedKeys: Set<string>;
  registered: Set<string>;
}

export interface CommittedBatch {
  batchId: number;
  /** ID hashes of registry persons who got new records: the households to re-evaluate. */
  affectedIdHashes: string[];
}

/** Groups by source and drops rows that repeat an earlier row of the same file. */
function keyBySource(records: readonly FeedRecord[], box: PersonalDataBox) {
  const bySource = new Map<FeedSourceCode, { records: KeyedRecord[]; keys: Set<string>; duplicateRows: number }>();
  for (const record of records) {
    const idHash = box.hash(record.residentId);
    const recordKey = recordKeyOf({
      source: record.source,
      item: record.item,
      idHash,
      occurredOn: record.occurredOn,
      amountFen: record.amountFen,
      attrs: record.attrs,
    });
    let group = bySource.get(record.source);
    if (!group) bySource.set(record.source, (group = { records: [], keys: new Set(), duplicateRows: 0 }));
    if (group.keys.has(recordKey)) group.duplicateRows += 1;
    else {
      group.keys.add(recordKey);
      group.records.push({ record, idHash, recordKey });
    }
  }
  return bySource;
}

export async function planBatches(
  db: Db,
  box: PersonalDataBox,
  countyCode: string,
  records: readonly FeedRecord[],
): Promise<BatchPlan[]> {
  const plans: BatchPlan[] = [];
  for (const [source, group] of keyBySource(records, box)) {
    const contentHash = contentHashOf(group.keys);
    const same = await findBatchByContent(db, countyCode, source, contentHash);
    plans.push({
      source,
      records: group.records,
      duplicateRows: group.duplicateRows,
      contentHash,
      sameBatchId: same?.id ?? null,
      storedKeys: same ? group.keys : await existingRecordKeys(db, countyCode, [...group.keys]),
      registered: await registeredIdHashes(db, countyCode, [...new Set(group.records.map((r) => r.idHash))]),
    });
  }
  return plans;
}

export function outcomeOf(
  plan: BatchPlan,
  status: FeedBatchOutcome['status'],
  batchId: number | null,
  newCount?: number,
): FeedBatchOutcome {
  const fresh = newCount ?? plan.records.length - plan.storedKeys.size;
  const matched = plan.records.filter((r) => plan.registered.has(r.idHash)).length;
  return {
    source: plan.source,
    sourceLabel: feedSource(plan.source).zh,
    batchId,
    status,
    recordCount: plan.records.length,
    newCount: fresh,
    existingCount: plan.records.length - fresh,
    duplicateRows: plan.duplicateRows,
    matchedCount: matched,
    unmatchedCount: plan.records.length - matched,
  };
}

/** Note and unknown columns are kept with the record (attrs `extra.<header>`), outside the record key. */
function rowOf(r: KeyedRecord, countyCode: string, batchId: number, box: PersonalDataBox): FeedRecordInsert {
  const extra = Object.fromEntries(Object.entries(r.record.extra).map(([k, v]) => [`extra.${k}`, v]));
  const attrs = { ...r.record.attrs, ...extra };
  return {
    countyCode,
    batchId,
    source: r.record.source,
    item: r.record.item,
    idHash: r.idHash,
    idCipher: box.encrypt(r.record.idNumber),
    name: r.record.name,
    occurredOn: r.record.occurredOn,
    amountFen: r.record.amountFen,
    note: r.record.note,
    attrs: Object.keys(attrs).length > 0 ? attrs : null,
    recordKey: r.recordKey,
  };
}

export interface CommitMeta {
  countyCode: string;
  orgCode: string;
  fileName: string;
  channel: 'file' | 'push';
}

/** Writes every plan with new records in one transaction; returns outcomes and what to re-evaluate. */
export async function commitBatches(
  db: Db,
  ctx: RequestContext,
  box: PersonalDataBox,
  plans: BatchPlan[],
  meta: CommitMeta,
) {
  const outcomes: FeedBatchOutcome[] = [];
  const committed: CommittedBatch[] = [];
  await db.transaction(async (tx) => {
    for (const plan of plans) {
      const fresh = plan.records.filter((r) => !plan.storedKeys.has(r.recordKey));
      if (plan.sameBatchId !== null || fresh.length === 0) {
        outcomes.push(outcomeOf(plan, 'alreadyImported', plan.sameBatchId, 0));
        continue;
      }
      const expected = outcomeOf(plan, 'imported', null);
      const batchId = await insertBatch(tx, {
        countyCode: meta.countyCode,
        source: plan.source,
        fileName: meta.fileName,
        contentHash: plan.contentHash,
        recordCount: expected.recordCount,
        newCount: expected.newCount,
        matchedCount: expected.matchedCount ?? 0,
        unmatchedCount: expected.unmatchedCount ?? 0,
        uploadedById: ctx.actor.id || null,
        uploadedByName: ctx.actor.displayName,
        orgCode: meta.orgCode,
      });
      if (batchId === null) {
        // The same content was committed meanwhile by another import.
        const same = await findBatchByContent(tx, meta.countyCode, plan.source, plan.contentHash);
        outcomes.push(outcomeOf(plan, 'alreadyImported', same?.id ?? null, 0));
        continue;
      }
      const storedHashes = await insertRecords(
        tx,
        fresh.map((r) => rowOf(r, meta.countyCode, batchId, box)),
      );
      if (storedHashes.length !== fresh.length) await setBatchNewCount(tx, batchId, storedHashes.length);
      const outcome = outcomeOf(plan, 'imported', batchId, storedHashes.length);
      outcomes.push(outcome);
      const { batchId: _b, status: _s, sourceLabel: _l, ...counts } = outcome;
      await recordAudit(tx, ctx, {
        action: `feeds.${meta.channel}`,
        entity: 'feed_batch',
        entityId: batchId,
        orgCode: meta.orgCode,
        after: { fileName: meta.fileName, ...counts },
      });
      committed.push({ batchId, affectedIdHashes: [...new Set(storedHashes.filter((h) => plan.registered.has(h)))] });
    }
  });
  return { outcomes, committed };
}
