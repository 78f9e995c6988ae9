import { and, asc, desc, eq, gt, isNull, like, sql, type SQL } from 'drizzle-orm';
import { LABOUR_CAPABLE_SKILLS } from '../../../common/domain/registry/codes.ts';
import { OBLIGATION_CODES, type ObligationCode } from '../../../common/domain/assistance/obligations.ts';
import type { Db } from '../../db/connect.ts';
import { queryRows } from '../../db/connect.ts';
import { assistanceMeasures, cadrePairings, measureSubtypes, obligationSnapshots } from '../../db/schema/assistance.ts';
import { orgUnits } from '../../db/schema/org.ts';

// SQL for pairings, measures, sub-type lists, the obligations board and the cadre workspace.
// Every read takes the actor's scope prefix; a paired cadre's reads also take his user id.

export type PairingRecord = typeof cadrePairings.$inferSelect;
export type MeasureRecord = typeof assistanceMeasures.$inferSelect;

/** Who may see which households: an org prefix, and for a paired cadre his active pairings. */
export interface Reach {
  scopePrefix: string;
  cadreUserId: number | null;
}

const headName = (idCol: SQL) => sql<string | null>`(SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id
  WHERE m.household_id = ${idCol} AND m.valid_to IS NULL AND m.relationship = 'head')`;
const labourList = sql.join(
  LABOUR_CAPABLE_SKILLS.map((s) => sql`${s}`),
  sql`, `,
);

/** SQL condition on a household id column: within reach. */
export function reachOf(householdIdCol: SQL, villageCol: SQL, r: Reach): SQL {
  const scope = r.scopePrefix === '' ? sql`true` : sql`${villageCol} LIKE ${r.scopePrefix + '%'}`;
  if (r.cadreUserId === null) return scope;
  return sql`${scope} AND EXISTS (SELECT 1 FROM cadre_pairing cp WHERE cp.household_id = ${householdIdCol} AND cp.cadre_user_id = ${r.cadreUserId} AND cp.end_on IS NULL)`;
}

// ---------------------------------------------------------------- pairings

export async function activePairingOf(db: Db, householdId: number): Promise<PairingRecord | undefined> {
  const [row] = await db
    .select()
    .from(cadrePairings)
    .where(and(eq(cadrePairings.householdId, householdId), isNull(cadrePairings.endOn)));
  return row;
}

export async function insertPairing(tx: Db, p: typeof cadrePairings.$inferInsert): Promise<number> {
  const [row] = await tx.insert(cadrePairings).values(p).returning({ id: cadrePairings.id });
  return row.id;
}

export async function endPairing(tx: Db, id: number, endOn: string, reason: string): Promise<boolean> {
  const rows = await tx
    .update(cadrePairings)
    .set({ endOn, endReason: reason })
    .where(and(eq(cadrePairings.id, id), isNull(cadrePairings.endOn)))
    .returning({ id: cadrePairings.id });
  return rows.length === 1;
}

export async function findPairing(db: Db, id: number, r: Reach) {
  const [row] = await listPairings(db, r, { id, activeOnly: false });
  return row;
}

export async function listPairings(
  db: Db,
  r: Reach,
  f: { id?: number; householdId?: number; cadreUserId?: number; activeOnly: boolean; limit?: number },
) {
  const where: SQL[] = [reachOf(sql`${cadrePairings.householdId}`, sql`${cadrePairings.villageCode}`, r)];
  if (f.id) where.push(eq(cadrePairings.id, f.id));
  if (f.householdId) where.push(eq(cadrePairings.householdId, f.householdId));
  if (f.cadreUserId) where.push(eq(cadrePairings.cadreUserId, f.cadreUserId));
  if (f.activeOnly) where.push(isNull(cadrePairings.endOn));
  return db
    .select({
      pairing: cadrePairings,
      householdNo: sql<string>`(SELECT h.household_no FROM household h WHERE h.id = ${cadrePairings.householdId})`,
      headName: headName(sql`${cadrePairings.householdId}`),
      villageName: orgUnits.name,
    })
    .from(cadrePairings)
    .leftJoin(orgUnits, eq(orgUnits.code, cadrePairings.villageCode))
    .where(and(...where))
    .orderBy(desc(cadrePairings.startOn), desc(cadrePairings.id))
    .limit(f.limit ?? 500);
}

export async function cadreUsers(db: Db, countyCode: string) {
  return queryRows<{ id: number; display_name: string; org_code: string; org_name: string | null }>(
    db,
    sql`SELECT u.id, u.display_name, u.org_code, o.name AS org_name FROM app_user u LEFT JOIN org_unit o ON o.code = u.org_code
      WHERE u.role = 'cadre' AND u.active AND u.org_code LIKE ${countyCode + '%'} ORDER BY u.display_name, u.id`,
  );
}

// ---------------------------------------------------------------- measures

export async function insertMeasure(tx: Db, m: typeof assistanceMeasures.$inferInsert): Promise<number> {
  const [row] = await tx.insert(assistanceMeasures).values(m).returning({ id: assistanceMeasures.id });
  return row.id;
}

