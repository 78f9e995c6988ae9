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
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// The household registry. Every table carries county_code (architecture rule 7) so that a later
// Citus distribution on county_code keeps every join local. Money is integer fen.

const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

export const households = pgTable(
  'household',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdNo: varchar('household_no', { length: 40 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    kind: text('kind', { enum: ['alleviated', 'ordinary'] }).notNull(),
    alleviatedAttribute: text('alleviated_attribute'),
    monitoringType: text('monitoring_type'),
    /** 识别监测时间, YYYY-MM. */
    identificationPeriod: char('identification_period', { length: 7 }),
    riskTypes: text('risk_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    eliminationPeriod: char('elimination_period', { length: 7 }),
    eliminationMode: text('elimination_mode'),
    /** none / monitored / eliminated, derived by the database from the two facts above. */
    monitoringStatus: text('monitoring_status').generatedAlwaysAs(
      sql`CASE WHEN elimination_period IS NOT NULL THEN 'eliminated' WHEN monitoring_type IS NOT NULL THEN 'monitored' ELSE 'none' END`,
    ),
    /** 整户无劳动能力: kept in step with the members by the service on every membership change. */
    wholeHouseholdNoLabour: boolean('whole_household_no_labour').notNull().default(false),
    phoneCipher: text('phone_cipher'),
    address: text('address'),
    housingGrade: char('housing_grade', { length: 1 }),
    waterSafe: boolean('water_safe'),
    schoolDropout: boolean('school_dropout'),
    housingUnsafe: boolean('housing_unsafe'),
    medicalUninsured: boolean('medical_uninsured'),
    /** Unknown spreadsheet columns, kept and reported rather than dropped. */
    extra: jsonb('extra').$type<Record<string, string>>(),
    /** Set when the household was merged into another or dissolved; the row and its history stay. */
    closedOn: date('closed_on'),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('household_no_uq').on(t.countyCode, t.householdNo),
    // Search by household-number prefix (LIKE 'x%'): the unique index above serves equality only where the database's
    // collation is not C (PostgreSQL's default C.UTF-8); 1M households: p95 979 ms by scan (issue 17 point 4).
    index('household_no_prefix_idx').using('btree', sql`${t.householdNo} text_pattern_ops`),
    index('household_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.id),
    index('household_status_idx').on(t.countyCode, t.monitoringStatus),
  ],
);

export const persons = pgTable(
  'person',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** HMAC of the normalised ID number: lookup and uniqueness without the number itself. */
    idHash: char('id_hash', { length: 64 }).notNull(),
    idCipher: text('id_cipher').notNull(),
    /** resident (18-char GB 11643) or disability (20/22-char 残疾人证, accepted and flagged). */
    idKind: text('id_kind', { enum: ['resident', 'disability'] }).notNull(),
    name: text('name').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }),
    birthDate: date('birth_date'),
    ethnicity: text('ethnicity'),
    politicalStatus: text('political_status'),
    education: text('education'),
    schooling: text('schooling'),
    health: text('health')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    disabilityCategory: text('disability_category'),
    disabilityGrade: text('disability_grade'),
    labourSkill: text('labour_skill').notNull(),
    workMonths: smallint('work_months'),
    workPlace: text('work_place'),
    publicWelfarePost: boolean('public_welfare_post').notNull().default(false),
    residentMedicalInsurance: boolean('resident_medical_insurance').notNull().default(false),
    employeeMedicalInsurance: boolean('employee_medical_insurance').notNull().default(false),
    minimumLiving: boolean('minimum_living').notNull().default(false),
    destituteSupport: boolean('destitute_support').notNull().default(false),
    phoneCipher: text('phone_cipher'),
    extra: jsonb('extra').$type<Record<string, string>>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('person_id_hash_uq').on(t.countyCode, t.idHash),
    index('person_name_idx').using('btree', sql`${t.name} text_pattern_ops`),
    // The persons with neither basic medical insurance (NO_MEDICAL_INSURANCE's memberFilter, a few per cent): the
    // monthly run finds them here instead of reading every person (1M households: 3.5M persons).
    index('person_uninsured_idx')
      .on(t.countyCode)
      .where(sql`NOT ${t.residentMedicalInsurance} AND NOT ${t.employeeMedicalInsurance}`),
  ],
);

/** Who belongs to which household, when. Ended, never deleted (architecture rule 4). */
export const memberships = pgTable(
  'membership',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    relationship: text('relationship').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    endReason: text('end_reason'),
  },
  (t) => [
    // One active household per person in the county; one active head per household.
    uniqueIndex('membership_one_active_uq')
      .on(t.countyCode, t.personId)
      .where(sql`valid_to IS NULL`),
    uniqueIndex('membership_one_head_uq')
      .on(t.householdId)
      .where(sql`valid_to IS NULL AND relationship = 'head'`),
    index('membership_household_idx').on(t.householdId, t.validTo),
    index('membership_person_idx').on(t.personId),
  ],
);

export const householdIncomes = pgTable(
  'household_income',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    year: smallint('year').notNull(),
    wageIncome: fen('wage_income'),
    businessIncome: fen('business_income'),
    propertyIncome: fen('property_income'),
    transferIncome: fen('transfer_income'),
    businessCost: fen('business_cost'),
    insurancePayout: fen('insurance_payout'),
    eligibleOutOfPocket: fen('eligible_out_of_pocket'),
    /** 家庭人口数 the figures were divided by. */
    householdSize: smallint('household_size').notNull(),
    netIncome: bigint('net_income', { mode: 'number' }).generatedAlwaysAs(
      sql`wage_income + business_income + property_income + transfer_income - business_cost`,
    ),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('household_income_year_uq').on(t.householdId, t.year)],
);

/** A household's timeline: every registry change with who, when, why, before/after, and its township review. */
export const registryChanges = pgTable(
  'registry_change',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    action: varchar('action', { length: 40 }).notNull(),
    reason: text('reason').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** Village officers' edits wait for township review: none / pending / confirmed / rejected. */
    reviewStatus: text('review_status', { enum: ['none', 'pending', 'confirmed', 'rejected'] })
      .notNull()
      .default('none'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('registry_change_household_idx').on(t.householdId, t.id),
    index('registry_change_review_idx').using('btree', t.reviewStatus, sql`${t.villageCode} text_pattern_ops`),
  ],
);
