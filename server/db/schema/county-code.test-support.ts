import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './index.ts';

// Issue 17 point 5: which tables are household-scoped (distributed by county_code on a national installation).
// A table is household-scoped when it is `household` or `person`, or a column of it points at one of the
// household-scoped keys below.

/** Columns that tie a row to one household or person (or to a row that is itself household-scoped). */
export const HOUSEHOLD_KEYS = [
  'household_id',
  'person_id',
  'membership_id',
  'case_id',
  'warning_id',
  'clue_id',
  'hire_id',
  'loan_id',
  'policy_id',
  'scenario_id',
];
const ROOTS = ['household', 'person'];

export const schemaTables = () =>
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table));

export function householdScoped(config: ReturnType<typeof getTableConfig>): boolean {
  return ROOTS.includes(config.name) || config.columns.some((column) => HOUSEHOLD_KEYS.includes(column.name));
}

export const householdScopedTables = (): string[] =>
  schemaTables()
    .filter(householdScoped)
    .map((t) => t.name);