export async function updateMeasure(
  tx: Db,
  id: number,
  version: number,
  set: Partial<typeof assistanceMeasures.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(assistanceMeasures)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(assistanceMeasures.id, id), eq(assistanceMeasures.version, version)))
    .returning({ id: assistanceMeasures.id });
  return rows.length === 1;
}

export interface MeasureFilter {
  id?: number;
  householdId?: number;
  orgPrefix?: string;
  category?: string;
  status?: string;
  afterId?: number;
  limit: number;
}

/** The one where-clause of the measure list: its page, its total and its export read the same rows. */
function measureWhere(r: Reach, f: Omit<MeasureFilter, 'afterId' | 'limit'>): SQL[] {
  const where: SQL[] = [reachOf(sql`${assistanceMeasures.householdId}`, sql`${assistanceMeasures.villageCode}`, r)];
  if (f.id) where.push(eq(assistanceMeasures.id, f.id));
  if (f.householdId) where.push(eq(assistanceMeasures.householdId, f.householdId));
  if (f.orgPrefix) where.push(like(assistanceMeasures.villageCode, f.orgPrefix + '%'));
  if (f.category) where.push(eq(assistanceMeasures.category, f.category));
  if (f.status) where.push(sql`${assistanceMeasures.status} = ${f.status}`);
  return where;
}

/** How many measures the filters match (all pages; the export writes as many rows). */
export async function countMeasures(db: Db, r: Reach, f: Omit<MeasureFilter, 'afterId' | 'limit'>): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assistanceMeasures)
    .where(and(...measureWhere(r, f)));
  return row.n;
}

export async function listMeasures(db: Db, r: Reach, f: MeasureFilter) {
  const where = measureWhere(r, f);
  if (f.afterId) where.push(gt(assistanceMeasures.id, f.afterId));
  return db
    .select({
      measure: assistanceMeasures,
      householdNo: sql<
        string | null
      >`(SELECT h.household_no FROM household h WHERE h.id = ${assistanceMeasures.householdId})`,
      headName: headName(sql`${assistanceMeasures.householdId}`),
      subTypeLabel: measureSubtypes.labelZh,
      continuation: measureSubtypes.continuesAfterElimination,
    })
    .from(assistanceMeasures)
    .leftJoin(
      measureSubtypes,
      and(
        eq(measureSubtypes.countyCode, assistanceMeasures.countyCode),
        eq(measureSubtypes.category, assistanceMeasures.category),
        eq(measureSubtypes.code, assistanceMeasures.subType),
      ),
    )
    .where(and(...where))
    .orderBy(f.householdId ? desc(assistanceMeasures.startOn) : asc(assistanceMeasures.id), asc(assistanceMeasures.id))
    .limit(f.limit);
}

// ---------------------------------------------------------------- sub-types

export async function seedSubtypes(
  db: Db,
  countyCode: string,
  rows: Omit<typeof measureSubtypes.$inferInsert, 'countyCode'>[],
): Promise<void> {
  if (rows.length)
    await db
      .insert(measureSubtypes)
      .values(rows.map((r) => ({ ...r, countyCode })))
      .onConflictDoNothing();
}

export async function listSubtypes(db: Db, countyCode: string) {
  return db
    .select()
    .from(measureSubtypes)
    .where(eq(measureSubtypes.countyCode, countyCode))
    .orderBy(asc(measureSubtypes.category), asc(measureSubtypes.sort), asc(measureSubtypes.id));
}

