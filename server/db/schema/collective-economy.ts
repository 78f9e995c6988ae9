import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// 村集体经济 (沁发〔2021〕17号 §二(三)1 四是 光伏收益“持续增加村集体经济收入”, §二(一)5 资产收益, §三(一) 发展壮大脱贫村集体经济):
// a village collective's income of one year by source, entered by the village or township. History is kept: a
// correction supersedes the current row (superseded_at set) and inserts a new one; exactly one current row per
// village and year.
export const collectiveIncomes = pgTable(
  'collective_income',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The village (行政村) whose collective earned it: the scope column. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    year: smallint('year').notNull(),
    /** 经营性资产收益 other than photovoltaic (fen). */
    assetFen: bigint('asset_fen', { mode: 'number' }).notNull().default(0),
    /** 光伏电站收益 (fen). */
    photovoltaicFen: bigint('photovoltaic_fen', { mode: 'number' }).notNull().default(0),
    /** 土地（资源）发包、租赁收入 (fen). */
    landFen: bigint('land_fen', { mode: 'number' }).notNull().default(0),
    /** 集体经营收入 (fen). */
    operationsFen: bigint('operations_fen', { mode: 'number' }).notNull().default(0),
    /** 其他收入 (fen). */
    otherFen: bigint('other_fen', { mode: 'number' }).notNull().default(0),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a later entry for the same village and year replaced this one. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('collective_income_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`, t.year),
    uniqueIndex('collective_income_current_uq')
      .on(t.orgCode, t.year)
      .where(sql`superseded_at IS NULL`),
    check(
      'collective_income_nonneg',
      sql`${t.assetFen} >= 0 AND ${t.photovoltaicFen} >= 0 AND ${t.landFen} >= 0 AND ${t.operationsFen} >= 0 AND ${t.otherFen} >= 0`,
    ),
  ],
);
