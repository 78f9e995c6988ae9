import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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

// 易地扶贫搬迁后续扶持 (沁发〔2021〕17号 §二(一)4): 安置点 and the registry households relocated into them. The
// check "有劳动能力的搬迁家庭每户至少一人稳定就业" is computed from the employment ledger, not stored. Rows carry
// county_code and the org code used for scope; a household's relocation is end-dated when corrected, never deleted.

/** 安置点: a resettlement site in a village or community. */
export const relocationSites = pgTable(
  'relocation_site',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The village or community (org unit) where the site is. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    /** Planned size: households and people. */
    plannedHouseholds: integer('planned_households').notNull(),
    plannedPeople: integer('planned_people'),
    completedOn: date('completed_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('relocation_site_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    uniqueIndex('relocation_site_name_uq').on(t.countyCode, t.name),
    check(
      'relocation_site_size_nonneg',
      sql`${t.plannedHouseholds} >= 0 AND (${t.plannedPeople} IS NULL OR ${t.plannedPeople} >= 0)`,
    ),
  ],
);

/** A registry household relocated into a site (搬迁入住 on moved_on); ended_on closes a wrong or left entry. */
export const relocatedHouseholds = pgTable(
  'relocated_household',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The household's registry village code (scope). */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => relocationSites.id),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    movedOn: date('moved_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('relocated_household_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('relocated_household_site_idx').on(t.siteId),
    uniqueIndex('relocated_household_active_uq')
      .on(t.countyCode, t.householdId)
      .where(sql`ended_on IS NULL`),
  ],
);
