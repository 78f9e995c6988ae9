// Issue 17 point 5: a household-scoped table carries `county_code`, the column a province or national
// installation distributes by (docs: one county's households, people and their facts live together).
// Which tables are household-scoped: county-code.test-support.ts. Static: reads the drizzle schema, no database.
import { describe, expect, it } from 'vitest';
import { householdScoped, schemaTables } from './county-code.test-support.ts';

const tables = schemaTables();

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
