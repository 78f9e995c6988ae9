import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import type { RuleDiff } from '#common/domain/monitoring/diff.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { RUN_SORTS, WARNING_SORTS } from '#common/contracts/monitoring.ts';
import { orderBy, pageWindow, usesCursor, type SortColumns } from '#server/lib/paging.ts';
import { ABANDONED } from './monitoring.lease.ts';

// SQL for runs, warnings and diffs. Household-scoped reads take the org-code prefix of the actor
// (architecture rule 3); the warnings list pages by number (with a total and a sort whitelist) or by id.

export interface RunRow {
  id: number;
  countyCode: string;
  period: string;
  kind: 'monthly' | 'incremental';
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  householdsEvaluated: number | null;
  warningCount: number | null;
  counts: Record<string, number> | null;
  params: Record<string, unknown> | null;
  jobId: number | null;
  triggeredBy: string | null;
  /** Why a failed run failed, as stored (null otherwise). */
  error: string | null;
  /** Failed because the process running it stopped; superseded by a later run (monitoring.lease.ts). */
  abandoned: boolean;
}

const RUN_COLUMNS = sql`id::int AS "id", county_code AS "countyCode", period, kind, status, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startedAt",
  to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "finishedAt", duration_ms AS "durationMs", households_evaluated AS "householdsEvaluated",
  warning_count AS "warningCount", counts, params, job_id::int AS "jobId", triggered_by AS "triggeredBy",
  error, (status = 'failed' AND (error = ${ABANDONED} OR error LIKE 'abandoned:%')) AS "abandoned"`;

export async function insertRun(
  db: Db,
  run: {
    countyCode: string;
    period: string;
    kind: RunRow['kind'];
    params: Record<string, unknown>;
    triggeredBy: string;
  },
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO monitor_run (county_code, period, kind, status, params, triggered_by)
      VALUES (${run.countyCode}, ${run.period}, ${run.kind}, 'running', ${JSON.stringify(run.params)}::jsonb, ${run.triggeredBy}) RETURNING id::int AS id`,
  );
  return row.id;
}

export async function attachJob(db: Db, runId: number, jobId: number): Promise<void> {
  await db.execute(sql`UPDATE monitor_run SET job_id = ${jobId} WHERE id = ${runId}`);
}

export async function finishRun(
  db: Db,
  runId: number,
  end: {
    status: 'succeeded' | 'failed';
    durationMs: number;
    householdsEvaluated?: number;
    warningCount?: number;
    counts?: Record<string, number>;
    error?: string;
  },
): Promise<void> {
  await db.execute(sql`UPDATE monitor_run SET status = ${end.status}, finished_at = now(), duration_ms = ${Math.round(end.durationMs)}::int,
      heartbeat_at = now(), error = ${end.error?.slice(0, 2000) ?? null},
      households_evaluated = ${end.householdsEvaluated ?? null}, warning_count = ${end.warningCount ?? null},
      counts = ${end.counts ? JSON.stringify(end.counts) : null}::jsonb
    WHERE id = ${runId}`);
}

/** A monthly run of the period that is running or done (sweep abandoned runs first: monitoring.lease.ts). */
export async function findMonthlyRun(
  db: Db,
  countyCode: string,
  period: string,
  statuses: RunRow['status'][],
): Promise<RunRow | undefined> {
  const [row] = await queryRows<RunRow>(
    db,
    sql`SELECT ${RUN_COLUMNS} FROM monitor_run WHERE county_code = ${countyCode} AND period = ${period} AND kind = 'monthly'
      AND status = ANY(${`{${statuses.join(',')}}`}::text[])
      ORDER BY id DESC LIMIT 1`,
  );
  return row;
}

export async function countFailedMonthlyRuns(db: Db, countyCode: string, period: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM monitor_run WHERE county_code = ${countyCode} AND period = ${period} AND kind = 'monthly' AND status = 'failed'`,
  );
  return row.n;
}

export type RunSort = (typeof RUN_SORTS)[number];

export interface RunFilter {
  period?: string;
  kind?: string;
  status?: string;
}

