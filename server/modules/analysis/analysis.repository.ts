import { sql, type SQL } from 'drizzle-orm';
import type { ChangeListQuery } from '#common/contracts/analysis.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { orderBy, type PageWindow } from '#server/lib/paging.ts';
import { scopePrefixOf } from '#common/domain/org-code.ts';
import { evaluationCtes, type EvaluationScope, type Rule, type RuleContext } from '../monitoring/index.ts';

// SQL of the analysis module: scenarios and their hits (never monitor_run or warning), and the
// registry facts the deprivation view reads. Every read takes the reader's org prefix.

export interface ScenarioRecord {
  id: number;
  countyCode: string;
  orgCode: string;
  name: string;
  authorId: number | null;
  author: string;
  period: string;
  params: Record<string, unknown>;
  baseline: Record<string, unknown> | null;
  status: 'running' | 'succeeded' | 'failed';
  jobId: number | null;
  result: Record<string, unknown> | null;
  error: unknown;
  durationMs: number | null;
  createdAt: Date | string;
}

const SCENARIO_COLUMNS = sql`s.id::int AS id, s.county_code AS "countyCode", s.org_code AS "orgCode", s.name, s.author_id AS "authorId",
  s.author, s.period, s.params, s.baseline, s.status, s.job_id::int AS "jobId", s.result, s.error, s.duration_ms AS "durationMs",
  s.created_at AS "createdAt"`;

