import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

// Policy what-if (issue 19): a scenario re-evaluates one month under proposed parameter values in a
// sandbox. Its rows never go to monitor_run / warning: both settings' fired rules are kept here,
// per scenario, so who enters and who leaves is a comparison of two sets on the same data.

export const analysisScenarios = pgTable(
  'analysis_scenario',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The unit the scenario covers (the author's unit): its households are evaluated. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    authorId: integer('author_id'),
    author: text('author').notNull(),
    period: char('period', { length: 7 }).notNull(),
    /** The proposed values: parameter key → value (the others stay as in force for the month). */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** The values in force for the month that the overrides replace (key → resolved value and source). */
    baseline: jsonb('baseline').$type<Record<string, unknown>>(),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
    jobId: bigint('job_id', { mode: 'number' }),
    /** Totals: households evaluated, flagged under each setting, entering, leaving, per category. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: jsonb('error'),
    durationMs: integer('duration_ms'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('analysis_scenario_county_idx').on(t.countyCode, t.id)],
);

/** One fired rule of one household under one setting (base: parameters in force; proposed: with the overrides). */
export const analysisScenarioHits = pgTable(
  'analysis_scenario_hit',
  {
    scenarioId: bigint('scenario_id', { mode: 'number' })
      .notNull()
      .references(() => analysisScenarios.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['base', 'proposed'] }).notNull(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    ruleCode: text('rule_code').notNull(),
    evidence: jsonb('evidence')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.scenarioId, t.householdId, t.ruleCode, t.side] }),
    index('analysis_scenario_hit_village_idx').on(t.scenarioId, t.villageCode),
  ],
);
