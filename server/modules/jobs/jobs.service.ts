import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { jobs } from '../../db/schema/jobs.ts';
import { inScope } from '../../db/scope.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RequestContext } from '../../lib/context.ts';

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
export const INTERRUPTED = { code: 'INTERRUPTED', messageZh: '服务重启，任务中断', messageEn: 'interrupted by restart' } as const;

/** Whatever a job's work throws is stored on the job; AppErrors keep their bilingual message and fields. */
function errorOf(err: unknown) {
  if (err instanceof AppError) return { code: err.code, messageZh: err.messageZh, messageEn: err.messageEn, fields: err.fields ?? null };
  return { code: 'INTERNAL', messageZh: '任务失败，请联系管理员', messageEn: 'The job failed' };
}

/**
 * Jobs still 'running' from an earlier process (killed, crashed) become 'failed' with INTERRUPTED.
 * Call at server start, before any job of this process starts. Only the job table: monitoring runs
 * keep their own lease (monitor_run).
 */
export async function failInterruptedJobs(db: Db): Promise<number[]> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', error: { ...INTERRUPTED }, finishedAt: sql`now()`, message: `${INTERRUPTED.messageZh} / ${INTERRUPTED.messageEn}` })
    .where(eq(jobs.status, 'running'))
    .returning({ id: jobs.id });
  return rows.map((r) => r.id);
}

export function createJobsService(db: Db, initialLogger: JobLogger = () => {}) {
  let logger = initialLogger;
  /**
   * Start `work` in the background and return the job id at once; `wait` resolves when it ends (CLI and tests).
   */
  async function start<T>(ctx: RequestContext, kind: string, work: (progress: JobProgress) => Promise<T>) {
    const [row] = await db
      .insert(jobs)
      .values({ kind, status: 'running', actorId: ctx.actor.id || null, orgCode: ctx.actor.orgCode, message: '排队中 / queued' })
      .returning({ id: jobs.id });
    let last = 0;
    const progress: JobProgress = {
      async report(done, total, message) {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        await db.update(jobs).set({ done, total, message }).where(eq(jobs.id, row.id));
      },
    };
    const wait = (async () => {
      try {
        const result = await work(progress);
        await db
          .update(jobs)
          .set({ status: 'succeeded', result: result as object, finishedAt: sql`now()`, message: '完成 / done', done: sql`coalesce(${jobs.total}, ${jobs.done})` })
          .where(eq(jobs.id, row.id));
        logger({ id: row.id, kind, status: 'succeeded' });
        return result;
      } catch (err) {
        // The job ends 'failed' with the reason, logged; the work's error is what the caller hears.
        const error = errorOf(err);
        logger({ id: row.id, kind, status: 'failed', code: error.code, reason: `${error.messageZh} / ${error.messageEn}`, unexpected: err instanceof AppError ? undefined : err });
        await db
          .update(jobs)
          .set({ status: 'failed', error, finishedAt: sql`now()`, message: `失败：${error.messageZh} / failed: ${error.messageEn}` })
          .where(eq(jobs.id, row.id));
        throw err;
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
