import os from 'node:os';
import type { Db } from './db/connect.ts';
import { removeDeadTempDirs } from './lib/temp-dirs.ts';
import { failInterruptedJobs } from './modules/jobs/jobs.service.ts';
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
