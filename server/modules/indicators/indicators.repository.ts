import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import {
  indicatorApprovals,
  indicatorAssessmentSchemes,
  indicatorDataSets,
  indicatorDefs,
  indicatorElements,
  indicatorOrgGroups,
  indicatorTargets,
  indicatorValidationRules,
  indicatorValueAudit,
  indicatorValues,
} from '#server/db/schema/indicators.ts';
import type { Cell } from '#common/domain/indicators/rollup.ts';

// SQL only. Codes and periods are passed as one text[] parameter each (codes are [A-Z0-9_-]).

export const textArray = (xs: readonly string[]) =>
  sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

export interface OrgRow {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village' | 'group';
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}

export async function orgUnitsOfCounty(db: Db, countyCode: string): Promise<OrgRow[]> {
  return queryRows<OrgRow>(
    db,
    sql`SELECT code, name, level, parent_code AS "parentCode", valid_from::text AS "validFrom", valid_to::text AS "validTo",
    successor_code AS "successorCode" FROM org_unit WHERE county_code = ${countyCode} ORDER BY code`,
  );
}

export async function orgGroupsOf(db: Db, prefix: string): Promise<{ groupCode: string; orgCode: string }[]> {
  return queryRows(
    db,
    sql`SELECT group_code AS "groupCode", org_code AS "orgCode" FROM indicator_org_group WHERE org_code LIKE ${prefix + '%'}`,
  );
}

/**
 * Replaces a group's members within a county (`countyPrefix`, 6 digits) by `orgCodes`, in the caller's transaction:
 * the one way another module (key-villages' decision) writes indicator_org_group. Returns the members before.
 */
export async function replaceOrgGroup(
  tx: Db,
  countyPrefix: string,
  groupCode: string,
  orgCodes: readonly string[],
): Promise<string[]> {
  const before = await queryRows<{ org_code: string }>(
    tx,
    sql`DELETE FROM indicator_org_group WHERE group_code = ${groupCode} AND org_code LIKE ${countyPrefix + '%'} RETURNING org_code`,
  );
  const codes = [...new Set(orgCodes)];
  if (codes.length)
    await tx
      .insert(indicatorOrgGroups)
      .values(codes.map((orgCode) => ({ groupCode, orgCode })))
      .onConflictDoNothing();
  return before.map((r) => r.org_code).sort();
}

/**
 * Aggregated cells for some units: the roll-up of everything below them plus values entered on the unit itself.
 * `aliases` maps a unit read on behalf of another (a merged township's history read for its successor).
 */
export async function cellsFor(
  db: Db,
  orgs: readonly string[],
  elements: readonly string[],
  periods: readonly string[],
): Promise<{ org: string; element: string; period: string; sum: number; count: number }[]> {
  if (orgs.length === 0 || elements.length === 0 || periods.length === 0) return [];
  return queryRows(
    db,
    sql`
    SELECT ancestor_code AS org, element, period, sum, count FROM indicator_rollup
     WHERE ancestor_code = ANY(${textArray(orgs)}) AND element = ANY(${textArray(elements)}) AND period = ANY(${textArray(periods)})
    UNION ALL
    SELECT org_code, element, period, value, 1 FROM indicator_value
     WHERE org_code = ANY(${textArray(orgs)}) AND element = ANY(${textArray(elements)}) AND period = ANY(${textArray(periods)})`,
  );
}

/** Add (sum, count) deltas to the roll-up rows of the given ancestors (one statement). */
export async function bumpRollup(
  tx: Db,
  ancestors: readonly string[],
  element: string,
  period: string,
  dSum: number,
  dCount: number,
): Promise<void> {
  if (ancestors.length === 0 || (dSum === 0 && dCount === 0)) return;
  await tx.execute(sql`
    INSERT INTO indicator_rollup (ancestor_code, element, period, sum, count)
    SELECT a, ${element}, ${period}, ${dSum}::float8, ${dCount}::int FROM unnest(${textArray(ancestors)}) AS a
    ON CONFLICT (ancestor_code, element, period) DO UPDATE SET sum = indicator_rollup.sum + excluded.sum, count = indicator_rollup.count + excluded.count`);
}

