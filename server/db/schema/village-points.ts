import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

// 积分制 (沁发〔2021〕17号 二(三)6 二是; issue 15 item 5): a village's own items with points, each adopted by a decided
// 四议两公开 record of that village; points awarded to households (reason, day, who); redemptions in the 积分超市 that
// never take a balance below zero. Every row carries the village code (org_code) used for scope. Nothing is deleted.

/** An item of a village's points rules (“以表现换积分”). */
export const pointsRules = pgTable(
  'points_rule',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    /** The decided 四议两公开 record that adopted the item (deliberation module). */
    deliberationId: bigint('deliberation_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    /** POINTS_CATEGORIES code. */
    category: text('category').notNull(),
    /** Points per award; negative for a 违规扣分 item. */
    points: integer('points').notNull(),
    note: text('note'),
    active: boolean('active').notNull().default(true),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('points_rule_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    check('points_rule_nonzero', sql`${t.points} <> 0`),
  ],
);

/** Points awarded (or deducted) to a household under an item. */
export const pointsAwards = pgTable(
  'points_award',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    ruleId: bigint('rule_id', { mode: 'number' })
      .notNull()
      .references(() => pointsRules.id),
    /** The item's points when awarded (a later item keeps earlier awards as they were). */
    points: integer('points').notNull(),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    awardedBy: text('awarded_by'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('points_award_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('points_award_household_idx').on(t.householdId),
  ],
);

/** A redemption in the 积分超市 (“以积分换物品”). */
export const pointsRedemptions = pgTable(
  'points_redemption',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    goods: text('goods').notNull(),
    quantity: integer('quantity').notNull().default(1),
    points: integer('points').notNull(),
    redeemedOn: date('redeemed_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: text('recorded_by'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('points_redemption_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('points_redemption_household_idx').on(t.householdId),
    check('points_redemption_positive', sql`${t.points} > 0 AND ${t.quantity} > 0`),
  ],
);
