import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from './db/connect.ts';
import { failInterruptedJobs } from './modules/jobs/jobs.service.ts';
import { dropLeftoverStages } from './modules/registry/import/staging.ts';

// What a killed server leaves behind, cleared when the next one starts (before it accepts work):
// jobs still 'running' become 'failed' (服务重启，任务中断 / interrupted by restart), import staging
// tables are dropped, and the temp folder loses uploaded ledgers and parked worksheets (they hold ID
// numbers). The monthly runs' own table (monitor_run) is handled by the monitoring module.

/** Temp directories of imports: uploads (registry/import/upload.ts) and parked worksheets (lib/xlsx-zip-guard.ts). */
const TEMP_PREFIXES = ['guardline-import-', 'guardline-xlsx-'];

export interface Recovered {
  failedJobs: number[];
  droppedStages: number;
  removedTempDirs: number;
}

export async function recoverInterruptedWork(db: Db, options: { tempDir?: string } = {}): Promise<Recovered> {
  const failedJobs = await failInterruptedJobs(db);
  const droppedStages = await dropLeftoverStages(db);
  const tempDir = options.tempDir ?? os.tmpdir();
  const leftovers = (await readdir(tempDir).catch(() => [] as string[])).filter((name) => TEMP_PREFIXES.some((p) => name.startsWith(p)));
  for (const name of leftovers) await rm(path.join(tempDir, name), { recursive: true, force: true });
  return { failedJobs, droppedStages, removedTempDirs: leftovers.length };
}

export function describeRecovery(r: Recovered): string | null {
  if (r.failedJobs.length === 0 && r.droppedStages === 0 && r.removedTempDirs === 0) return null;
  return `上次中断的工作已清理 / cleared interrupted work: jobs ${r.failedJobs.join(', ') || '-'} failed, ${r.droppedStages} staging tables, ${r.removedTempDirs} temp folders`;
}