export async function upsertSubtype(tx: Db, row: typeof measureSubtypes.$inferInsert) {
  const [saved] = await tx
    .insert(measureSubtypes)
    .values(row)
    .onConflictDoUpdate({
      target: [measureSubtypes.countyCode, measureSubtypes.category, measureSubtypes.code],
      set: {
        labelZh: row.labelZh,
        continuesAfterElimination: row.continuesAfterElimination,
        active: row.active,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return saved;
}

// ---------------------------------------------------------------- obligations (set-based, as of a day)

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
export async function obligationsAsOf(
  db: Db,
  r: Reach,
  asOf: string,
  months: ObligationMonths,
  f: { orgPrefix?: string; householdId?: number; code?: string; limit: number },
) {
  const extra: SQL[] = [];
  if (f.orgPrefix) extra.push(sql`h.village_code LIKE ${f.orgPrefix + '%'}`);
  if (f.householdId) extra.push(sql`h.id = ${f.householdId}`);
  const hhWhere = sql.join([reachOf(sql`h.id`, sql`h.village_code`, r), ...extra], sql` AND `);
  const codeFilter = f.code ? sql`WHERE o.code = ${f.code}` : sql``;
  const d = sql`${asOf}::date`;
  return queryRows<ObligationSqlRow>(
    db,
    sql`
    WITH hh AS (
      SELECT h.id, h.household_no, h.village_code, h.county_code, h.monitoring_status, h.risk_types,
        to_date(h.identification_period || '-01', 'YYYY-MM-DD') AS identified,
        to_date(h.elimination_period || '-01', 'YYYY-MM-DD') AS eliminated,
        (NOT h.whole_household_no_labour AND EXISTS (SELECT 1 FROM membership ms JOIN person p ON p.id = ms.person_id
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
      FROM hh JOIN assistance_measure m ON m.household_id = hh.id
      LEFT JOIN measure_subtype st ON st.county_code = m.county_code AND st.category = m.category AND st.code = m.sub_type
      WHERE hh.monitoring_status = 'eliminated' AND hh.eliminated IS NOT NULL
        AND m.status IN ('ongoing', 'planned') AND m.start_on <= ${d}
        AND (hh.eliminated + interval '1 month')::date <= ${d}
        AND NOT (st.continues_after_elimination IS NOT NULL AND m.end_on IS NOT NULL AND ${d} <= m.end_on)
    )
    SELECT o.household_id, hh.household_no, (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id
        WHERE m.household_id = hh.id AND m.valid_to IS NULL AND m.relationship = 'head') AS head_name,
      hh.village_code, v.name AS village_name, substr(hh.village_code, 1, 9) || '000' AS township_code,
      o.code, o.due_on::text AS due_on, o.risk_type, o.measure_id
    FROM o JOIN hh ON hh.id = o.household_id LEFT JOIN org_unit v ON v.code = hh.village_code
    ${codeFilter}
    ORDER BY o.due_on, o.household_id, o.code, o.risk_type
    LIMIT ${f.limit}`,
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

// ---------------------------------------------------------------- household facts, workspace

export async function householdFacts(db: Db, r: Reach, id: number) {
  const [row] = await queryRows<{
    id: number;
    household_no: string;
    county_code: string;
    village_code: string;
    village_name: string | null;
    monitoring_status: string;
    monitoring_type: string | null;
    identification_period: string | null;
    elimination_period: string | null;
    risk_types: string[];
    whole_household_no_labour: boolean;
    head_name: string | null;
    labour_capable: number;
  }>(
    db,
    sql`SELECT h.id, h.household_no, h.county_code, h.village_code, v.name AS village_name, h.monitoring_status, h.monitoring_type,
        h.identification_period, h.elimination_period, h.risk_types, h.whole_household_no_labour,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head') AS head_name,
        (SELECT count(*)::int FROM membership m JOIN person p ON p.id = m.person_id WHERE m.household_id = h.id AND m.valid_to IS NULL AND p.labour_skill IN (${labourList})) AS labour_capable
      FROM household h LEFT JOIN org_unit v ON v.code = h.village_code
      WHERE h.id = ${id} AND ${reachOf(sql`h.id`, sql`h.village_code`, r)}`,
  );
  return row;
}

export async function visitsOfHousehold(db: Db, householdId: number, limit = 20) {
  return queryRows<{
    id: number;
    visited_on: string;
    visitor_name: string;
    findings: string;
    risk_found: boolean;
    risk_types: string[];
  }>(
    db,
    sql`SELECT id, visited_on::text, visitor_name, findings, risk_found, risk_types FROM visit WHERE household_id = ${householdId} ORDER BY visited_on DESC, id DESC LIMIT ${limit}`,
  );
}

/** A cadre's paired households with their last visit (by anyone), open clues and risks. */
export async function workspaceHouseholds(db: Db, cadreUserId: number) {
  return queryRows<{
    household_id: number;
    household_no: string;
    head_name: string | null;
    village_name: string | null;
    monitoring_status: string;
    kind: string;
    risk_types: string[];
    open_clues: number;
    last_visit_on: string | null;
    paired_since: string;
  }>(
    db,
    sql`SELECT h.id AS household_id, h.household_no, v.name AS village_name, h.monitoring_status, h.kind, h.risk_types, cp.start_on::text AS paired_since,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head') AS head_name,
        (SELECT count(*)::int FROM clue c WHERE c.household_id = h.id AND c.status = 'open') AS open_clues,
        (SELECT max(vi.visited_on)::text FROM visit vi WHERE vi.household_id = h.id) AS last_visit_on
      FROM cadre_pairing cp JOIN household h ON h.id = cp.household_id LEFT JOIN org_unit v ON v.code = h.village_code
      WHERE cp.cadre_user_id = ${cadreUserId} AND cp.end_on IS NULL
      ORDER BY h.household_no`,
  );
}

export async function recentVisitsBy(db: Db, cadreUserId: number, limit = 10) {
  return queryRows<{
    id: number;
    household_id: number;
    household_no: string;
    visited_on: string;
    findings: string;
    risk_found: boolean;
  }>(
    db,
    sql`SELECT vi.id, vi.household_id, h.household_no, vi.visited_on::text, vi.findings, vi.risk_found
      FROM visit vi JOIN household h ON h.id = vi.household_id WHERE vi.visitor_id = ${cadreUserId} ORDER BY vi.visited_on DESC, vi.id DESC LIMIT ${limit}`,
  );
}
