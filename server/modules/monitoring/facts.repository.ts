import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';

// The facts the monthly run reads, kept on write (schema/monitoring-facts.ts, triggers of migrations 0026, 0029, 0031):
// each table against its definition, the view named <table>_source.

export interface FactsDifference {
  householdId: number;
  recordId: number;
  membershipId: number;
  /** missing: the definition has it, the table does not; extra: the other way; each column compared. */
  kind: 'missing' | 'extra';
}

export interface FactsCheck {
  stored: number;
  expected: number;
  missing: number;
  extra: number;
  /** Up to 20 of the differing rows, to say where to look. */
  sample: FactsDifference[];
  /** feed_year_total against its definition (rows per household, item and year; every column compared). */
  yearTotals: TableCheck;
  /** household_income_latest against its definition (a row per household with income; every column compared). */
  latestIncome: TableCheck;
}

export interface TableCheck {
  stored: number;
  expected: number;
  missing: number;
  extra: number;
}

/** A kept table against its definition `<table>_source` for one county: rows compared on every column. */
async function compareTable(db: Db, table: 'feed_year_total' | 'household_income_latest', countyCode: string) {
  const [check] = await queryRows<TableCheck>(
    db,
    sql`WITH stored AS (SELECT * FROM ${sql.identifier(table)} WHERE county_code = ${countyCode}),
      expected AS (SELECT * FROM ${sql.identifier(`${table}_source`)} WHERE county_code = ${countyCode})
    SELECT (SELECT count(*)::int FROM stored) AS stored, (SELECT count(*)::int FROM expected) AS expected,
      (SELECT count(*)::int FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM stored) d) AS missing,
      (SELECT count(*)::int FROM (SELECT * FROM stored EXCEPT ALL SELECT * FROM expected) d) AS extra`,
  );
  return check;
}

const COLUMNS = sql.raw(
  'county_code, household_id, membership_id, person_id, record_id, source, item, occurred_on, amount_fen, attrs, labour_skill, member_until',
);

/** Row-by-row comparison of the kept facts tables with their definitions for one county (every column). */
export async function compareFacts(db: Db, countyCode: string): Promise<FactsCheck> {
  const [row] = await queryRows<Omit<FactsCheck, 'yearTotals' | 'latestIncome'>>(
    db,
    sql`WITH stored AS (SELECT ${COLUMNS} FROM feed_event WHERE county_code = ${countyCode}),
      expected AS (SELECT ${COLUMNS} FROM feed_event_source WHERE county_code = ${countyCode}),
      missing AS (SELECT * FROM expected EXCEPT ALL SELECT * FROM stored),
      extra AS (SELECT * FROM stored EXCEPT ALL SELECT * FROM expected)
    SELECT (SELECT count(*)::int FROM stored) AS stored, (SELECT count(*)::int FROM expected) AS expected,
      (SELECT count(*)::int FROM missing) AS missing, (SELECT count(*)::int FROM extra) AS extra,
      coalesce((SELECT jsonb_agg(d) FROM (
        (SELECT household_id AS "householdId", record_id AS "recordId", membership_id AS "membershipId", 'missing' AS kind FROM missing LIMIT 10)
        UNION ALL
        (SELECT household_id, record_id, membership_id, 'extra' FROM extra LIMIT 10)) d), '[]'::jsonb) AS sample`,
  );
  return {
    ...row,
    yearTotals: await compareTable(db, 'feed_year_total', countyCode),
    latestIncome: await compareTable(db, 'household_income_latest', countyCode),
  };
}

/** Empties the kept facts tables and fills them from their definitions (every county); returns feed_event's rows. */
export async function rebuildFeedEvents(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string }>(db, sql`SELECT feed_event_rebuild()::text AS n`);
  return Number(row.n);
}
