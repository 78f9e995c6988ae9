import os from 'node:os';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { pidAlive } from '#server/lib/temp-dirs.ts';

// What the jobs use cases share (jobs.run.ts, jobs.read.ts, jobs.sweep.ts): the deps, the types callers see, the
// reasons a job is failed with, this process as an owner and the jobs it is working on.

export type { JobRecord } from './jobs.repository.ts';

export interface JobProgress {
  /** Report progress; writes are throttled so a tight loop does not flood the database. */
  report(done: number, total: number | null, message: string): Promise<void>;
}

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

/** The service's deps; the logger is set once the server's logger exists (`setLogger`). */
export interface JobsDeps {
  db: Db;
  logger: JobLogger;
}

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
export const activeJobs = new Set<number>();

/** Whatever a job's work throws is stored on the job; AppErrors keep their bilingual message and fields. */
export function errorOf(err: unknown) {
  if (err instanceof AppError)
    return { code: err.code, messageZh: err.messageZh, messageEn: err.messageEn, fields: err.fields ?? null };
  return { code: 'INTERNAL', messageZh: '任务失败，请联系管理员', messageEn: 'The job failed' };
}

/** This process as a job's owner: `host:pid`. */
export const THIS_OWNER = `${os.hostname()}:${process.pid}`;

/** The owner's process is known dead: it ran on this host and its pid no longer exists. */
export function ownerDead(owner: string | null): boolean {
  if (!owner) return false;
  const at = owner.lastIndexOf(':');
  return owner.slice(0, at) === os.hostname() && !pidAlive(Number(owner.slice(at + 1)));
}
