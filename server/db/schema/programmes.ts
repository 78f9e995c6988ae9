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

// Programme ledgers of the plan (issue 14 items 1, 3, 4): 公益岗位, 小额信贷, 防贫保险 "1+N".
// Every row carries county_code and the village code (org_code) used for scope. History is kept:
// hires are end-dated (exited_on), loans are renewed into a new row linked to the old one, money moves
// are event rows; nothing is deleted.

/** 公益岗位: a post set up in a village (按需设岗). */
export const welfarePosts = pgTable(
  'welfare_post',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    /** POST_TYPES code (common/domain/posts/codes.ts). */
    postType: text('post_type').notNull(),
    /** FUNDING_SOURCES code. */
    funding: text('funding').notNull(),
    /** The photovoltaic asset whose income funds the post (asset ledger), when set. */
    assetId: bigint('asset_id', { mode: 'number' }),
    monthlySubsidyFen: bigint('monthly_subsidy_fen', { mode: 'number' }).notNull(),
    slots: smallint('slots').notNull().default(1),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('welfare_post_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    check('welfare_post_subsidy_nonneg', sql`${t.monthlySubsidyFen} >= 0 AND ${t.slots} > 0`),
  ],
);

/** 以岗聘任 … 有序退岗: one person on one post from hired_on until exited_on (end-dated, never deleted). */
export const welfarePostHires = pgTable(
  'welfare_post_hire',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => welfarePosts.id),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    hiredOn: date('hired_on', { mode: 'string' }).notNull(),
    /** Declared at hire: the person is a family member of a village cadre (the registry does not know cadres). */
    cadreFamily: boolean('cadre_family').notNull().default(false),
    exitedOn: date('exited_on', { mode: 'string' }),
    exitReason: text('exit_reason'),
    exitNote: text('exit_note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('welfare_post_hire_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('welfare_post_hire_household_idx').on(t.householdId),
    uniqueIndex('welfare_post_hire_person_active_uq')
      .on(t.countyCode, t.personId)
      .where(sql`exited_on IS NULL`),
  ],
);

/** 在岗领补: attendance and subsidy paid for one hire and month. */
export const welfarePostMonths = pgTable(
  'welfare_post_month',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    hireId: bigint('hire_id', { mode: 'number' })
      .notNull()
      .references(() => welfarePostHires.id),
    period: char('period', { length: 7 }).notNull(),
    daysWorked: smallint('days_worked').notNull(),
    subsidyFen: bigint('subsidy_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('welfare_post_month_uq').on(t.hireId, t.period),
    check('welfare_post_month_values', sql`${t.daysWorked} >= 0 AND ${t.subsidyFen} >= 0`),
  ],
);

/** 脱贫人口小额信贷: one loan; a renewal (展期/续贷) is a new row pointing at the loan it continues. */
export const microLoans = pgTable(
  'micro_loan',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    borrowerPersonId: bigint('borrower_person_id', { mode: 'number' }),
    bank: text('bank').notNull(),
    /** LOAN_PURPOSES code. */
    purpose: text('purpose').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    termMonths: smallint('term_months').notNull(),
    /** Annual rate in basis points (3.85 % = 385). */
    rateBp: integer('rate_bp').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** active / repaid / renewed (continued by another row). Overdue is read: active and due before today. */
    status: text('status', { enum: ['active', 'repaid', 'renewed'] })
      .notNull()
      .default('active'),
    renewalKind: text('renewal_kind', { enum: ['extension', 'reloan'] }),
    renewedFromId: bigint('renewed_from_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('micro_loan_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('micro_loan_household_idx').on(t.householdId),
    check('micro_loan_values', sql`${t.amountFen} > 0 AND ${t.termMonths} > 0 AND ${t.rateBp} >= 0`),
  ],
);

/** Money on a loan: repayments of principal and interest subsidy paid (贴息). */
export const microLoanEvents = pgTable(
  'micro_loan_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    loanId: bigint('loan_id', { mode: 'number' })
      .notNull()
      .references(() => microLoans.id),
    kind: text('kind', { enum: ['repayment', 'subsidy'] }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('micro_loan_event_loan_idx').on(t.loanId, t.id),
    check('micro_loan_event_positive', sql`${t.amountFen} > 0`),
  ],
);

/** 防贫保险 "1+N": a household insured for a year. */
export const insurancePolicies = pgTable(
  'insurance_policy',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    year: smallint('year').notNull(),
    insurer: text('insurer').notNull(),
    premiumFen: bigint('premium_fen', { mode: 'number' }).notNull().default(0),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('insurance_policy_household_year_uq').on(t.householdId, t.year),
    index('insurance_policy_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
  ],
);

/** A claim on a policy; paid claims are the household's 理赔收入 of the year paid. */
export const insuranceClaims = pgTable(
  'insurance_claim',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    policyId: bigint('policy_id', { mode: 'number' })
      .notNull()
      .references(() => insurancePolicies.id),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    /** CLAIM_CAUSES code. */
    cause: text('cause').notNull(),
    claimedOn: date('claimed_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['filed', 'paid', 'refused'] })
      .notNull()
      .default('filed'),
    paidOn: date('paid_on', { mode: 'string' }),
    /** What the payment added to 理赔收入 of the year paid (null: nothing — no income record, or already typed in). */
    incomeAddedFen: bigint('income_added_fen', { mode: 'number' }),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('insurance_claim_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`),
    index('insurance_claim_household_idx').on(t.householdId, t.status),
    check('insurance_claim_positive', sql`${t.amountFen} > 0`),
  ],
);
