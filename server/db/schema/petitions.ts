import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// 涉贫舆情与信访 register (沁发〔2021〕17号 二(一)6, 二(三)6 三是; issue 15 item 6). An event is received in a village
// (org_code, used for scope) with its source, level and deadline; handling steps make its timeline; closure sets
// closed_on with a result. The households concerned are linked; a household at risk gets a monitoring clue (channel
// petition) through the monitoring module, its ids kept here. Nothing is deleted.

/** One 信访 or 舆情 item. */
export const petitionEvents = pgTable(
  'petition_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The village it concerns. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    /** PETITION_EVENT_KINDS: petition | publicOpinion. */
    kind: text('kind').notNull(),
    /** PETITION_SOURCES code. */
    source: text('source').notNull(),
    /** PETITION_LEVELS code. */
    level: text('level').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Received day + petitions.handlingDays in force when received, or a deadline set by the assigning office. */
    deadlineOn: date('deadline_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Who petitioned (a name), or the outlet of a public-opinion item; optional. */
    petitioner: text('petitioner'),
    /** 信访件编号 / 交办文号. */
    reference: text('reference'),
    closedOn: date('closed_on', { mode: 'string' }),
    /** PETITION_CLOSURE_RESULTS code. */
    closureResult: text('closure_result'),
    closureNote: text('closure_note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('petition_event_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('petition_event_received_idx').on(t.countyCode, t.receivedOn),
    check(
      'petition_event_closure',
      sql`(${t.closedOn} IS NULL AND ${t.closureResult} IS NULL) OR (${t.closedOn} IS NOT NULL AND ${t.closureResult} IS NOT NULL)`,
    ),
    check(
      'petition_event_dates',
      sql`${t.deadlineOn} >= ${t.receivedOn} AND (${t.closedOn} IS NULL OR ${t.closedOn} >= ${t.receivedOn})`,
    ),
  ],
);

/** A handling step on the event's timeline (受理, 交办, 核实, 处理, 答复, 回访…). */
export const petitionSteps = pgTable(
  'petition_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => petitionEvents.id),
    stepOn: date('step_on', { mode: 'string' }).notNull(),
    /** PETITION_STEP_ACTIONS code. */
    action: text('action').notNull(),
    note: text('note').notNull(),
    actorName: text('actor_name'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('petition_step_event_idx').on(t.eventId)],
);

/** A registry household the event concerns; at_risk with the clue(s) opened for it (channel petition). */
export const petitionHouseholds = pgTable(
  'petition_household',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => petitionEvents.id),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    note: text('note'),
    atRisk: boolean('at_risk').notNull().default(false),
    /** RISK_TYPES codes the clue was opened for. */
    riskTypes: text('risk_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Monitoring clue ids (open or joined) for those risks. */
    clueIds: bigint('clue_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    addedBy: bigint('added_by', { mode: 'number' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('petition_household_event_household_uq').on(t.eventId, t.householdId),
    index('petition_household_household_idx').on(t.householdId),
  ],
);
