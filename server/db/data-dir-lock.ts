import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config.ts';

// The embedded database (PGlite) is one process's files: a second process opening the same DATA_DIR
// (the CLI beside a running server) works on its own copy in memory and its writes are lost. So the
// process that opens it holds DATA_DIR/guardline.lock (pid, host, process start time); a second one
// refuses with a clear message. A lock left by a killed process (pid no longer alive, or alive but a
// different process that got the same pid) is taken over. PostgreSQL needs no lock.

export const LOCK_FILE = 'guardline.lock';

interface LockInfo {
  pid: number;
  host: string;
  /** Start time of the process (Linux /proc/<pid>/stat field 22), to tell a reused pid apart. */
  procStart: string | null;
  since: string;
  command: string;
}

export class DataDirLockedError extends ConfigError {}

function procStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // another machine's process: cannot tell, assume it runs
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = procStart(info.pid);
  return !(info.procStart && now && now !== info.procStart);
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function lockedMessage(dir: string, info: LockInfo): string {
  return (
    `数据目录正被另一个 Guardline 进程使用（PID ${info.pid}，主机 ${info.host}，自 ${info.since} 起，命令：${info.command}）：${dir}。` +
    `内置数据库同一时间只能由一个进程打开，否则写入会丢失。请先停止该进程（或在它运行时通过网页/接口操作）；若该进程已不存在，锁会被自动接管。\n` +
    `The data directory ${dir} is in use by another Guardline process (PID ${info.pid} on ${info.host}, since ${info.since}, command: ${info.command}). ` +
    `The embedded database can be open in one process only, otherwise writes are lost. Stop that process first (or use the web app/API while it runs); ` +
    `a lock left by a process that no longer exists is taken over automatically.`
  );
}

/** Take the lock on DATA_DIR or throw DataDirLockedError; returns the release function. */
export function lockDataDir(dataDir: string, command = process.argv.slice(2).join(' ') || 'serve'): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    procStart: procStart(process.pid),
    since: new Date().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, JSON.stringify(mine) + '\n', { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readLock(file)?.pid === process.pid) unlinkSync(file);
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const held = readLock(file);
    if (held && alive(held)) throw new DataDirLockedError(lockedMessage(dir, held));
    // Stale (killed process) or unreadable (killed while writing it): move it aside and try again.
    try {
      renameSync(file, `${file}.stale-${held?.pid ?? 'unknown'}`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new DataDirLockedError(lockedMessage(dir, readLock(file) ?? { ...mine, pid: 0, command: '?' }));
}