/** The one where-clause of the runs list: its page, its total and its export read the same rows. */
export function runWhere(countyCode: string, f: RunFilter): SQL {
  const where: SQL[] = [sql`county_code = ${countyCode}`];
  if (f.period) where.push(sql`period = ${f.period}`);
  if (f.kind) where.push(sql`kind = ${f.kind}`);
  if (f.status) where.push(sql`status = ${f.status}`);
  return sql.join(where, sql` AND `);
}

const RUN_SORT_COLUMNS: SortColumns<RunSort> = {
  id: sql`id`,
  period: sql`period`,
  kind: sql`kind`,
  status: sql`status`,
  startedAt: sql`started_at`,
  durationMs: sql`duration_ms`,
  householdsEvaluated: sql`households_evaluated`,
  warningCount: sql`warning_count`,
};

/** Older callers: the `limit` runs before `beforeId`, newest first. */
export async function listRuns(
  db: Db,
  countyCode: string,
  filter: RunFilter & { beforeId?: number; limit: number },
): Promise<RunRow[]> {
  const before = filter.beforeId ? sql` AND id < ${filter.beforeId}` : sql``;
  return queryRows<RunRow>(
    db,
    sql`SELECT ${RUN_COLUMNS} FROM monitor_run WHERE ${runWhere(countyCode, filter)}${before} ORDER BY id DESC LIMIT ${filter.limit}`,
  );
}

/** One numbered page of runs (newest first unless a sort key is named) and the total. */
export async function listRunPage(
  db: Db,
  countyCode: string,
  f: RunFilter & PagingQuery<RunSort> & { page: number },
): Promise<{ rows: RunRow[]; total: number }> {
  const where = runWhere(countyCode, f);
  const win = pageWindow(f);
  const order = f.sort ? orderBy(RUN_SORT_COLUMNS, f, sql`id`, 'id') : sql`id DESC`;
  const [rows, [count]] = await Promise.all([
    queryRows<RunRow>(
      db,
      sql`SELECT ${RUN_COLUMNS} FROM monitor_run WHERE ${where} ORDER BY ${order} LIMIT ${win.pageSize} OFFSET ${win.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM monitor_run WHERE ${where}`),
  ]);
  return { rows, total: count.n };
}

export async function findRun(db: Db, countyCode: string | null, id: number): Promise<RunRow | undefined> {
  const county = countyCode ? sql`AND county_code = ${countyCode}` : sql``;
  const [row] = await queryRows<RunRow>(db, sql`SELECT ${RUN_COLUMNS} FROM monitor_run WHERE id = ${id} ${county}`);
  return row;
}

/** New / persisting / resolved per rule between two periods, within a prefix (diff.ts defines the states). */
export async function diffPeriods(
  db: Db,
  countyCode: string,
  period: string,
  previous: string,
  prefix: string,
): Promise<RuleDiff[]> {
  const side = (p: string) =>
    sql`SELECT household_id, rule_code FROM warning WHERE county_code = ${countyCode} AND period = ${p} AND village_code LIKE ${prefix + '%'}`;
  return queryRows<RuleDiff>(
    db,
    sql`SELECT coalesce(c.rule_code, p.rule_code) AS "ruleCode",
        count(*) FILTER (WHERE p.household_id IS NULL)::int AS "new",
        count(*) FILTER (WHERE c.household_id IS NOT NULL AND p.household_id IS NOT NULL)::int AS "persisting",
        count(*) FILTER (WHERE c.household_id IS NULL)::int AS "resolved"
      FROM (${side(period)}) c FULL JOIN (${side(previous)}) p ON p.household_id = c.household_id AND p.rule_code = c.rule_code
      GROUP BY 1 ORDER BY 1`,
  );
}

export type WarningSort = (typeof WARNING_SORTS)[number];

export interface WarningFilter extends PagingQuery<WarningSort> {
  countyCode: string;
  prefix: string;
  period: string;
  ruleCode?: string;
  riskType?: string;
  status?: string;
  afterId: number;
  limit: number;
}

