import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// 消费帮扶 (沁发〔2021〕17号 §二(三)1 二是: 线上线下专柜、专区、专馆“三专”平台，到2025年建成2个专馆、2个专区、20个专柜):
// outlets with location and operator, the products sold and who supplies them (a 脱贫户 of the registry or a 合作社 by
// name), and monthly sales per outlet and product. Outlets are closed (end-dated), never deleted; a month's sales
// figure is corrected in place (audited with before/after).

/** A 专馆 / 专区 / 专柜, online or offline. */
export const consumerOutlets = pgTable(
  'consumer_outlet',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The org unit it belongs to (county, township or village): the scope column. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    kind: text('kind', { enum: ['pavilion', 'zone', 'counter'] }).notNull(),
    channel: text('channel', { enum: ['offline', 'online'] })
      .notNull()
      .default('offline'),
    name: text('name').notNull(),
    location: text('location').notNull(),
    operator: text('operator').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeNote: text('close_note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consumer_outlet_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`)],
);

/** A product on sale and its supplier: a registry household (脱贫户) or a cooperative named. */
export const consumerProducts = pgTable(
  'consumer_product',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The supplier household's village, or the unit the cooperative was entered under: the scope column. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    supplierKind: text('supplier_kind', { enum: ['household', 'cooperative'] }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }),
    /** The cooperative's name (supplierKind cooperative). */
    supplierName: text('supplier_name'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consumer_product_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('consumer_product_household_idx').on(t.householdId),
    check(
      'consumer_product_supplier',
      sql`(${t.supplierKind} = 'household' AND ${t.householdId} IS NOT NULL) OR (${t.supplierKind} = 'cooperative' AND ${t.supplierName} IS NOT NULL)`,
    ),
  ],
);

/** Sales of one product at one outlet in one month (fen). */
export const consumerSales = pgTable(
  'consumer_sale',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The outlet's org unit (scope). */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    outletId: bigint('outlet_id', { mode: 'number' })
      .notNull()
      .references(() => consumerOutlets.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => consumerProducts.id),
    period: char('period', { length: 7 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consumer_sale_uq').on(t.outletId, t.productId, t.period),
    index('consumer_sale_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`, t.period),
    check('consumer_sale_nonneg', sql`${t.amountFen} >= 0`),
  ],
);