export async function insertScenario(
  db: Db,
  s: Pick<ScenarioRecord, 'countyCode' | 'orgCode' | 'name' | 'authorId' | 'author' | 'period' | 'params' | 'baseline'>,
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO analysis_scenario (county_code, org_code, name, author_id, author, period, params, baseline, status)
      VALUES (${s.countyCode}, ${s.orgCode}, ${s.name}, ${s.authorId}, ${s.author}, ${s.period}, ${JSON.stringify(s.params)}::jsonb,
        ${JSON.stringify(s.baseline)}::jsonb, 'running') RETURNING id::int AS id`,
  );
  return row.id;
}

export async function setScenarioJob(db: Db, id: number, jobId: number): Promise<void> {
  await db.execute(sql`UPDATE analysis_scenario SET job_id = ${jobId} WHERE id = ${id}`);
}

export async function finishScenario(
  db: Db,
  id: number,
  end: { status: 'succeeded' | 'failed'; result?: Record<string, unknown>; error?: unknown; durationMs: number },
): Promise<void> {
  await db.execute(sql`UPDATE analysis_scenario SET status = ${end.status}, result = ${end.result ? JSON.stringify(end.result) : null}::jsonb,
    error = ${end.error ? JSON.stringify(end.error) : null}::jsonb, duration_ms = ${end.durationMs}, finished_at = now() WHERE id = ${id}`);
}

/** A scenario whose job was failed (its process died: restart, kill) is failed too, with the job's reason. */
export async function failOrphanScenarios(db: Db, countyCode: string): Promise<void> {
  await db.execute(sql`UPDATE analysis_scenario s SET status = 'failed', error = j.error, finished_at = j.finished_at
    FROM job j WHERE s.county_code = ${countyCode} AND s.status = 'running' AND j.id = s.job_id AND j.status = 'failed'`);
}

/**
 * Scenarios a reader may see: of the reader's county, covering the reader's unit or a unit inside it
 * (a village officer sees the county's scenarios, and only the village's rows of them).
 */
export function visibleScenarios(countyCode: string, ancestors: readonly string[], prefix: string): SQL {
  return sql`s.county_code = ${countyCode} AND (s.org_code LIKE ${prefix + '%'} OR s.org_code = ANY(${`{${ancestors.join(',')}}`}::text[]))`;
}

export async function findScenario(db: Db, visible: SQL, id: number): Promise<ScenarioRecord | undefined> {
  const [row] = await queryRows<ScenarioRecord>(
    db,
    sql`SELECT ${SCENARIO_COLUMNS} FROM analysis_scenario s WHERE ${visible} AND s.id = ${id}`,
  );
  return row;
}

const SCENARIO_SORTS = { id: sql`s.id`, period: sql`s.period`, name: sql`s.name` };

export async function listScenarios(
  db: Db,
  visible: SQL,
  q: { sort?: keyof typeof SCENARIO_SORTS; order?: 'asc' | 'desc' },
  win: PageWindow,
): Promise<{ rows: ScenarioRecord[]; total: number }> {
  const order = orderBy(SCENARIO_SORTS, { sort: q.sort, order: q.sort ? q.order : 'desc' }, sql`s.id`, 'id');
  const [rows, [count]] = await Promise.all([
    queryRows<ScenarioRecord>(
      db,
      sql`SELECT ${SCENARIO_COLUMNS} FROM analysis_scenario s WHERE ${visible} ORDER BY ${order} LIMIT ${win.pageSize} OFFSET ${win.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM analysis_scenario s WHERE ${visible}`),
  ]);
  return { rows, total: count.n };
}

/** Per household of the scenario in the prefix: flagged under each setting (exclusion flags open nothing, so do not count). */
function householdFlags(id: number, prefix: string): SQL {
  return sql`SELECT x.county_code, x.household_id, x.village_code,
      bool_or(x.side = 'base' AND x.rule_code <> 'EXCLUSION_FLAG') AS b,
      bool_or(x.side = 'proposed' AND x.rule_code <> 'EXCLUSION_FLAG') AS p,
      coalesce(array_agg(DISTINCT x.rule_code) FILTER (WHERE x.side = 'base'), '{}') AS base_rules,
      coalesce(array_agg(DISTINCT x.rule_code) FILTER (WHERE x.side = 'proposed'), '{}') AS proposed_rules
    FROM analysis_scenario_hit x WHERE x.scenario_id = ${id} AND x.village_code LIKE ${prefix + '%'}
    GROUP BY x.county_code, x.household_id, x.village_code`;
}

export interface FlagGroupRow {
  townshipCode: string;
  townshipName: string;
  villageCode: string;
  villageName: string;
  kind: 'alleviated' | 'ordinary';
  base: number;
  proposed: number;
  entering: number;
  leaving: number;
}

/** Counts by (township, village, household kind): the finest grain the screens group up. */
export async function flagGroups(db: Db, id: number, prefix: string): Promise<FlagGroupRow[]> {
  return queryRows<FlagGroupRow>(
    db,
    sql`SELECT substr(f.village_code, 1, 9) || '000' AS "townshipCode", coalesce(t.name, substr(f.village_code, 1, 9) || '000') AS "townshipName",
        f.village_code AS "villageCode", coalesce(v.name, f.village_code) AS "villageName", h.kind,
        count(*) FILTER (WHERE f.b)::int AS base, count(*) FILTER (WHERE f.p)::int AS proposed,
        count(*) FILTER (WHERE f.p AND NOT f.b)::int AS entering, count(*) FILTER (WHERE f.b AND NOT f.p)::int AS leaving
      FROM (${householdFlags(id, prefix)}) f
      JOIN household h ON h.id = f.household_id AND h.county_code = f.county_code
      LEFT JOIN org_unit v ON v.code = f.village_code
      LEFT JOIN org_unit t ON t.code = substr(f.village_code, 1, 9) || '000'
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 3, 5`,
  );
}

/** Per warning category: households firing it under each setting, entering and leaving it. */
export async function categoryCounts(
  db: Db,
  id: number,
  prefix: string,
): Promise<{ code: string; base: number; proposed: number; entering: number; leaving: number }[]> {
  return queryRows(
    db,
    sql`SELECT r.rule_code AS code, count(*) FILTER (WHERE r.b)::int AS base, count(*) FILTER (WHERE r.p)::int AS proposed,
        count(*) FILTER (WHERE r.p AND NOT r.b)::int AS entering, count(*) FILTER (WHERE r.b AND NOT r.p)::int AS leaving
      FROM (SELECT x.household_id, x.rule_code, bool_or(x.side = 'base') AS b, bool_or(x.side = 'proposed') AS p
        FROM analysis_scenario_hit x WHERE x.scenario_id = ${id} AND x.village_code LIKE ${prefix + '%'}
        GROUP BY x.household_id, x.rule_code) r
      GROUP BY r.rule_code ORDER BY r.rule_code`,
  );
}

export async function countHouseholds(db: Db, countyCode: string, prefix: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM household h WHERE h.county_code = ${countyCode} AND h.village_code LIKE ${prefix + '%'} AND h.closed_on IS NULL`,
  );
  return row.n;
}

export interface ChangeRecord {
  householdId: number;
  householdNo: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
  kind: 'alleviated' | 'ordinary';
  change: 'entering' | 'leaving';
  baseRules: string[];
  proposedRules: string[];
}

const CHANGE_SORTS = {
  householdNo: sql`h.household_no`,
  villageCode: sql`f.village_code`,
  change: sql`CASE WHEN f.p THEN 'entering' ELSE 'leaving' END`,
};

