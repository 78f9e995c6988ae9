import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { projects } from './projects.ts';

// Linkage funds (衔接资金, policy-rules §6): allocations by source and year, assigned to projects, paid out
// with dates and vouchers. Balances cannot go negative: CHECK constraints here plus conditional UPDATEs
// in the repository (assigned ≤ amount on the allocation, disbursed ≤ amount on the assignment).

export const fundAllocations = pgTable(
  'fund_allocation',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    year: smallint('year').notNull(),
    source: text('source', { enum: ['central', 'provincial', 'city', 'county'] }).notNull(),
    /** 文号 of the allocation document. */
    docNo: text('doc_no').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    assignedFen: bigint('assigned_fen', { mode: 'number' }).notNull().default(0),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_allocation_year_idx').on(t.countyCode, t.year),
    check(
      'fund_allocation_balance',
      sql`${t.amountFen} > 0 AND ${t.assignedFen} >= 0 AND ${t.assignedFen} <= ${t.amountFen}`,
    ),
  ],
);

export const fundAssignments = pgTable(
  'fund_assignment',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    allocationId: bigint('allocation_id', { mode: 'number' })
      .notNull()
      .references(() => fundAllocations.id),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    disbursedFen: bigint('disbursed_fen', { mode: 'number' }).notNull().default(0),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fund_assignment_uq').on(t.allocationId, t.projectId),
    index('fund_assignment_project_idx').on(t.projectId),
    check(
      'fund_assignment_balance',
      sql`${t.amountFen} > 0 AND ${t.disbursedFen} >= 0 AND ${t.disbursedFen} <= ${t.amountFen}`,
    ),
  ],
);

export const fundDisbursements = pgTable(
  'fund_disbursement',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assignmentId: bigint('assignment_id', { mode: 'number' })
      .notNull()
      .references(() => fundAssignments.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** 凭证号. */
    voucherNo: text('voucher_no').notNull(),
    payee: text('payee'),
    /** Part of the 以工代赈 labour remuneration (劳务报酬). */
    labour: boolean('labour').notNull().default(false),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_disbursement_assignment_idx').on(t.assignmentId),
    check('fund_disbursement_positive', sql`${t.amountFen} > 0`),
  ],
);
