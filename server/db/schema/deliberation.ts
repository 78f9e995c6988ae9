import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// 四议两公开 (policy-rules §8): one record per village decision, one row per step in order.
// Project declarations and asset-income distributions point at a decided record.

export const deliberations = pgTable(
  'deliberation',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    subject: text('subject').notNull(),
    /** What it decides: a project declaration, an asset-income distribution, or another village matter. */
    purpose: text('purpose', { enum: ['project', 'assetIncome', 'assetDisposal', 'other'] }).notNull(),
    status: text('status', { enum: ['inProgress', 'failed', 'resolved', 'published', 'completed'] })
      .notNull()
      .default('inProgress'),
    /** 书记、主任"一肩挑": the proposal and the 两委 deliberation may be one meeting. */
    oneShoulder: boolean('one_shoulder').notNull().default(false),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deliberation_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`)],
);

export const deliberationSteps = pgTable(
  'deliberation_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliberationId: bigint('deliberation_id', { mode: 'number' })
      .notNull()
      .references(() => deliberations.id),
    seq: integer('seq').notNull(),
    step: text('step', {
      enum: ['proposal', 'committee', 'partyMeeting', 'villagersMeeting', 'resolutionPublished', 'resultPublished'],
    }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    expected: integer('expected'),
    present: integer('present'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    meetingKind: text('meeting_kind', { enum: ['villagers', 'householdRepresentatives', 'representatives'] }),
    origin: text('origin', { enum: ['masses', 'cadres', 'superior'] }),
    merged: boolean('merged'),
    townshipAttendee: text('township_attendee'),
    passed: boolean('passed').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deliberation_step_seq_uq').on(t.deliberationId, t.seq)],
);
