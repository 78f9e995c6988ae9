import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { jobs } from '#server/db/schema/jobs.ts';
import { inScope } from '#server/db/scope.ts';
import type { Actor } from '#server/lib/context.ts';

// SQL only: the background job table (job) — started, reporting, renewing its lease, ended, read, swept.

export type JobRecord = typeof jobs.$inferSelect;
type JobError = object;

export async function runningJobIds(db: Db): Promise<number[]> {
  return (await queryRows<{ id: number }>(db, sql`SELECT id::int AS id FROM job WHERE status = 'running'`)).map(
    (r) => r.id,
  );
}

/** Running jobs with their owner and whether their lease (heartbeat) is older than `seconds`. */
export function runningJobLeases(db: Db, seconds: number) {
  return queryRows<{ id: number; owner: string | null; expired: boolean }>(
    db,
    sql`SELECT id::int AS id, owner, heartbeat_at < now() - make_interval(secs => ${seconds}) AS expired FROM job WHERE status = 'running'`,
  );
}

/** The jobs of `ids` still running become failed with `error`; the ids changed. */
export async function failRunningJobs(db: Db, ids: number[], error: JobError, message: string): Promise<number[]> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', error, finishedAt: sql`now()`, message })
    .where(and(eq(jobs.status, 'running'), inArray(jobs.id, ids)))
    .returning({ id: jobs.id });
  return rows.map((r) => r.id);
}

export async function insertRunningJob(
  db: Db,
  row: { kind: string; actorId: number | null; orgCode: string; message: string; owner: string },
): Promise<number> {
  const [job] = await db
    .insert(jobs)
    .values({ ...row, status: 'running' })
    .returning({ id: jobs.id });
  return job.id;
}

/** Progress, which renews the lease too. */
export async function reportJobProgress(
  db: Db,
  id: number,
  p: { done: number; total: number | null; message: string },
) {
  await db
    .update(jobs)
    .set({ ...p, heartbeatAt: sql`now()` })
    .where(eq(jobs.id, id));
}

export function renewJobLease(db: Db, id: number): Promise<unknown> {
  return db
    .update(jobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function markJobSucceeded(db: Db, id: number, result: object): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'succeeded',
      result,
      finishedAt: sql`now()`,
      message: '完成 / done',
      done: sql`coalesce(${jobs.total}, ${jobs.done})`,
    })
    .where(eq(jobs.id, id));
}

export async function markJobFailed(db: Db, id: number, error: JobError, message: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'failed', error, finishedAt: sql`now()`, message })
    .where(eq(jobs.id, id));
}

export async function findJobInScope(
  db: Db,
  id: number,
  actor: Pick<Actor, 'scopePrefix'>,
): Promise<JobRecord | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), inScope(jobs.orgCode, actor)));
  return row;
}
