import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

// 兜底保障 linkage (沁发〔2021〕17号 §二(三)5, §二(三)4 二是): what a registry person receives — 低保, 特困, 单人保,
// 临时救助, 残疾人两项补贴, 医保参保资助, 补充养老保险代缴 — as entered by hand (the 民政/医保/残联 feeds are read where
// they carry the item). Rows are ended, never deleted; every write audited with before/after.

export const socialBenefits = pgTable(
  'social_benefit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    villageCode: varchar('village_code', { length: 15 }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    kind: text('kind', {
      enum: [
        'minimumLiving',
        'destitute',
        'singlePerson',
        'temporaryRelief',
        'disabilityAllowance',
        'medicalPremium',
        'pensionContribution',
      ],
    }).notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    /** Monthly amount, or the one-off amount of 临时救助 (fen). */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    department: text('department'),
    note: text('note'),
    endReason: text('end_reason'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('social_benefit_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.id),
    index('social_benefit_household_idx').on(t.householdId),
    check('social_benefit_amount_nonneg', sql`${t.amountFen} IS NULL OR ${t.amountFen} >= 0`),
    check('social_benefit_dates', sql`${t.endOn} IS NULL OR ${t.endOn} >= ${t.startOn}`),
  ],
);
