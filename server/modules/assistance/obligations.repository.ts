import { sql, type SQL } from 'drizzle-orm';
import type { OBLIGATION_SORTS } from '#common/contracts/assistance.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { OBLIGATION_CODES, type ObligationCode } from '#common/domain/assistance/obligations.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { obligationSnapshots } from '#server/db/schema/assistance.ts';
import { orderBy, type SortColumns } from '#server/lib/paging.ts';
import { labourList, reachOf, type Reach } from './assistance.reach.ts';

// SQL of the obligations board (set-based, as of a day) and its daily snapshot (obligation_snapshot).

export interface ObligationMonths {
  first: number;
  development: number;
  risk: number;
}

export interface ObligationSqlRow {
  household_id: number;
  household_no: string;
  head_name: string | null;
  village_code: string;
  village_name: string | null;
  township_code: string;
  code: ObligationCode;
  due_on: string;
  risk_type: string | null;
  measure_id: number | null;
}

/**
 * The rules of common/domain/assistance/obligations.ts in one statement: "N months after D" is
 * PostgreSQL's date + interval (same day, clamped to the month end), overdue on that day.
 */
export interface ObligationFilter {
  orgPrefix?: string;
  householdId?: number;
  code?: string;
}

/** The one statement of the obligation rows a filter matches (no order, no limit): the list, its total and its export read it. */
function obligationRows(r: Reach, asOf: string, months: ObligationMonths, f: ObligationFilter): SQL {
  const extra: SQL[] = [];
  if (f.orgPrefix) extra.push(sql`h.village_code LIKE ${f.orgPrefix + '%'}`);
  if (f.householdId) extra.push(sql`h.id = ${f.householdId}`);
  const hhWhere = sql.join([reachOf(sql`h.id`, sql`h.village_code`, r), ...extra], sql` AND `);
  const codeFilter = f.code ? sql`WHERE o.code = ${f.code}` : sql``;
  const d = sql`${asOf}::date`;
  return sql`
    WITH hh AS (
      SELECT h.id, h.household_no, h.village_code, h.county_code, h.monitoring_status, h.risk_types,
        to_date(h.identification_period || '-01', 'YYYY-MM-DD') AS identified,
        to_date(h.elimination_period || '-01', 'YYYY-MM-DD') AS eliminated,
        (NOT h.whole_household_no_labour AND EXISTS (SELECT 1 FROM membership ms JOIN person p ON p.id = ms.person_id AND p.county_code = ms.county_code
          WHERE ms.household_id = h.id AND ms.valid_to IS NULL AND p.labour_skill IN (${labourList}))) AS capable
      FROM household h
      WHERE h.closed_on IS NULL AND h.monitoring_status IN ('monitored', 'eliminated') AND ${hhWhere}
    ),
    placed AS (
      SELECT m.household_id, m.category, m.risk_type FROM assistance_measure m JOIN hh ON hh.id = m.household_id
      WHERE m.status IN ('ongoing', 'completed') AND m.start_on <= ${d}
    ),
    o AS (
      SELECT hh.id AS household_id, 'noMeasure' AS code, (hh.identified + make_interval(months => ${months.first}))::date AS due_on, NULL::text AS risk_type, NULL::bigint AS measure_id
      FROM hh WHERE hh.monitoring_status = 'monitored' AND hh.identified IS NOT NULL
        AND (hh.identified + make_interval(months => ${months.first}))::date <= ${d}
        AND NOT EXISTS (SELECT 1 FROM placed WHERE placed.household_id = hh.id)
      UNION ALL
      SELECT hh.id, 'noDevelopmentMeasure', (hh.identified + make_interval(months => ${months.development}))::date, NULL, NULL
      FROM hh WHERE hh.monitoring_status = 'monitored' AND hh.identified IS NOT NULL AND hh.capable
        AND (hh.identified + make_interval(months => ${months.development}))::date <= ${d}
        AND NOT EXISTS (SELECT 1 FROM placed WHERE placed.household_id = hh.id AND placed.category IN ('industry', 'employment', 'finance', 'publicWelfarePost'))
      UNION ALL
      SELECT hh.id, 'riskWithoutMeasure', (rs.since + make_interval(months => ${months.risk}))::date, rs.risk, NULL
      FROM hh CROSS JOIN LATERAL (
        SELECT r.risk, greatest(hh.identified, coalesce((SELECT min((c.opened_at AT TIME ZONE 'UTC' + interval '8 hours')::date) FROM clue c
          WHERE c.household_id = hh.id AND c.risk_type = r.risk AND c.status = 'open'), hh.identified)) AS since
        FROM unnest(hh.risk_types) AS r(risk)
      ) rs
      WHERE hh.monitoring_status = 'monitored' AND hh.identified IS NOT NULL
        AND (rs.since + make_interval(months => ${months.risk}))::date <= ${d}
        AND NOT EXISTS (SELECT 1 FROM placed WHERE placed.household_id = hh.id AND placed.risk_type = rs.risk)
      UNION ALL
      SELECT hh.id, 'continuesAfterElimination',
        CASE WHEN st.continues_after_elimination IS NOT NULL AND m.end_on IS NOT NULL AND m.end_on >= (hh.eliminated + interval '1 month')::date
          THEN m.end_on + 1 ELSE (hh.eliminated + interval '1 month')::date END,
        NULL, m.id
      FROM hh JOIN assistance_measure m ON m.household_id = hh.id AND m.county_code = hh.county_code
      LEFT JOIN measure_subtype st ON st.county_code = m.county_code AND st.category = m.category AND st.code = m.sub_type
      WHERE hh.monitoring_status = 'eliminated' AND hh.eliminated IS NOT NULL
        AND m.status IN ('ongoing', 'planned') AND m.start_on <= ${d}
        AND (hh.eliminated + interval '1 month')::date <= ${d}
        AND NOT (st.continues_after_elimination IS NOT NULL AND m.end_on IS NOT NULL AND ${d} <= m.end_on)
    )
    SELECT o.household_id, hh.household_no, (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
        WHERE m.household_id = hh.id AND m.valid_to IS NULL AND m.relationship = 'head') AS head_name,
      hh.village_code, v.name AS village_name, substr(hh.village_code, 1, 9) || '000' AS township_code,
      o.code, o.due_on::text AS due_on, o.risk_type, o.measure_id
    FROM o JOIN hh ON hh.id = o.household_id LEFT JOIN org_unit v ON v.code = hh.village_code
    ${codeFilter}`;
}

