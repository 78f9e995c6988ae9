import os from 'node:os';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/connect.ts';
import { jobs } from '../../db/schema/jobs.ts';
import { inScope } from '../../db/scope.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pidAlive } from '../../lib/temp-dirs.ts';
import { leaseSeconds } from '../../lib/lease.ts';

export type JobRecord = typeof jobs.$inferSelect;

export interface JobProgress {
  /** Report progress; writes are throttled so a tight loop does not flood the database. */
  report(done: number, total: number | null, message: string): Promise<void>;
}

const PROGRESS_EVERY_MS = 300;

/** How a job ended, for the log: every failure with its reason (and the error itself when unexpected). */
export interface JobEnd {
  id: number;
  kind: string;
  status: 'succeeded' | 'failed';
  code?: string;
  reason?: string;
  unexpected?: unknown;
}
export type JobLogger = (end: JobEnd) => void;

/** The reason a job left running by a process that died is failed with at the next start. */
export const INTERRUPTED = {
  code: 'INTERRUPTED',
  messageZh: '服务重启，任务中断',
  messageEn: 'interrupted by restart',
} as const;

/** The reason the periodic sweep fails a job whose process (on another server, or killed) stopped renewing its lease. */
export const STOPPED = {
  code: 'INTERRUPTED',
  messageZh: '执行任务的进程已中断',
  messageEn: 'interrupted: the process running it stopped',
} as const;

/** Jobs this process is working on: never failed as dead here, however late a lease renewal (one PGlite connection). */
const activeJobs = new Set<number>();

/** Whatever a job's work throws is stored on the job; AppErrors keep their bilingual message and fields. */
function errorOf(err: unknown) {
  if (err instanceof AppError)
    return { code: err.code, messageZh: err.messageZh, messageEn: err.messageEn, fields: err.fields ?? null };
  return { code: 'INTERNAL', messageZh: '任务失败，请联系管理员', messageEn: 'The job failed' };
}

/** This process as a job's owner: `host:pid`. */
export const THIS_OWNER = `${os.hostname()}:${process.pid}`;

/** The owner's process is known dead: it ran on this host and its pid no longer exists. */
function ownerDead(owner: string | null): boolean {
  if (!owner) return false;
  const at = owner.lastIndexOf(':');
  return owner.slice(0, at) === os.hostname() && !pidAlive(Number(owner.slice(at + 1)));
}

/**
 * Jobs still 'running' whose process died (killed, crashed) become 'failed' with INTERRUPTED: those
 * whose lease (`heartbeat_at`, renewed while a job runs) expired, or whose owner ran on this host and
 * is gone. Live jobs of other processes sharing the database (a second server, a CLI import on
 * PostgreSQL) are left alone. `ignoreLease`: every running job, only when this process is the only
 * one using the database (embedded PGlite behind the DATA_DIR lock, at start, before any job of its
 * own). Jobs this process is running are never failed here. Only the job table: monitoring runs
 * keep their own lease (monitor_run).
 */
export async function failInterruptedJobs(
  db: Db,
  options: { ignoreLease?: boolean; seconds?: number; reason?: typeof INTERRUPTED | typeof STOPPED } = {},
): Promise<number[]> {
  const reason = options.reason ?? INTERRUPTED;
  let ids: number[];
  if (options.ignoreLease) {
    ids = (await queryRows<{ id: number }>(db, sql`SELECT id::int AS id FROM job WHERE status = 'running'`)).map(
      (r) => r.id,
    );
  } else {
    const seconds = options.seconds ?? leaseSeconds();
    const running = await queryRows<{ id: number; owner: string | null; expired: boolean }>(
      db,
      sql`SELECT id::int AS id, owner, heartbeat_at < now() - make_interval(secs => ${seconds}) AS expired FROM job WHERE status = 'running'`,
    );
    ids = running.filter((r) => !activeJobs.has(r.id) && (r.expired || ownerDead(r.owner))).map((r) => r.id);
  }
  if (ids.length === 0) return [];
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      error: { ...reason },
      finishedAt: sql`now()`,
      message: `${reason.messageZh} / ${reason.messageEn}`,
    })
    .where(and(eq(jobs.status, 'running'), inArray(jobs.id, ids)))
    .returning({ id: jobs.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export function createJobsService(db: Db, initialLogger: JobLogger = () => {}) {
  let logger = initialLogger;
  /**
   * Start `work` in the background and return the job id at once; `wait` resolves when it ends (CLI and tests).
   */
  async function start<T>(
    ctx: RequestContext,
    kind: string,
    work: (progress: JobProgress, jobId: number) => Promise<T>,
  ) {
    const [row] = await db
      .insert(jobs)
      .values({
        kind,
        status: 'running',
        actorId: ctx.actor.id || null,
        orgCode: ctx.actor.orgCode,
        message: '排队中 / queued',
        owner: THIS_OWNER,
      })
      .returning({ id: jobs.id });
    activeJobs.add(row.id);
    let last = 0;
    const progress: JobProgress = {
      async report(done, total, message) {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        await db
          .update(jobs)
          .set({ done, total, message, heartbeatAt: sql`now()` })
          .where(eq(jobs.id, row.id));
      },
    };
    // The lease: renewed while the work runs (a long statement between progress reports included).
    const heartbeat = setInterval(
      () => {
        db.update(jobs)
          .set({ heartbeatAt: sql`now()` })
          .where(and(eq(jobs.id, row.id), eq(jobs.status, 'running')))
          .catch(() => {});
      },
      Math.max(250, (leaseSeconds() * 1000) / 4),
    );
    heartbeat.unref?.();
    const wait = (async () => {
      try {
        const result = await work(progress, row.id);
        await db
          .update(jobs)
          .set({
            status: 'succeeded',
            result: result as object,
            finishedAt: sql`now()`,
            message: '完成 / done',
            done: sql`coalesce(${jobs.total}, ${jobs.done})`,
          })
          .where(eq(jobs.id, row.id));
        logger({ id: row.id, kind, status: 'succeeded' });
        return result;
      } catch (err) {
        // The job ends 'failed' with the reason, logged; the work's error is what the caller hears.
        const error = errorOf(err);
        logger({
          id: row.id,
          kind,
          status: 'failed',
          code: error.code,
          reason: `${error.messageZh} / ${error.messageEn}`,
          unexpected: err instanceof AppError ? undefined : err,
        });
        await db
          .update(jobs)
          .set({
            status: 'failed',
            error,
            finishedAt: sql`now()`,
            message: `失败：${error.messageZh} / failed: ${error.messageEn}`,
          })
          .where(eq(jobs.id, row.id));
        throw err;
      } finally {
        clearInterval(heartbeat);
        activeJobs.delete(row.id);
      }
    })();
    wait.catch(() => {});
    return { id: row.id, wait };
  }

  /** A job's result may list another person's rows: only its starter (or a county administrator) reads it. */
  async function get(ctx: RequestContext, id: number): Promise<JobRecord> {
    const [row] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.id, id), inScope(jobs.orgCode, ctx.actor)));
    const mayRead = row && (row.actorId === (ctx.actor.id || null) || ctx.actor.role === 'countyAdmin');
    if (!mayRead) throw AppError.notFound({ zh: '任务', en: 'Job' });
    return row;
  }

  /** Where job ends are logged (the server's logger; set once it exists). */
  function setLogger(next: JobLogger): void {
    logger = next;
  }

  return { start, get, setLogger };
}

export type JobsService = ReturnType<typeof createJobsService>;
