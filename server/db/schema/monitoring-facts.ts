import { bigint, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { feedRecords } from './feeds.ts';
import { memberships } from './registry.ts';

// Facts the monthly run reads, kept on write (issue 17 point 1). `feed_event` is every department record matched to
// a household through a membership that covers it (the member is still there, or was there on the record's date):
// the join feed_record ⋈ person (by ID hash) ⋈ membership, done once when a record, a membership or a person is
// written (triggers in migration 0026, in the writing transaction) instead of at every run. The run aggregates the
// window's events per household from here; `guardline monitor verify-facts` compares it with a full rebuild.

export const feedEvents = pgTable(
  'feed_event',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    membershipId: bigint('membership_id', { mode: 'number' })
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => feedRecords.id, { onDelete: 'cascade' }),
    source: varchar('source', { length: 20 }).notNull(),
    item: varchar('item', { length: 40 }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    attrs: jsonb('attrs').$type<Record<string, string>>(),
    /** The person's 劳动技能 (kept in step when the person changes). */
    labourSkill: text('labour_skill').notNull(),
    /** The membership's end (null while the person is in the household). */
    memberUntil: date('member_until'),
  },
  (t) => [
    primaryKey({ columns: [t.membershipId, t.recordId] }),
    index('feed_event_household_idx').on(t.countyCode, t.householdId),
    index('feed_event_person_idx').on(t.personId),
    index('feed_event_record_idx').on(t.recordId),
    // The run's windows: each (source, item) and date range it reads is one range of this index (monitoring.engine.ts).
    index('feed_event_window_idx').on(t.countyCode, t.source, t.item, t.occurredOn),
  ],
);

// Per household, department item and calendar year: the sum, count and latest date of the events of its active
// members (`feed_event` rows with member_until null), kept by statement triggers on `feed_event` (migration 0029). The
// run reads year-to-date sums from here instead of every event of the year (medical out-of-pocket: most of the
// records), for the households whose latest event of the year is inside the period; the others from `feed_event`.
export const feedYearTotals = pgTable(
  'feed_year_total',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    source: varchar('source', { length: 20 }).notNull(),
    item: varchar('item', { length: 40 }).notNull(),
    year: integer('year').notNull(),
    /** sum(amount_fen): null when no event of the bucket has an amount, as the sum over the events would be. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    records: integer('records').notNull(),
    lastOn: date('last_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.householdId, t.source, t.item, t.year] })],
);

// Per household: its latest income year and the year before it (the columns the income rules read), kept by
// statement triggers on `household_income` (migration 0031). The run reads it for the households whose latest year is
// not after the period's year; for the others (a month re-checked after a later year was recorded) household_income.
export const householdIncomeLatest = pgTable(
  'household_income_latest',
  {
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    year: smallint('year').notNull(),
    netIncome: bigint('net_income', { mode: 'number' }),
    householdSize: smallint('household_size').notNull(),
    insurancePayout: bigint('insurance_payout', { mode: 'number' }),
    eligibleOutOfPocket: bigint('eligible_out_of_pocket', { mode: 'number' }),
    /** The row of year - 1, when there is one. */
    prevYear: smallint('prev_year'),
    prevNetIncome: bigint('prev_net_income', { mode: 'number' }),
    prevHouseholdSize: smallint('prev_household_size'),
    prevInsurancePayout: bigint('prev_insurance_payout', { mode: 'number' }),
    prevEligibleOutOfPocket: bigint('prev_eligible_out_of_pocket', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.householdId] }),
    index('household_income_latest_year_idx').on(t.countyCode, t.year),
  ],
);
