import {
  bigint,
  bigserial,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// Department data (部门信息比对, formats.md §2). Records are matched to registry persons through the
// ID hash at evaluation time, so a record that matched nobody on arrival matches once the person is registered.

export const feedBatches = pgTable(
  'feed_batch',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** 数据来源 code: medical, education, housing, civil, disability, hr, emergency, police, market, finance, water. */
    source: varchar('source', { length: 20 }).notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the normalised records: the same batch twice is recognised and changes nothing. */
    contentHash: char('content_hash', { length: 64 }).notNull(),
    recordCount: integer('record_count').notNull(),
    newCount: integer('new_count').notNull(),
    matchedCount: integer('matched_count').notNull(),
    unmatchedCount: integer('unmatched_count').notNull(),
    uploadedById: integer('uploaded_by_id'),
    uploadedByName: text('uploaded_by_name'),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feed_batch_content_uq').on(t.countyCode, t.source, t.contentHash)],
);

export const feedRecords = pgTable(
  'feed_record',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => feedBatches.id),
    source: varchar('source', { length: 20 }).notNull(),
    /** 事项 code, e.g. inpatientOutOfPocket, dropout, unsafeHouse, death. */
    item: varchar('item', { length: 40 }).notNull(),
    idHash: char('id_hash', { length: 64 }).notNull(),
    idCipher: text('id_cipher').notNull(),
    name: text('name').notNull(),
    occurredOn: date('occurred_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    note: text('note'),
    /** The optional columns of formats.md §2 (学段, 等级, 残疾类别/等级, 断缴月数, 灾种, 车辆类型, 企业名称, 单位). */
    attrs: jsonb('attrs').$type<Record<string, string>>(),
    /** Hash of (source, item, ID, date, amount, attrs): a record pushed twice is stored once. */
    recordKey: char('record_key', { length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex('feed_record_key_uq').on(t.countyCode, t.recordKey),
    index('feed_record_person_idx').on(t.countyCode, t.idHash, t.source, t.item, t.occurredOn),
    index('feed_record_batch_idx').on(t.batchId),
  ],
);
