import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

// The linkage-fund project library (项目库, policy-rules §6): a project at an org unit (village, township
// or county), its entry procedure stage (村级申报 … 入库公告), its life status (储备 → 入库 → 实施 → 验收 → 完成)
// and every step, adjustment and status change as an event row. Money is integer fen.

export const projects = pgTable(
  'project',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** Where the project is (its location and scope unit). */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    type: text('type', {
      enum: ['industry', 'employment', 'ruralConstruction', 'threeGuarantees', 'managementFee'],
    }).notNull(),
    subType: text('sub_type'),
    year: smallint('year').notNull(),
    /** Planned budget by fund source, fen. */
    budgetCentralFen: bigint('budget_central_fen', { mode: 'number' }).notNull().default(0),
    budgetProvincialFen: bigint('budget_provincial_fen', { mode: 'number' }).notNull().default(0),
    budgetCityFen: bigint('budget_city_fen', { mode: 'number' }).notNull().default(0),
    budgetCountyFen: bigint('budget_county_fen', { mode: 'number' }).notNull().default(0),
    beneficiaryHouseholds: integer('beneficiary_households').notNull().default(0),
    /** Of which 脱贫户 / 监测户. */
    beneficiaryAlleviated: integer('beneficiary_alleviated').notNull().default(0),
    beneficiaryVillages: jsonb('beneficiary_villages')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** 联农带农机制. */
    farmerLinkage: text('farmer_linkage').notNull().default(''),
    /** 绩效目标: indicator → target value. */
    performanceTargets: jsonb('performance_targets')
      .$type<{ indicator: string; value: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** 以工代赈 project and its planned labour remuneration (劳务报酬). */
    workForRelief: boolean('work_for_relief').notNull().default(false),
    labourRemunerationFen: bigint('labour_remuneration_fen', { mode: 'number' }).notNull().default(0),
    entryStage: text('entry_stage', {
      enum: [
        'declaration',
        'villageNotice',
        'townshipReview',
        'townshipNotice',
        'departmentReview',
        'countyApproval',
        'countyNotice',
        'announcement',
        'admitted',
        'withdrawn',
      ],
    })
      .notNull()
      .default('declaration'),
    noticeStartedOn: date('notice_started_on', { mode: 'string' }),
    status: text('status', { enum: ['reserve', 'admitted', 'implementing', 'accepted', 'completed', 'cancelled'] })
      .notNull()
      .default('reserve'),
    deliberationId: bigint('deliberation_id', { mode: 'number' }),
    declaredOn: date('declared_on', { mode: 'string' }),
    admittedOn: date('admitted_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('project_year_idx').on(t.countyCode, t.year),
    check(
      'project_budget_nonneg',
      sql`${t.budgetCentralFen} >= 0 AND ${t.budgetProvincialFen} >= 0 AND ${t.budgetCityFen} >= 0 AND ${t.budgetCountyFen} >= 0 AND ${t.labourRemunerationFen} >= 0`,
    ),
  ],
);

export const projectEvents = pgTable(
  'project_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id),
    /** complete / reject / withdraw (entry), status (life), adjust (with reason), create. */
    action: text('action').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    reason: text('reason'),
    /** For adjustments: the changed fields, before and after. */
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    on: date('on', { mode: 'string' }).notNull(),
  },
  (t) => [index('project_event_project_idx').on(t.projectId, t.id)],
);