/** Rebuild the roll-up of a county from its values in one statement (repair; bulk loads). */
export async function rebuildRollup(db: Db, countyCode: string): Promise<void> {
  const prefix = countyCode.slice(0, 6);
  await db.execute(sql`DELETE FROM indicator_rollup WHERE ancestor_code LIKE ${prefix + '%'}`);
  await db.execute(sql`
    WITH RECURSIVE anc AS (
      SELECT code AS unit, parent_code AS ancestor FROM org_unit WHERE county_code = ${countyCode} AND parent_code IS NOT NULL
      UNION ALL
      SELECT anc.unit, o.parent_code FROM anc JOIN org_unit o ON o.code = anc.ancestor WHERE o.parent_code IS NOT NULL
    )
    INSERT INTO indicator_rollup (ancestor_code, element, period, sum, count)
    SELECT anc.ancestor, v.element, v.period, sum(v.value), count(*)::int
      FROM indicator_value v JOIN anc ON anc.unit = v.org_code
     WHERE v.org_code LIKE ${prefix + '%'}
     GROUP BY 1, 2, 3`);
  await rebuildShareRollup(db, countyCode);
}

/** The roll-up key of a share-of-units indicator: units meeting its threshold (sum) and units with data (count). */
export const shareKey = (indicatorCode: string) => `=${indicatorCode}`;

/**
 * Rebuild the share-of-units rows ("=CODE") of a county: per ancestor and period, how many units of the indicator's
 * level meet its threshold and how many have a value. Kept by delta on every write like the sums.
 */
export async function rebuildShareRollup(db: Db, countyCode: string, indicatorCode?: string): Promise<void> {
  const prefix = countyCode.slice(0, 6);
  await db.execute(
    sql`DELETE FROM indicator_rollup WHERE ancestor_code LIKE ${prefix + '%'} AND element LIKE '=%' ${indicatorCode ? sql`AND element = ${shareKey(indicatorCode)}` : sql``}`,
  );
  await db.execute(sql`
    WITH RECURSIVE anc AS (
      SELECT code AS unit, parent_code AS ancestor FROM org_unit WHERE county_code = ${countyCode} AND parent_code IS NOT NULL
      UNION ALL
      SELECT anc.unit, o.parent_code FROM anc JOIN org_unit o ON o.code = anc.ancestor WHERE o.parent_code IS NOT NULL
    ), defs AS (
      SELECT code, substring(numerator from '#\{([A-Z0-9_]+)\}') AS element, unit_level, threshold->>'op' AS op, (threshold->>'value')::float8 AS thr
        FROM indicator_def WHERE mode = 'shareMeeting' AND threshold IS NOT NULL ${indicatorCode ? sql`AND code = ${indicatorCode}` : sql``}
    )
    INSERT INTO indicator_rollup (ancestor_code, element, period, sum, count)
    SELECT anc.ancestor, '=' || d.code, v.period,
           sum(CASE WHEN (d.op IN ('>=', 'between') AND v.value >= d.thr) OR (d.op = '<=' AND v.value <= d.thr) OR (d.op = '=' AND v.value = d.thr) OR (d.op = '>' AND v.value > d.thr) THEN 1 ELSE 0 END),
           count(*)::int
      FROM defs d
      JOIN indicator_value v ON v.element = d.element AND v.org_code LIKE ${prefix + '%'}
      JOIN org_unit u ON u.code = v.org_code AND u.level = d.unit_level
      JOIN anc ON anc.unit = v.org_code
     GROUP BY 1, 2, 3`);
}

export interface ValueRow {
  element: string;
  orgCode: string;
  period: string;
  value: number;
  comment: string | null;
  storedBy: string;
  updatedAt: string;
}

export async function valuesOf(
  db: Db,
  orgCode: string,
  period: string,
  elements: readonly string[],
): Promise<ValueRow[]> {
  return queryRows<ValueRow>(
    db,
    sql`SELECT element, org_code AS "orgCode", period, value, comment, stored_by AS "storedBy", updated_at::text AS "updatedAt"
    FROM indicator_value WHERE org_code = ${orgCode} AND period = ${period} AND element = ANY(${textArray(elements)})`,
  );
}

