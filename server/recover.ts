import os from 'node:os';
import type { Db } from './db/connect.ts';
import { removeDeadTempDirs } from './lib/temp-dirs.ts';
import { failInterruptedJobs, STOPPED } from './modules/jobs/jobs.service.ts';
import { dropLeftoverStages } from './modules/registry/import/staging.ts';

// What a killed process left behind, cleared when the next server starts (before it accepts work),
// without touching the live work of another Guardline process that shares the database (PostgreSQL:
// a second server, a CLI import) or the temp folder (a second installation or CLI on this host):
// jobs still 'running' whose lease expired or whose process on this host is gone become 'failed'
// (服务重启，任务中断 / interrupted by restart); import staging tables of jobs no longer running are
// dropped; temp folders of dead processes lose their uploaded ledgers and parked worksheets (they hold
// ID numbers). The monthly runs' own table (monitor_run) is handled by the monitoring module.

export interface Recovered {
  failedJobs: number[];
  droppedStages: number;
  removedTempDirs: number;
}

export interface RecoverOptions {
  tempDir?: string;
  /** Every running job is dead: only when this process alone uses the database (embedded PGlite, DATA_DIR lock). */
  ignoreLease?: boolean;
}

export async function recoverInterruptedWork(db: Db, options: RecoverOptions = {}): Promise<Recovered> {
  const failedJobs = await failInterruptedJobs(db, { ignoreLease: options.ignoreLease });
  // After the jobs: a dead process's job is no longer running, so its stages go.
  const droppedStages = await dropLeftoverStages(db);
  const removedTempDirs = await removeDeadTempDirs(options.tempDir ?? os.tmpdir());
  return { failedJobs, droppedStages, removedTempDirs };
}

export function describeRecovery(r: Recovered): string | null {
  if (r.failedJobs.length === 0 && r.droppedStages === 0 && r.removedTempDirs === 0) return null;
  return `上次中断的工作已清理 / cleared interrupted work: jobs ${r.failedJobs.join(', ') || '-'} failed, ${r.droppedStages} staging tables, ${r.removedTempDirs} temp folders`;
}

/**
 * While the server runs: jobs of another process whose lease expired (on PostgreSQL a second server
 * that died; its own restart may never come) are failed and their staging tables dropped. Only the
 * lease path, never `ignoreLease`: another live process keeps its jobs, this process keeps its own.
 */
export async function sweepExpiredJobs(db: Db): Promise<{ failedJobs: number[]; droppedStages: number }> {
  const failedJobs = await failInterruptedJobs(db, { reason: STOPPED });
  const droppedStages = failedJobs.length > 0 ? await dropLeftoverStages(db) : 0;
  return { failedJobs, droppedStages };
}

export interface JobSweep {
  /** One sweep now (also what the timer calls). */
  tick(): Promise<{ failedJobs: number[]; droppedStages: number }>;
  stop(): void;
}

/** `sweepExpiredJobs` every `intervalMs` (default a minute, the default lease). */
export function startJobSweep(
  db: Db,
  opts: { intervalMs?: number; log?: (line: string) => void; timers?: boolean } = {},
): JobSweep {
  const log = opts.log ?? (() => {});
  let busy = false;
  async function tick() {
    if (busy) return { failedJobs: [], droppedStages: 0 };
    busy = true;
    try {
      const swept = await sweepExpiredJobs(db);
      if (swept.failedJobs.length > 0)
        log(
          `中断的任务已失败 / jobs of a stopped process failed: ${swept.failedJobs.join(', ')} (${swept.droppedStages} staging tables)`,
        );
      return swept;
    } finally {
      busy = false;
    }
  }
  const timer =
    opts.timers === false
      ? null
      : setInterval(
          () => void tick().catch((err) => log(`任务清理失败 / job sweep failed: ${String(err)}`)),
          opts.intervalMs ?? 60_000,
        );
  timer?.unref?.();
  return {
    tick,
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
