import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { assets } from '#server/db/schema/assets.ts';
import { deliberations } from '#server/db/schema/deliberation.ts';
import { fundAssignments } from '#server/db/schema/funds.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { projectEvents, projects } from '#server/db/schema/projects.ts';
import { inScope } from '#server/db/scope.ts';
import type { ProjectSort } from '#common/contracts/projects.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { orderBy, pageWindow, type SortColumns } from '#server/lib/paging.ts';

export type ProjectRecord = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;

const assignedSum =
  sql<number>`coalesce((SELECT sum(a.amount_fen) FROM fund_assignment a WHERE a.project_id = ${projects.id}), 0)::bigint`.mapWith(
    Number,
  );
const disbursedSum =
  sql<number>`coalesce((SELECT sum(a.disbursed_fen) FROM fund_assignment a WHERE a.project_id = ${projects.id}), 0)::bigint`.mapWith(
    Number,
  );

export interface ProjectFilter {
  year?: number;
  type?: ProjectRecord['type'];
  status?: ProjectRecord['status'];
  entryStage?: string;
  orgPrefix?: string;
  q?: string;
  id?: number;
  /** Only projects waiting at an entry step the role acts at (`waitingForRole`). */
  waitingFor?: SQL;
}

/** SQL level of a project's unit code, as `levelOfCode` reads it (12-digit codes). */
const LEVEL_SQL = sql`CASE WHEN substr(${projects.orgCode}, 10) <> '000' THEN 'village'
  WHEN substr(${projects.orgCode}, 7, 3) <> '000' THEN 'township' ELSE 'county' END`;

/** Projects waiting at one of these (entry step, unit level) pairs: the steps a role acts at (`actorsAt`). */
export function waitingForRole(steps: readonly { stage: string; level: string }[]): SQL {
  if (steps.length === 0) return sql`false`;
  return sql`(${projects.status} = 'reserve' AND (${sql.join(
    steps.map((s) => sql`(${projects.entryStage} = ${s.stage} AND ${LEVEL_SQL} = ${s.level})`),
    sql` OR `,
  )}))`;
}

/** How many projects in scope wait at the given steps (the workbench count; same filter as the list's `mine`). */
export async function countWaiting(db: Db, scopePrefix: string, waitingFor: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(and(inScope(projects.orgCode, { scopePrefix }), waitingFor));
  return row.n;
}

const PROJECT_SORT_COLUMNS: SortColumns<ProjectSort> = {
  id: sql`${projects.id}`,
  year: sql`${projects.year}`,
  name: sql`${projects.name}`,
  orgCode: sql`${projects.orgCode}`,
  budgetFen: sql`(${projects.budgetCentralFen} + ${projects.budgetProvincialFen} + ${projects.budgetCityFen} + ${projects.budgetCountyFen})`,
  entryStage: sql`${projects.entryStage}`,
  status: sql`${projects.status}`,
};

/** The one where-clause of the project list: its page, its total and its export read the same rows. */
export function projectWhere(scopePrefix: string, f: ProjectFilter): SQL {
  return and(
    inScope(projects.orgCode, { scopePrefix }),
    f.year ? eq(projects.year, f.year) : undefined,
    f.type ? eq(projects.type, f.type) : undefined,
    f.status ? eq(projects.status, f.status) : undefined,
    f.entryStage ? sql`${projects.entryStage} = ${f.entryStage}` : undefined,
    f.orgPrefix ? sql`${projects.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.q ? sql`${projects.name} LIKE ${'%' + f.q + '%'}` : undefined,
    f.id ? eq(projects.id, f.id) : undefined,
    f.waitingFor,
  )!;
}

/** How many projects the filters match (all pages). */
export async function countProjects(db: Db, scopePrefix: string, f: ProjectFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(projectWhere(scopePrefix, f));
  return row.n;
}

/**
 * The filtered projects: one numbered page when `page` is given, else all of them (no cap). Without a
 * sort key: newest year first.
 */
export async function listProjects(db: Db, scopePrefix: string, f: ProjectFilter, q: PagingQuery<ProjectSort> = {}) {
  const query = db
    .select({ p: projects, orgName: orgUnits.name, assignedFen: assignedSum, disbursedFen: disbursedSum })
    .from(projects)
    .leftJoin(orgUnits, eq(orgUnits.code, projects.orgCode))
    .where(projectWhere(scopePrefix, f))
    .orderBy(
      q.sort
        ? orderBy(PROJECT_SORT_COLUMNS, q, sql`${projects.id}`, 'id')
        : sql`${projects.year} DESC, ${projects.id} DESC`,
    );
  if (q.page === undefined) return query;
  const win = pageWindow(q);
  return query.limit(win.pageSize).offset(win.offset);
}

export async function findProject(
  db: Db,
  id: number,
  scopePrefix: string,
  forUpdate = false,
): Promise<ProjectRecord | undefined> {
  const q = db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), inScope(projects.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertProject(tx: Db, values: ProjectInsert): Promise<number> {
  const [row] = await tx.insert(projects).values(values).returning({ id: projects.id });
  return row.id;
}

/** Optimistic lock: the update applies only to the version the caller read. */
export async function updateProject(
  tx: Db,
  id: number,
  version: number,
  set: Partial<ProjectInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(projects)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id });
  return rows.length === 1;
}

export async function insertEvent(tx: Db, values: typeof projectEvents.$inferInsert): Promise<void> {
  await tx.insert(projectEvents).values(values);
}

export async function eventsOf(db: Db, projectId: number) {
  return db.select().from(projectEvents).where(eq(projectEvents.projectId, projectId)).orderBy(asc(projectEvents.id));
}

export async function assetsOfProject(db: Db, projectId: number) {
  return db
    .select({ id: assets.id, code: assets.code, name: assets.name, category: assets.category })
    .from(assets)
    .where(eq(assets.projectId, projectId))
    .orderBy(asc(assets.id));
}

export async function deliberationStatusOf(db: Db, id: number | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ status: deliberations.status }).from(deliberations).where(eq(deliberations.id, id));
  return row?.status ?? null;
}

/** Disbursed money of a project by fund source (for the assets it forms). */
export async function disbursedBySource(db: Db, projectId: number): Promise<Record<string, number>> {
  const rows = (await db.execute(sql`
    SELECT al.source, sum(a.disbursed_fen)::bigint AS fen
    FROM fund_assignment a JOIN fund_allocation al ON al.id = a.allocation_id
    WHERE a.project_id = ${projectId} GROUP BY al.source`)) as unknown as {
    rows: { source: string; fen: string | number }[];
  };
  return Object.fromEntries(rows.rows.map((r) => [r.source, Number(r.fen)]));
}

export { fundAssignments };