export async function approvalOf(db: Db, dataSet: string, orgCode: string, period: string, forUpdate = false) {
  const rows = await queryRows<{
    status: string;
    history: ApprovalEntry[];
  }>(
    db,
    sql`
    SELECT status, history FROM indicator_approval WHERE data_set = ${dataSet} AND org_code = ${orgCode} AND period = ${period} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return rows[0] ?? null;
}

/** Approval state of every unit of a data set's entry level under a prefix for one period. */
export async function approvalsUnder(db: Db, dataSet: string, prefix: string, period: string) {
  return queryRows<{ orgCode: string; status: string; updatedAt: string }>(
    db,
    sql`
    SELECT org_code AS "orgCode", status, updated_at::text AS "updatedAt" FROM indicator_approval WHERE data_set = ${dataSet} AND period = ${period} AND org_code LIKE ${prefix + '%'}`,
  );
}

export async function valueCountsUnder(db: Db, elements: readonly string[], prefix: string, period: string) {
  return queryRows<{ orgCode: string; n: number }>(
    db,
    sql`
    SELECT org_code AS "orgCode", count(*)::int AS n FROM indicator_value WHERE element = ANY(${textArray(elements)}) AND period = ${period} AND org_code LIKE ${prefix + '%'} GROUP BY 1`,
  );
}

export type CellRow = Cell & { org: string; element: string; period: string };

// ---------------------------------------------------------------- catalogue, values, audit trail, approvals

/** The whole catalogue: data elements, indicators, targets and data sets (small tables, read together). */
export async function catalogueRows(db: Db) {
  const [elements, indicators, targets, dataSets] = await Promise.all([
    db.select().from(indicatorElements),
    db.select().from(indicatorDefs).orderBy(asc(indicatorDefs.code)),
    db.select().from(indicatorTargets).orderBy(asc(indicatorTargets.id)),
    db.select().from(indicatorDataSets).orderBy(asc(indicatorDataSets.code)),
  ]);
  return { elements, indicators, targets, dataSets };
}

export type ValidationRuleRow = typeof indicatorValidationRules.$inferSelect;

export async function validationRulesOf(db: Db, dataSet: string): Promise<ValidationRuleRow[]> {
  return db.select().from(indicatorValidationRules).where(eq(indicatorValidationRules.dataSet, dataSet));
}

/** The stored value of one cell (null when none), locked for the transaction when asked. */
export async function cellValue(
  db: Db,
  cell: { element: string; org: string; period: string },
  forUpdate = false,
): Promise<number | null> {
  const rows = await queryRows<{ value: number }>(
    db,
    sql`SELECT value FROM indicator_value WHERE element = ${cell.element} AND org_code = ${cell.org} AND period = ${cell.period} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return rows[0]?.value ?? null;
}

export async function deleteCell(tx: Db, cell: { element: string; org: string; period: string }): Promise<void> {
  await tx
    .delete(indicatorValues)
    .where(sql`element = ${cell.element} AND org_code = ${cell.org} AND period = ${cell.period}`);
}

export async function upsertCell(tx: Db, row: typeof indicatorValues.$inferInsert): Promise<void> {
  await tx
    .insert(indicatorValues)
    .values(row)
    .onConflictDoUpdate({
      target: [indicatorValues.element, indicatorValues.period, indicatorValues.orgCode],
      set: row,
    });
}

export async function insertValueAudit(tx: Db, row: typeof indicatorValueAudit.$inferInsert): Promise<void> {
  await tx.insert(indicatorValueAudit).values(row);
}

/** The audit trail of one cell, newest first (at most 200 entries). */
export async function valueAuditOf(db: Db, q: { element: string; org: string; period: string }) {
  return queryRows<{
    action: string;
    oldValue: number | null;
    newValue: number | null;
    comment: string | null;
    actor: string;
    at: string;
  }>(
    db,
    sql`
      SELECT action, old_value AS "oldValue", new_value AS "newValue", comment, actor, at::text AS at FROM indicator_value_audit
       WHERE element = ${q.element} AND org_code = ${q.org} AND period = ${q.period} ORDER BY id DESC LIMIT 200`,
  );
}

export interface ApprovalEntry {
  action: string;
  status: string;
  by: string;
  at: string;
  note?: string;
}

/** Sets the approval status of a data set's cell group and appends the step to its history. */
export async function saveApproval(
  tx: Db,
  key: { dataSet: string; orgCode: string; period: string },
  status: (typeof indicatorApprovals.$inferInsert)['status'],
  entry: ApprovalEntry,
): Promise<void> {
  await tx
    .insert(indicatorApprovals)
    .values({ ...key, status, history: [entry] })
    .onConflictDoUpdate({
      target: [indicatorApprovals.dataSet, indicatorApprovals.period, indicatorApprovals.orgCode],
      set: {
        status,
        history: sql`indicator_approval.history || ${JSON.stringify([entry])}::jsonb`,
        updatedAt: new Date(),
      },
    });
}

/** The year's assessment scheme (考核方案), replacing the one saved before. */
export async function saveAssessmentScheme(tx: Db, row: typeof indicatorAssessmentSchemes.$inferInsert): Promise<void> {
  await tx
    .insert(indicatorAssessmentSchemes)
    .values(row)
    .onConflictDoUpdate({ target: indicatorAssessmentSchemes.year, set: row });
}
