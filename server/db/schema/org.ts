import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, varchar } from 'drizzle-orm/pg-core';

// Administrative units, effective-dated: a merged unit keeps its row with valid_to and successor_code.
export const orgUnits = pgTable(
  'org_unit',
  {
    code: varchar('code', { length: 15 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['county', 'township', 'village', 'group'] }).notNull(),
    /** 县 / 镇 / 乡 / 开发区 / 行政村 / 社区 / 村民小组 */
    kind: text('kind').notNull(),
    parentCode: varchar('parent_code', { length: 15 }),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    successorCode: varchar('successor_code', { length: 15 }),
    /** Demo villages are made up; real townships are not. */
    synthetic: boolean('synthetic').notNull().default(false),
    /** What is not an established fact about the unit: an estimated date, a made-up code (shown with the unit). */
    note: text('note'),
  },
  (t) => [
    index('org_unit_parent_idx').on(t.parentCode),
    index('org_unit_code_prefix_idx').using('btree', sql`${t.code} text_pattern_ops`),
    index('org_unit_name_idx').on(t.name),
  ],
);
