import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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

// 识别认定 and 风险消除 cases (policy-rules §1.6, §1.8): one row per procedure, one row per step taken.
// The order of stages and who may act are common/domain/cases/workflow.ts; the service enforces them.

export const cases = pgTable(
  'monitoring_case',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['identification', 'elimination'] }).notNull(),
    /** The clue an identification starts from (null for elimination). */
    clueId: bigint('clue_id', { mode: 'number' }),
    stage: text('stage', {
      enum: [
        'verification',
        'comparison',
        'villageReview',
        'publicNotice',
        'townshipReview',
        'countyApproval',
        'announcement',
        'done',
        'closed',
      ],
    }).notNull(),
    status: text('status', { enum: ['active', 'done', 'closed'] })
      .notNull()
      .default('active'),
    /** Identification: proposed/decided type and risks (≤ 5). */
    monitoringType: text('monitoring_type'),
    riskTypes: text('risk_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Elimination: 帮扶消除 / 自然消除, and the natural reason. */
    eliminationMode: text('elimination_mode'),
    naturalReason: text('natural_reason'),
    /** The clock of the time limit starts on the clue's opened date (identification) or the start date. */
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    noticeStartedOn: date('notice_started_on', { mode: 'string' }),
    noticeEndsOn: date('notice_ends_on', { mode: 'string' }),
    noticeEndedOn: date('notice_ended_on', { mode: 'string' }),
    /** 县级审定 date: stops the time-limit clock. */
    decidedOn: date('decided_on', { mode: 'string' }),
    announcedOn: date('announced_on', { mode: 'string' }),
    finishedOn: date('finished_on', { mode: 'string' }),
    /** Per-stage records: consent, comparison evidence, meeting, objections, opinions, criteria, snapshot. */
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_one_active_per_clue_uq')
      .on(t.clueId)
      .where(sql`status = 'active' AND clue_id IS NOT NULL`),
    uniqueIndex('case_one_active_elimination_uq')
      .on(t.householdId)
      .where(sql`status = 'active' AND kind = 'elimination'`),
    index('case_village_idx').using('btree', t.status, sql`${t.villageCode} text_pattern_ops`),
    index('case_household_idx').on(t.householdId),
  ],
);

/** Every action on a case: who (role, unit), what, from → to, the reason or record, when. Attachments: owner_kind 'caseStep'. */
export const caseSteps = pgTable(
  'case_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    action: text('action', { enum: ['start', 'complete', 'reject', 'close', 'startNotice'] }).notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    actorOrgCode: varchar('actor_org_code', { length: 15 }).notNull(),
    note: text('note'),
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_step_case_idx').on(t.caseId, t.id)],
);