export interface WarningListRow {
  id: number;
  period: string;
  householdId: number;
  householdNo: string;
  villageCode: string;
  villageName: string | null;
  townshipName: string | null;
  headName: string | null;
  ruleCode: string;
  riskType: string | null;
  status: 'new' | 'handled';
  runId: number;
  evidence: Record<string, unknown>;
  createdAt: string;
}

/** The one where-clause of the warnings list: its page, its total (and any export) read the same rows. */
export function warningWhere(f: Omit<WarningFilter, 'afterId' | 'limit'>): SQL {
  const where: SQL[] = [
    sql`w.county_code = ${f.countyCode}`,
    sql`w.period = ${f.period}`,
    sql`w.village_code LIKE ${f.prefix + '%'}`,
  ];
  if (f.ruleCode) where.push(sql`w.rule_code = ${f.ruleCode}`);
  if (f.riskType) where.push(sql`w.risk_type = ${f.riskType}`);
  if (f.status) where.push(sql`w.status = ${f.status}`);
  return sql.join(where, sql` AND `);
}

const HEAD_NAME = sql`(SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
  WHERE m.household_id = w.household_id AND m.valid_to IS NULL AND m.relationship = 'head')`;

const WARNING_SORT_COLUMNS: SortColumns<WarningSort> = {
  id: sql`w.id`,
  householdNo: sql`h.household_no`,
  township: sql`t.name`,
  village: sql`o.name`,
  headName: HEAD_NAME,
  rule: sql`w.rule_code`,
  riskType: sql`w.risk_type`,
  status: sql`w.status`,
};

