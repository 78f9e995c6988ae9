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
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// Assistance (帮扶措施, policy-rules §4): the measures on a household, each addressing one risk.
// Read by the elimination workflow (帮扶消除 needs at least one measure for the risk) and the
// obligations board. Every table carries county_code; money is integer fen.

export const assistanceMeasures = pgTable(
  'assistance_measure',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    /** The risk (RISK_TYPES code) the measure addresses. */
    riskType: varchar('risk_type', { length: 30 }).notNull(),
    /** One of the 14 national categories (industry, employment, finance, publicWelfarePost, health, …). */
    category: varchar('category', { length: 30 }).notNull(),
    subType: varchar('sub_type', { length: 60 }),
    department: text('department'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['planned', 'ongoing', 'completed', 'stopped'] })
      .notNull()
      .default('ongoing'),
    evidence: jsonb('evidence')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistance_measure_household_idx').on(t.countyCode, t.householdId, t.riskType),
    index('assistance_measure_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
  ],
);

// 结对帮扶: a county or township cadre (app_user, role cadre) paired with a household. A reassignment
// ends the old row (end_on, end_reason) and adds a new one: history is kept, one active pairing per household.
export const cadrePairings = pgTable(
  'cadre_pairing',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    cadreUserId: integer('cadre_user_id').notNull(),
    cadreName: text('cadre_name').notNull(),
    /** 工作单位. */
    unit: text('unit').notNull(),
    /** AES-GCM; lists show a masked form. */
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    endReason: text('end_reason'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cadre_pairing_one_active_uq')
      .on(t.countyCode, t.householdId)
      .where(sql`end_on IS NULL`),
    index('cadre_pairing_cadre_idx').on(t.cadreUserId, t.endOn),
    index('cadre_pairing_household_idx').on(t.householdId),
  ],
);

// Measure sub-types (措施子项): an editable code list per county, seeded from DEFAULT_SUBTYPES.
export const measureSubtypes = pgTable(
  'measure_subtype',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    category: varchar('category', { length: 30 }).notNull(),
    code: varchar('code', { length: 60 }).notNull(),
    labelZh: text('label_zh').notNull(),
    /** contractEnd / agreementEnd / stageEnd: may run past elimination to its own end (§1.8). */
    continuesAfterElimination: varchar('continues_after_elimination', { length: 20 }),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('measure_subtype_uq').on(t.countyCode, t.category, t.code)],
);

// 应急救助基金 (seed §二(一)2) and the 乡镇临时救助备用金 (§4.3): a fund per org unit. The balance can
// never go below zero: CHECK on the row, and every disbursement is a conditional UPDATE in its transaction.
export const reliefFunds = pgTable(
  'relief_fund',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The county (emergency fund) or a township (temporary-relief reserve) that holds it. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['emergency', 'temporaryReserve'] }).notNull(),
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('relief_fund_balance_non_negative', sql`${t.balanceFen} >= 0`),
    uniqueIndex('relief_fund_org_kind_uq').on(t.orgCode, t.kind),
  ],
);

/** 救助申请: a household in sudden difficulty asks; the scoped role approves; the fund pays. */
export const reliefApplications = pgTable(
  'relief_application',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    fundId: bigint('fund_id', { mode: 'number' })
      .notNull()
      .references(() => reliefFunds.id),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    /** emergency (应急救助) or temporary (临时救助). */
    reliefKind: text('relief_kind', { enum: ['emergency', 'temporary'] }).notNull(),
    /** The sudden event: illness, accident, naturalDisaster … (RISK_TYPES codes). */
    eventType: varchar('event_type', { length: 30 }).notNull(),
    reason: text('reason').notNull(),
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    status: text('status', { enum: ['submitted', 'approved', 'rejected', 'disbursed'] })
      .notNull()
      .default('submitted'),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'relief_application_amounts_positive',
      sql`${t.requestedFen} > 0 AND (${t.approvedFen} IS NULL OR ${t.approvedFen} > 0)`,
    ),
    index('relief_application_fund_idx').on(t.fundId, t.status),
    index('relief_application_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
  ],
);

/** The fund ledger (台账): every income and disbursement with the balance after it. Append-only. */
export const reliefFundEntries = pgTable(
  'relief_fund_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    fundId: bigint('fund_id', { mode: 'number' })
      .notNull()
      .references(() => reliefFunds.id),
    kind: text('kind', { enum: ['income', 'disbursement'] }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    balanceAfterFen: bigint('balance_after_fen', { mode: 'number' }).notNull(),
    applicationId: bigint('application_id', { mode: 'number' }).references(() => reliefApplications.id),
    /** Income: the source (财政拨款, 社会捐赠 …); disbursement: the payee household. */
    source: text('source'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('relief_fund_entry_amount_positive', sql`${t.amountFen} > 0 AND ${t.balanceAfterFen} >= 0`),
    uniqueIndex('relief_fund_entry_application_uq')
      .on(t.applicationId)
      .where(sql`application_id IS NOT NULL`),
    index('relief_fund_entry_fund_idx').on(t.fundId, t.id),
  ],
);

/** Daily counts of the obligations board per township (the board itself is computed live). */
export const obligationSnapshots = pgTable(
  'obligation_snapshot',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    townshipCode: varchar('township_code', { length: 15 }).notNull(),
    code: varchar('code', { length: 40 }).notNull(),
    households: integer('households').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('obligation_snapshot_uq').on(t.asOf, t.townshipCode, t.code)],
);
