import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

// Temp folders that hold ID numbers: uploads (registry/import/upload.ts) and parked worksheets
// (lib/xlsx-zip-guard.ts). Their names carry the pid of the process that made them
// (`guardline-import-<pid>-XXXXXX`), so a start-up clean-up removes only folders of dead processes,
// never those of another live Guardline process (a second installation or a CLI on the same host).

export type TempKind = 'import' | 'xlsx';

/** The mkdtemp prefix for this process's folders of `kind`, in `dir` (the system temp folder). */
export function tempPrefix(dir: string, kind: TempKind): string {
  return path.join(dir, `guardline-${kind}-${process.pid}-`);
}

/** Whether a process with this pid exists on this host (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const OURS = /^guardline-(?:import|xlsx)-/;
const WITH_PID = /^guardline-(?:import|xlsx)-(\d+)-/;

/**
 * Removes our temp folders in `dir` whose process is gone, and those named before folders carried a
 * pid (`guardline-import-XXXXXX`). Returns how many went.
 */
export async function removeDeadTempDirs(dir: string): Promise<number> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => OURS.test(name));
  const dead = names.filter((name) => {
    const pid = WITH_PID.exec(name)?.[1];
    return pid === undefined || !pidAlive(Number(pid));
  });
  for (const name of dead) await rm(path.join(dir, name), { recursive: true, force: true });
  return dead.length;
}