/** One page of a period's warnings in scope (a numbered page, or by id after the cursor), and the total. */
export async function listWarnings(db: Db, f: WarningFilter): Promise<{ rows: WarningListRow[]; total: number }> {
  const where = warningWhere(f);
  const win = pageWindow(f);
  const cursor = usesCursor(f) ? sql` AND w.id > ${f.afterId}` : sql``;
  const [rows, [count]] = await Promise.all([
    queryRows<WarningListRow>(
      db,
      sql`SELECT w.id::int AS id, w.period, w.household_id::int AS "householdId", h.household_no AS "householdNo", w.village_code AS "villageCode",
        o.name AS "villageName", t.name AS "townshipName", ${HEAD_NAME} AS "headName",
        w.rule_code AS "ruleCode", w.risk_type AS "riskType", w.status, w.run_id::int AS "runId", w.evidence,
        to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
      FROM warning w
      JOIN household h ON h.id = w.household_id AND h.county_code = w.county_code
      LEFT JOIN org_unit o ON o.code = w.village_code
      LEFT JOIN org_unit t ON t.code = o.parent_code
      WHERE ${where}${cursor} ORDER BY ${orderBy(WARNING_SORT_COLUMNS, f, sql`w.id`, 'id')}
      LIMIT ${win.pageSize} OFFSET ${win.offset}`,
    ),
    // The page joins household for its number only: every warning's household exists (households are closed, never
    // deleted), so the total counts the warnings alone, by the period/village index (1M households: p95 970 ms → see
    // bench (f)), rather than hashing every household of the county.
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM warning w WHERE ${where}`),
  ]);
  return { rows, total: count.n };
}

export interface HouseholdRef {
  id: number;
  countyCode: string;
  villageCode: string;
  householdNo: string;
}

export async function findHouseholdRef(db: Db, prefix: string, id: number): Promise<HouseholdRef | undefined> {
  const [row] = await queryRows<HouseholdRef>(
    db,
    sql`SELECT id::int AS id, county_code AS "countyCode", village_code AS "villageCode", household_no AS "householdNo"
      FROM household WHERE id = ${id} AND village_code LIKE ${prefix + '%'}`,
  );
  return row;
}

/** The county of a department batch (the feeds module's table), or undefined. */
export async function findFeedBatchCounty(db: Db, batchId: number): Promise<string | undefined> {
  const [row] = await queryRows<{ countyCode: string }>(
    db,
    sql`SELECT county_code AS "countyCode" FROM feed_batch WHERE id = ${batchId}`,
  );
  return row?.countyCode;
}

/** A household's stored warnings of two periods (explain: this month's and the previous month's). */
export async function storedWarningsOf(
  db: Db,
  countyCode: string,
  householdId: number,
  periods: readonly [string, string],
): Promise<{ id: number; period: string; ruleCode: string; status: 'new' | 'handled' }[]> {
  return queryRows(
    db,
    sql`SELECT id::int AS id, period, rule_code AS "ruleCode", status FROM warning
      WHERE county_code = ${countyCode} AND household_id = ${householdId} AND period IN (${periods[0]}, ${periods[1]})`,
  );
}

/**
 * Id bounds of a county's households for key-range batches (closed ones included, so that their
 * stale unhandled warnings are cleared too) and the number of active ones for progress.
 */
export async function householdBounds(
  db: Db,
  countyCode: string,
  prefix: string,
): Promise<{ min: number | null; max: number | null; n: number }> {
  const [row] = await queryRows<{ min: number | null; max: number | null; n: number }>(
    db,
    sql`SELECT min(id)::bigint AS min, max(id)::bigint AS max, (count(*) FILTER (WHERE closed_on IS NULL))::int AS n FROM household
      WHERE county_code = ${countyCode} AND village_code LIKE ${prefix + '%'}`,
  );
  return { min: row.min === null ? null : Number(row.min), max: row.max === null ? null : Number(row.max), n: row.n };
}

/** Counties in operation (org units at county level, not closed). */
/** The latest month with a finished monthly run in any of the counties (null: none yet). */
export async function latestMonthlyPeriod(db: Db, countyCodes: readonly string[]): Promise<string | null> {
  const [row] = await queryRows<{ period: string }>(
    db,
    sql`SELECT period FROM monitor_run WHERE kind = 'monthly' AND status = 'succeeded' AND county_code = ANY(${`{${countyCodes.join(',')}}`}::text[])
      ORDER BY period DESC, id DESC LIMIT 1`,
  );
  return row?.period ?? null;
}

export async function activeCounties(db: Db): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM org_unit WHERE level = 'county' AND valid_to IS NULL ORDER BY code`,
  );
  return rows.map((r) => r.code);
}

const HASH = /^[0-9a-f]{64}$/;

/** Who an incremental evaluation is for: households, the households of persons, or of a department batch. */
export type TargetSpec =
  { householdIds: readonly number[] } | { personIdHashes: readonly string[] } | { feedBatchId: number };

/**
 * The household ids a target names, resolved once in SQL (a person's household now, or on a date
 * inside the window for someone who has since left or died). Returned as a list so that the
 * evaluation statement carries them as one bigint[] parameter, which the planner sizes correctly.
 */
export async function targetHouseholds(
  db: Db,
  countyCode: string,
  target: TargetSpec,
  windowFrom: string,
): Promise<number[]> {
  if ('householdIds' in target) {
    if (!target.householdIds.every((id) => Number.isSafeInteger(id)))
      throw new RangeError('household ids must be integers');
    return [...new Set(target.householdIds)].sort((a, b) => a - b);
  }
  const member = sql`JOIN membership m ON m.person_id = p.id AND m.county_code = p.county_code AND (m.valid_to IS NULL OR m.valid_to >= ${windowFrom}::date)`;
  let query: SQL;
  if ('personIdHashes' in target) {
    if (!target.personIdHashes.every((h) => HASH.test(h)))
      throw new RangeError('person id hashes must be 64 lower-case hex digits');
    query = sql`SELECT DISTINCT m.household_id::text AS id FROM person p ${member}
      WHERE p.county_code = ${countyCode} AND p.id_hash = ANY(${`{${target.personIdHashes.join(',')}}`}::text[])`;
  } else {
    query = sql`SELECT DISTINCT m.household_id::text AS id FROM feed_record fr
      JOIN person p ON p.county_code = fr.county_code AND p.id_hash = fr.id_hash ${member}
      WHERE fr.county_code = ${countyCode} AND fr.batch_id = ${target.feedBatchId}::bigint`;
  }
  const rows = await queryRows<{ id: string }>(db, query);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Fresh statistics on the warning table after a monthly run rewrote it (list queries and the next run's plans). */
export async function analyzeWarnings(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE warning`);
}