/** The one where-clause of the change list, its count and its export. */
function changeWhere(q: Omit<ChangeListQuery, 'page' | 'pageSize' | 'sort' | 'order'>): SQL {
  const parts: SQL[] = [sql`f.b <> f.p`];
  if (q.change === 'entering') parts.push(sql`f.p`);
  if (q.change === 'leaving') parts.push(sql`f.b`);
  if (q.orgCode) parts.push(sql`f.village_code LIKE ${scopePrefixOf(q.orgCode) + '%'}`);
  if (q.kind) parts.push(sql`h.kind = ${q.kind}`);
  if (q.category) parts.push(sql`((${q.category} = ANY(f.proposed_rules)) <> (${q.category} = ANY(f.base_rules)))`);
  return sql.join(parts, sql` AND `);
}

function changeFrom(id: number, prefix: string): SQL {
  return sql`FROM (${householdFlags(id, prefix)}) f
    JOIN household h ON h.id = f.household_id AND h.county_code = f.county_code
    LEFT JOIN org_unit v ON v.code = f.village_code
    LEFT JOIN org_unit t ON t.code = substr(f.village_code, 1, 9) || '000'`;
}

const CHANGE_COLUMNS = sql`f.household_id::int AS "householdId", h.household_no AS "householdNo", f.village_code AS "villageCode",
  coalesce(v.name, f.village_code) AS "villageName", coalesce(t.name, '') AS "townshipName", h.kind,
  CASE WHEN f.p THEN 'entering' ELSE 'leaving' END AS change, f.base_rules AS "baseRules", f.proposed_rules AS "proposedRules"`;

export async function listChanges(
  db: Db,
  id: number,
  prefix: string,
  q: ChangeListQuery,
  win: PageWindow | null,
): Promise<{ rows: ChangeRecord[]; total: number }> {
  const where = changeWhere(q);
  const order = orderBy(CHANGE_SORTS, q, sql`f.household_id`, 'villageCode');
  const page = win ? sql`LIMIT ${win.pageSize} OFFSET ${win.offset}` : sql``;
  const [rows, [count]] = await Promise.all([
    queryRows<ChangeRecord>(
      db,
      sql`SELECT ${CHANGE_COLUMNS} ${changeFrom(id, prefix)} WHERE ${where} ORDER BY ${order} ${page}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${changeFrom(id, prefix)} WHERE ${where}`),
  ]);
  return { rows, total: count.n };
}

/** Households flagged (any rule but exclusion flags) under a scenario's proposal, in the prefix. */
export async function proposedOnlyCount(db: Db, a: number, b: number, prefix: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (
      SELECT household_id FROM analysis_scenario_hit WHERE scenario_id = ${a} AND side = 'proposed' AND rule_code <> 'EXCLUSION_FLAG' AND village_code LIKE ${prefix + '%'}
      EXCEPT SELECT household_id FROM analysis_scenario_hit WHERE scenario_id = ${b} AND side = 'proposed' AND rule_code <> 'EXCLUSION_FLAG' AND village_code LIKE ${prefix + '%'}) d`,
  );
  return row.n;
}

export async function findHousehold(
  db: Db,
  countyCode: string,
  prefix: string,
  id: number,
): Promise<{ id: number; householdNo: string; villageCode: string; monitoringStatus: string } | undefined> {
  const [row] = await queryRows<{ id: number; householdNo: string; villageCode: string; monitoringStatus: string }>(
    db,
    sql`SELECT id::int AS id, household_no AS "householdNo", village_code AS "villageCode", monitoring_status AS "monitoringStatus"
      FROM household WHERE county_code = ${countyCode} AND village_code LIKE ${prefix + '%'} AND id = ${id}`,
  );
  return row;
}

/** Evaluate `rules` under `ctx` into the scenario's hits (one side or both), as one set-based statement. */
export async function evaluateInto(
  tx: Db,
  scenarioId: number,
  ctx: RuleContext,
  scope: EvaluationScope,
  rules: readonly Rule[],
  sides: readonly ('base' | 'proposed')[],
): Promise<void> {
  if (rules.length === 0) return;
  const sideList = sql.join(
    sides.map((s) => sql`(${s})`),
    sql`, `,
  );
  await tx.execute(sql`${evaluationCtes(ctx, scope, { rules, materializeFired: sides.length === 1 ? false : true })}
    INSERT INTO analysis_scenario_hit (scenario_id, side, county_code, village_code, household_id, rule_code, evidence)
    SELECT ${scenarioId}::bigint, s.side, f.county_code, f.village_code, f.household_id, f.rule_code, f.evidence
    FROM fired f CROSS JOIN (VALUES ${sideList}) AS s(side)`);
}