/** Every obligation the filter matches as of a day, oldest due first, at most `limit` rows. */
export async function obligationsAsOf(
  db: Db,
  r: Reach,
  asOf: string,
  months: ObligationMonths,
  f: ObligationFilter & { limit: number },
) {
  return queryRows<ObligationSqlRow>(
    db,
    sql`${obligationRows(r, asOf, months, f)} ORDER BY o.due_on, o.household_id, o.code, o.risk_type LIMIT ${f.limit}`,
  );
}

const OBLIGATION_SORT_COLUMNS: SortColumns<(typeof OBLIGATION_SORTS)[number]> = {
  dueOn: sql`x.due_on`,
  householdNo: sql`x.household_no`,
  village: sql`x.village_code`,
  code: sql`x.code`,
};

/** How many obligation rows the filter matches (all pages; the export writes as many rows). */
export async function countObligations(
  db: Db,
  r: Reach,
  asOf: string,
  months: ObligationMonths,
  f: ObligationFilter,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (${obligationRows(r, asOf, months, f)}) x`,
  );
  return row.n;
}

/** One page of obligation rows, oldest due first unless a sort is asked. */
export async function pageObligations(
  db: Db,
  r: Reach,
  asOf: string,
  months: ObligationMonths,
  f: ObligationFilter,
  p: PagingQuery<(typeof OBLIGATION_SORTS)[number]> & { page: number; pageSize: number },
) {
  const order = orderBy(OBLIGATION_SORT_COLUMNS, p, sql`x.household_id, x.code, x.risk_type, x.measure_id`, 'dueOn');
  return queryRows<ObligationSqlRow>(
    db,
    sql`SELECT * FROM (${obligationRows(r, asOf, months, f)}) x
      ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
  );
}

/** Counts per township and code (the board's header), without the row limit. */
export async function obligationCounts(db: Db, r: Reach, asOf: string, months: ObligationMonths, orgPrefix?: string) {
  const rows = await obligationsAsOf(db, r, asOf, months, { orgPrefix, limit: 1_000_000 });
  const counts = new Map<string, Map<string, Set<number>>>();
  for (const row of rows) {
    const t = counts.get(row.township_code) ?? new Map<string, Set<number>>();
    const s = t.get(row.code) ?? new Set<number>();
    s.add(row.household_id);
    t.set(row.code, s);
    counts.set(row.township_code, t);
  }
  return { rows, counts };
}

/** The obligations of monitored households (not the check on eliminated households' measures). */
const MONITORED_OBLIGATIONS: ReadonlySet<string> = new Set(
  OBLIGATION_CODES.filter((c) => c !== 'continuesAfterElimination'),
);

/**
 * Snapshot rows from the board's counts: households per township and obligation code, plus `anyOpen`, the
 * monitored households with at least one open obligation (a household without any measure has several).
 */
export function snapshotRows(
  counts: Map<string, Map<string, Set<number>>>,
): { townshipCode: string; code: string; households: number }[] {
  return [...counts.entries()].flatMap(([townshipCode, byCode]) => {
    const any = new Set(
      [...byCode.entries()].filter(([code]) => MONITORED_OBLIGATIONS.has(code)).flatMap(([, set]) => [...set]),
    );
    return [
      ...[...byCode.entries()].map(([code, set]) => ({ townshipCode, code, households: set.size })),
      { townshipCode, code: 'anyOpen', households: any.size },
    ];
  });
}

export async function saveSnapshot(
  tx: Db,
  countyCode: string,
  asOf: string,
  rows: { townshipCode: string; code: string; households: number }[],
) {
  if (rows.length === 0) return;
  await tx
    .insert(obligationSnapshots)
    .values(rows.map((r) => ({ countyCode, asOf, ...r })))
    .onConflictDoUpdate({
      target: [obligationSnapshots.asOf, obligationSnapshots.townshipCode, obligationSnapshots.code],
      set: { households: sql`excluded.households` },
    });
}

export async function snapshotExists(db: Db, countyCode: string, asOf: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM obligation_snapshot WHERE county_code = ${countyCode} AND as_of = ${asOf}::date`,
  );
  return rows[0].n > 0;
}

/** The townships' names by code (the board's rows are counted per township). */
export async function townshipNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.query.orgUnits.findMany({
    columns: { code: true, name: true },
    where: (o, { eq }) => eq(o.level, 'township'),
  });
  return new Map(rows.map((o) => [o.code, o.name]));
}
