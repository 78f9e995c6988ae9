// Issue 17 point 5: a household-scoped table carries `county_code`, the column a province or national
// installation distributes by (docs: one county's households, people and their facts live together).
// A table is household-scoped when it is `household` or `person`, or a column of it points at one of
// the household-scoped keys below. Static: reads the drizzle schema, no database.
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './index.ts';

/** Columns that tie a row to one household or person (or to a row that is itself household-scoped). */
const HOUSEHOLD_KEYS = [
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

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table));

function householdScoped(config: ReturnType<typeof getTableConfig>): boolean {
  return ROOTS.includes(config.name) || config.columns.some((column) => HOUSEHOLD_KEYS.includes(column.name));
}

describe('county_code on every household-scoped table', () => {
  const scoped = tables.filter(householdScoped);

  it('finds the household-scoped tables (the check looks at something)', () => {
    expect(scoped.map((t) => t.name)).toEqual(expect.arrayContaining(['household', 'person', 'membership', 'warning']));
  });

  it.each(scoped.map((t) => [t.name, t] as const))('%s has a non-null county_code', (_name, config) => {
    const column = config.columns.find((c) => c.name === 'county_code');
    expect(column, `${config.name} lacks county_code`).toBeDefined();
    expect(column?.notNull, `${config.name}.county_code may be null`).toBe(true);
  });
});
