import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// Village support of the plan (issue 15 items 2 and 3): 驻村工作队/第一书记 (沁发〔2021〕17号 §三(二), §三(一)) and
// 社会力量帮扶 (§二(二)3). Every row carries county_code and the village code (org_code) used for scope. History is
// kept: a team is end-dated when it rotates out (the next team is a new row), members leave with left_on, a pairing
// ends with ended_on; nothing is deleted.

/** 驻村工作队: one team sent to one village by a unit, from started_on until ended_on (rotation ends it). */
export const residentTeams = pgTable(
  'resident_team',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    /** 派出单位. */
    sendingUnit: text('sending_unit').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endNote: text('end_note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resident_team_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    uniqueIndex('resident_team_active_uq')
      .on(t.orgCode)
      .where(sql`ended_on IS NULL`),
  ],
);

/** A member of a team: 第一书记 / 队长 / 队员 (RESIDENT_ROLES), from joined_on until left_on. */
export const residentTeamMembers = pgTable(
  'resident_team_member',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    teamId: bigint('team_id', { mode: 'number' })
      .notNull()
      .references(() => residentTeams.id),
    name: text('name').notNull(),
    /** RESIDENT_ROLES code (common/domain/village-support/codes.ts). */
    role: text('role').notNull(),
    /** The member's own unit when it differs from the team's sending unit. */
    unit: text('unit'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resident_team_member_team_idx').on(t.teamId)],
);

/** Days a member spent in the village in a month (驻村考勤); a correction replaces the month. */
export const residentTeamAttendance = pgTable(
  'resident_team_attendance',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    teamId: bigint('team_id', { mode: 'number' })
      .notNull()
      .references(() => residentTeams.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => residentTeamMembers.id),
    period: char('period', { length: 7 }).notNull(),
    daysInVillage: smallint('days_in_village').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resident_team_attendance_uq').on(t.memberId, t.period),
    index('resident_team_attendance_team_idx').on(t.teamId),
    check('resident_team_attendance_days', sql`${t.daysInVillage} BETWEEN 0 AND 31`),
  ],
);

/** 工作日志: what the team did on a day. */
export const residentTeamLogs = pgTable(
  'resident_team_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    teamId: bigint('team_id', { mode: 'number' })
      .notNull()
      .references(() => residentTeams.id),
    loggedOn: date('logged_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resident_team_log_team_idx').on(t.teamId)],
);

/**
 * The county's flags of a village that make a team required (§三(二)): 重点帮扶村, 易地搬迁安置点, 软弱涣散村.
 * Kept here until the key-village and relocation modules own these facts; one row per flagged village.
 */
export const villageTeamFlags = pgTable(
  'village_team_flag',
  {
    orgCode: varchar('org_code', { length: 15 }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    keyVillage: boolean('key_village').notNull().default(false),
    relocationSite: boolean('relocation_site').notNull().default(false),
    weakParty: boolean('weak_party').notNull().default(false),
    updatedBy: bigint('updated_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('village_team_flag_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`)],
);

/** 社会力量帮扶: a pairing of a partner with a village (PAIRING_KINDS), from started_on until ended_on. */
export const socialPairings = pgTable(
  'social_pairing',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    /** PAIRING_KINDS code. */
    kind: text('kind').notNull(),
    /** The unit, enterprise, school or hospital (or, for a leader's contact point, the leader's office). */
    partnerName: text('partner_name').notNull(),
    /** The leader who answers for the pairing. */
    leaderName: text('leader_name'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('social_pairing_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`)],
);

/** What a pairing brought on a day: funds (fen), a project, jobs. */
export const socialPairingContributions = pgTable(
  'social_pairing_contribution',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    pairingId: bigint('pairing_id', { mode: 'number' })
      .notNull()
      .references(() => socialPairings.id),
    contributedOn: date('contributed_on', { mode: 'string' }).notNull(),
    fundsFen: bigint('funds_fen', { mode: 'number' }).notNull().default(0),
    /** A project brought (named), when any. */
    projectName: text('project_name'),
    jobs: integer('jobs').notNull().default(0),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('social_pairing_contribution_pairing_idx').on(t.pairingId),
    check('social_pairing_contribution_nonneg', sql`${t.fundsFen} >= 0 AND ${t.jobs} >= 0`),
  ],
);
