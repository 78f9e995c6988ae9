import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

// Employment and training of registry people (沁发〔2021〕17号 §二(三)2): where and when a person works and
// what he earns (务工), the 稳岗 follow-ups of a job, the training taken with its certificate (人人持证), and the
// 扶贫车间 / 就业帮扶车间 of a village with the people it employs and its one-off subsidy. Every row carries the
// county and the household's village (scope: village_code LIKE the actor's prefix); rows are ended, never
// deleted, and every write is audited with its before/after.

export const employmentRecords = pgTable(
  'employment_record',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    /** 县内 / 省内县外 / 省外. */
    placeKind: text('place_kind', { enum: ['county', 'province', 'outOfProvince'] }).notNull(),
    place: text('place').notNull(),
    employer: text('employer'),
    job: text('job'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    monthlyIncomeFen: bigint('monthly_income_fen', { mode: 'number' }).notNull().default(0),
    /** A 扶贫车间 the person works in, when the job is there. */
    workshopId: bigint('workshop_id', { mode: 'number' }),
    source: text('source', { enum: ['manual', 'import'] })
      .notNull()
      .default('manual'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('employment_record_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.id),
    index('employment_record_person_idx').on(t.personId, t.startOn),
    index('employment_record_household_idx').on(t.householdId),
    check('employment_record_income_nonneg', sql`${t.monthlyIncomeFen} >= 0`),
    check('employment_record_dates', sql`${t.endOn} IS NULL OR ${t.endOn} >= ${t.startOn}`),
  ],
);

/** 稳岗 follow-up of one job: the officer's call or visit, and what he found. */
export const employmentFollowUps = pgTable(
  'employment_follow_up',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    employmentId: bigint('employment_id', { mode: 'number' })
      .notNull()
      .references(() => employmentRecords.id),
    on: date('on', { mode: 'string' }).notNull(),
    /** 在岗 / 换岗 / 离岗. */
    status: text('status', { enum: ['working', 'changed', 'left'] }).notNull(),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employment_follow_up_record_idx').on(t.employmentId, t.on)],
);

export const trainingRecords = pgTable(
  'training_record',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    /** 就业技能培训 / 岗位技能提升培训 / 创业培训 / 农林技术培训. */
    kind: text('kind', { enum: ['employmentSkill', 'skillUpgrade', 'entrepreneurship', 'agriculture'] }).notNull(),
    course: text('course').notNull(),
    provider: text('provider'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    /** 职业资格证书 / 职业技能等级证书 / 专项职业能力证书 / 培训合格证; null: no certificate (yet). */
    certificateKind: text('certificate_kind', {
      enum: ['qualification', 'skillLevel', 'specialAbility', 'trainingCertificate'],
    }),
    certificateNo: text('certificate_no'),
    certifiedOn: date('certified_on', { mode: 'string' }),
    source: text('source', { enum: ['manual', 'import'] })
      .notNull()
      .default('manual'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_record_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.id),
    index('training_record_person_idx').on(t.personId),
    check('training_record_dates', sql`${t.endOn} >= ${t.startOn}`),
  ],
);

/** 扶贫车间 / 就业帮扶车间 of a village: the people employed and the one-off 吸纳就业补贴. */
export const workshops = pgTable(
  'employment_workshop',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    operator: text('operator').notNull(),
    recognisedOn: date('recognised_on', { mode: 'string' }),
    employeesTotal: integer('employees_total').notNull().default(0),
    /** Of them 脱贫劳动力 and monitored people. */
    employeesAssisted: integer('employees_assisted').notNull().default(0),
    subsidyFen: bigint('subsidy_fen', { mode: 'number' }),
    subsidyPaidOn: date('subsidy_paid_on', { mode: 'string' }),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('employment_workshop_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.id),
    check(
      'employment_workshop_counts',
      sql`${t.employeesTotal} >= 0 AND ${t.employeesAssisted} >= 0 AND ${t.employeesAssisted} <= ${t.employeesTotal}`,
    ),
    check('employment_workshop_subsidy_nonneg', sql`${t.subsidyFen} IS NULL OR ${t.subsidyFen} >= 0`),
  ],
);
