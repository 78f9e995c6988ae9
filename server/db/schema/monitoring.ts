import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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

// Monthly dynamic monitoring: runs, their warnings (an immutable snapshot per period), and the clue
// list that gathers the four discovery channels (农户主动申请、干部走访排查、部门信息比对、舆情信访研判).

export const monitorRuns = pgTable(
  'monitor_run',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    period: char('period', { length: 7 }).notNull(),
    /** monthly: every household in scope; incremental: the households a feed batch or an edit touched. */
    kind: text('kind', { enum: ['monthly', 'incremental'] }).notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    householdsEvaluated: integer('households_evaluated'),
    warningCount: integer('warning_count'),
    /** Warnings per rule code. */
    counts: jsonb('counts').$type<Record<string, number>>(),
    /** The parameter values in force for the period, as used. */
    params: jsonb('params').$type<Record<string, unknown>>(),
    jobId: bigint('job_id', { mode: 'number' }),
    triggeredBy: text('triggered_by'),
    /** Lease: a running run's process renews it; a running row whose lease expired was left by a dead process. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why a run failed (an error, or "abandoned": its process died and a later start superseded it). */
    error: text('error'),
  },
  (t) => [
    index('monitor_run_period_idx').on(t.countyCode, t.period, t.id),
    // At most one live monthly run per county and month: a second start conflicts (409) even across servers.
    uniqueIndex('monitor_run_running_uq')
      .on(t.countyCode, t.period)
      .where(sql`${t.kind} = 'monthly' AND ${t.status} = 'running'`),
  ],
);

export const warnings = pgTable(
  'warning',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    period: char('period', { length: 7 }).notNull(),
    runId: bigint('run_id', { mode: 'number' }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    /** Stable rule code = warning category code of formats.md §3 (INCOME_BELOW_LINE, MEDICAL_BURDEN, …). */
    ruleCode: varchar('rule_code', { length: 40 }).notNull(),
    riskType: varchar('risk_type', { length: 30 }),
    /** The values and the thresholds in force that made the rule fire. */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    /** new: nobody has acted on it; handled: turned into or attached to a clue that a person took up. */
    status: text('status', { enum: ['new', 'handled'] })
      .notNull()
      .default('new'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('warning_period_uq').on(t.countyCode, t.period, t.householdId, t.ruleCode),
    // Every warnings query names the county, the period and a village-code prefix (scope): their totals are counted
    // from this index alone once the table is vacuumed (1M households, 100k bench: 58 ms → 6 ms for a county's total).
    index('warning_scope_idx').using('btree', t.countyCode, t.period, sql`${t.villageCode} text_pattern_ops`),
  ],
);

export const clues = pgTable(
  'clue',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    /** The channel of the first signal: department / selfApplication / visit / petition. */
    channel: text('channel', { enum: ['department', 'selfApplication', 'visit', 'petition'] }).notNull(),
    riskType: varchar('risk_type', { length: 30 }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    summary: text('summary').notNull(),
    /** 承诺授权: who signed, when, how (签字/按手印), recorded with the clue or at verification. */
    consent: jsonb('consent').$type<{ signed: boolean; signedOn?: string; signer?: string; method?: string }>(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
  },
  (t) => [
    // At most one open clue per household and risk: later signals attach to it.
    uniqueIndex('clue_one_open_uq')
      .on(t.countyCode, t.householdId, t.riskType)
      .where(sql`status = 'open' AND household_id IS NOT NULL`),
    index('clue_village_idx').using('btree', t.status, sql`${t.villageCode} text_pattern_ops`),
  ],
);

export const clueSignals = pgTable(
  'clue_signal',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    clueId: bigint('clue_id', { mode: 'number' })
      .notNull()
      .references(() => clues.id),
    channel: text('channel', { enum: ['department', 'selfApplication', 'visit', 'petition'] }).notNull(),
    /** Rule code, visit id, petition number, "12317", "public-page"… */
    source: text('source').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    warningId: bigint('warning_id', { mode: 'number' }),
    createdBy: text('created_by'),
  },
  (t) => [index('clue_signal_clue_idx').on(t.clueId)],
);

/** 走访排查: a cadre's visit to a household (also the assistance module's visit ledger). */
export const visits = pgTable(
  'visit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    visitedOn: date('visited_on').notNull(),
    visitorId: integer('visitor_id'),
    visitorName: text('visitor_name').notNull(),
    findings: text('findings').notNull(),
    riskFound: boolean('risk_found').notNull().default(false),
    riskTypes: text('risk_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    photos: jsonb('photos').$type<{ name: string; dataUrl?: string; path?: string }[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_household_idx').on(t.householdId, t.visitedOn)],
);
