import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// The poverty-alleviation project asset ledger (扶贫项目资产台账, policy-rules §5): one row per asset, in
// three categories; the county 总账 and the township/village 明细台账 are views of the same rows, scoped
// by org_code. Operating assets record income and its distribution (decided by 四议两公开); disposal
// returns the proceeds to the owner.

export const assets = pgTable(
  'asset',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    code: varchar('code', { length: 40 }).notNull(),
    name: text('name').notNull(),
    category: text('category', { enum: ['operating', 'publicWelfare', 'household'] }).notNull(),
    projectId: bigint('project_id', { mode: 'number' }),
    originYear: smallint('origin_year').notNull(),
    /** Fund sources and amounts (fen). */
    fundSources: jsonb('fund_sources')
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    originalValueFen: bigint('original_value_fen', { mode: 'number' }).notNull(),
    bookValueFen: bigint('book_value_fen', { mode: 'number' }).notNull(),
    /** The org unit the asset sits in (scope). */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    location: text('location'),
    quantity: numeric('quantity', { precision: 14, scale: 2, mode: 'number' }).notNull().default(1),
    unit: text('unit').notNull().default('项'),
    ownerLevel: text('owner_level', { enum: ['county', 'township', 'village', 'household'] }).notNull(),
    /** The owning unit (县/乡/村 code) or, for 到户类, a description of the households. */
    ownerName: text('owner_name').notNull(),
    operator: text('operator'),
    custodian: text('custodian'),
    custodianPerson: text('custodian_person'),
    beneficiaries: text('beneficiaries'),
    photovoltaic: boolean('photovoltaic').notNull().default(false),
    status: text('status', { enum: ['inUse', 'disposed'] })
      .notNull()
      .default('inUse'),
    disposalReason: text('disposal_reason', { enum: ['disaster', 'accident', 'endOfLife', 'planning'] }),
    disposedOn: date('disposed_on', { mode: 'string' }),
    disposalProceedsFen: bigint('disposal_proceeds_fen', { mode: 'number' }),
    disposalNote: text('disposal_note'),
    /** The decided 四议两公开 record of the owning village that authorised the disposal. */
    disposalDeliberationId: bigint('disposal_deliberation_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('asset_code_uq').on(t.countyCode, t.code),
    index('asset_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('asset_project_idx').on(t.projectId),
    check('asset_values_nonneg', sql`${t.originalValueFen} >= 0 AND ${t.bookValueFen} >= 0`),
  ],
);

export const assetIncomes = pgTable(
  'asset_income',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assetId: bigint('asset_id', { mode: 'number' })
      .notNull()
      .references(() => assets.id),
    year: smallint('year').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** 运营管护 / 巩固帮扶 / 村公益事业 / 公益岗位, fen, adding up to the amount. */
    distribution: jsonb('distribution').$type<Record<string, number>>().notNull(),
    deliberationId: bigint('deliberation_id', { mode: 'number' }).notNull(),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('asset_income_asset_idx').on(t.assetId, t.id), check('asset_income_positive', sql`${t.amountFen} > 0`)],
);
