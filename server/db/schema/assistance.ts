import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

// Assistance (帮扶措施, policy-rules §4): the measures on a household, each addressing one risk.
// Read by the elimination workflow (帮扶消除 needs at least one measure for the risk) and the
// obligations board. Every table carries county_code; money is integer fen.

export const assistanceMeasures = pgTable(
  'assistance_measure',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    /** The risk (RISK_TYPES code) the measure addresses. */
    riskType: varchar('risk_type', { length: 30 }).notNull(),
    /** One of the 14 national categories (industry, employment, finance, publicWelfarePost, health, …). */
    category: varchar('category', { length: 30 }).notNull(),
    subType: varchar('sub_type', { length: 60 }),
    department: text('department'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['planned', 'ongoing', 'completed', 'stopped'] }).notNull().default('ongoing'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistance_measure_household_idx').on(t.countyCode, t.householdId, t.riskType),
    index('assistance_measure_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
  ],
);
