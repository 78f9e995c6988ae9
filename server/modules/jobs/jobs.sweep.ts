import type { Db } from '#server/db/connect.ts';
import { leaseSeconds } from '#server/lib/lease.ts';
import { failRunningJobs, runningJobIds, runningJobLeases } from './jobs.repository.ts';
import { activeJobs, INTERRUPTED, ownerDead, type STOPPED } from './jobs.shared.ts';

/** The running jobs whose lease expired or whose owner on this host is gone (not those this process runs). */
async function deadJobIds(db: Db, seconds: number): Promise<number[]> {
  const running = await runningJobLeases(db, seconds);
  return running.filter((r) => !activeJobs.has(r.id) && (r.expired || ownerDead(r.owner))).map((r) => r.id);
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
  const ids = options.ignoreLease ? await runningJobIds(db) : await deadJobIds(db, options.seconds ?? leaseSeconds());
  if (ids.length === 0) return [];
  const failed = await failRunningJobs(db, ids, { ...reason }, `${reason.messageZh} / ${reason.messageEn}`);
  return failed.sort((a, b) => a - b);
}
