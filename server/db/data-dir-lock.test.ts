import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';

// Issue 13.4: the CLI beside a running server on the embedded database lost its writes. One process
// holds DATA_DIR; a second refuses (in Chinese and English, naming the PID); a lock left by a killed
// process is taken over.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'guardline-lock-'));

/** A pid that existed and has exited: a child that ran and finished. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('DATA_DIR lock (embedded database)', () => {
  it('refuses a second opener naming the holder, and frees the directory on release', () => {
    const dir = tmp();
    const release = lockDataDir(dir, 'serve');
    expect(() => lockDataDir(dir, 'import households x.xlsx')).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`数据目录正被另一个 Guardline 进程使用（PID ${process.pid}`);
    expect(() => lockDataDir(dir)).toThrow(`is in use by another Guardline process (PID ${process.pid}`);
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a killed process', () => {
    const dir = tmp();
    const pid = deadPid();
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: os.hostname(), procStart: null, since: '2026-01-01T00:00:00Z', command: 'serve' }),
    );
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over a lock whose pid now belongs to another process (pid reused)', () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        procStart: 'not-this-one',
        since: '2026-01-01T00:00:00Z',
        command: 'serve',
      }),
    );
    lockDataDir(dir)();
  });

  it('a second process (the CLI) refuses with exit code 2 and the message', () => {
    const dir = tmp();
    const release = lockDataDir(dir, 'serve');
    try {
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', GUARDLINE_SECRET: 'k'.repeat(40) };
      delete (env as Record<string, string | undefined>).DATABASE_URL;
      const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli.ts'), 'migrate'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.stderr).toContain(`数据目录正被另一个 Guardline 进程使用（PID ${process.pid}`);
      expect(child.status).toBe(2);
    } finally {
      release();
    }
  });
});
