import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { leaseSeconds } from '#server/lib/lease.ts';
import {
  insertRunningJob,
  markJobFailed,
  markJobSucceeded,
  renewJobLease,
  reportJobProgress,
} from './jobs.repository.ts';
import { activeJobs, errorOf, THIS_OWNER, type JobProgress, type JobsDeps } from './jobs.shared.ts';

// Running a job: its row, the throttled progress, the lease renewed while the work runs, the end recorded and logged.

const PROGRESS_EVERY_MS = 300;

function throttledProgress(db: Db, id: number): JobProgress {
  let last = 0;
  return {
    async report(done, total, message) {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      await reportJobProgress(db, id, { done, total, message });
    },
  };
}

/** The lease: renewed while the work runs (a long statement between progress reports included). */
function heartbeatOf(db: Db, id: number) {
  const heartbeat = setInterval(
    () => {
      renewJobLease(db, id).catch(() => {});
    },
    Math.max(250, (leaseSeconds() * 1000) / 4),
  );
  heartbeat.unref?.();
  return heartbeat;
}

/** The job ends 'failed' with the reason, logged; the work's error is what the caller hears (rethrown by the caller). */
async function recordFailure(d: JobsDeps, job: { id: number; kind: string }, err: unknown): Promise<void> {
  const error = errorOf(err);
  d.logger({
    ...job,
    status: 'failed',
    code: error.code,
    reason: `${error.messageZh} / ${error.messageEn}`,
    unexpected: err instanceof AppError ? undefined : err,
  });
  await markJobFailed(d.db, job.id, error, `失败：${error.messageZh} / failed: ${error.messageEn}`);
}

async function runJob<T>(
  d: JobsDeps,
  job: { id: number; kind: string },
  work: (progress: JobProgress, jobId: number) => Promise<T>,
): Promise<T> {
  const heartbeat = heartbeatOf(d.db, job.id);
  try {
    const result = await work(throttledProgress(d.db, job.id), job.id);
    await markJobSucceeded(d.db, job.id, result as object);
    d.logger({ ...job, status: 'succeeded' });
    return result;
  } catch (err) {
    await recordFailure(d, job, err);
    throw err;
  } finally {
    clearInterval(heartbeat);
    activeJobs.delete(job.id);
  }
}

/**
 * Start `work` in the background and return the job id at once; `wait` resolves when it ends (CLI and tests).
 */
export async function start<T>(
  d: JobsDeps,
  ctx: RequestContext,
  kind: string,
  work: (progress: JobProgress, jobId: number) => Promise<T>,
) {
  const id = await insertRunningJob(d.db, {
    kind,
    actorId: ctx.actor.id || null,
    orgCode: ctx.actor.orgCode,
    message: '排队中 / queued',
    owner: THIS_OWNER,
  });
  activeJobs.add(id);
  const wait = runJob(d, { id, kind }, work);
  wait.catch(() => {});
  return { id, wait };
}
