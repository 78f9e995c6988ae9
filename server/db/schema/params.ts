import { sql } from 'drizzle-orm';
import {
  date,
  index,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * Policy numbers (architecture rule 8): one row per value version, keyed by scope (national
 * 000000000000, province 140000000000, county 140521000000), year (null = every year) and the
 * date it takes effect. Edits add rows; nothing is overwritten, so an old month re-runs with its own values.
 */
export const policyParams = pgTable(
  'policy_param',
  {
    id: serial('id').primaryKey(),
    key: varchar('key', { length: 60 }).notNull(),
    scopeCode: varchar('scope_code', { length: 12 }).notNull(),
    year: smallint('year'),
    effectiveFrom: date('effective_from').notNull(),
    value: jsonb('value').notNull(),
    /** Where the number comes from (policy-rules.md section, document number) or "default: not found". */
    source: text('source').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_param_version_uq').on(t.key, t.scopeCode, sql`coalesce(${t.year}, 0)`, t.effectiveFrom),
    index('policy_param_key_idx').on(t.key),
  ],
);
