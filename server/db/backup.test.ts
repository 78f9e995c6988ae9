import { copyFileSync, existsSync, mkdtempSync, renameSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { adminQuery } from './admin-query.ts';
import { describe, expect, it } from 'vitest';
import { createServices } from '../app.ts';
import { loadConfig } from '../config.ts';
import { loadDemo } from '../demo.ts';
import { createPersonalDataBox } from '../lib/crypto.ts';
import { openDatabase } from '../main.ts';
import { runBackupCommand, runRestoreCommand } from './backup.cli.ts';
import { queryRows, type Db } from './connect.ts';

// Issue 13.9: the key stays apart from the data; `guardline backup` / `restore` on both engines. A
// restore into a new DATA_DIR / an empty database with the same key reads the ID numbers back; a
// different key is refused (checked on a known ciphertext) before anything is written; a start
// without the key beside existing data, or with the wrong key, is refused.

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'guardline-backup-'));
const quiet = () => {};
const OTHER_KEY = 'z'.repeat(40);

async function firstId(
  env: NodeJS.ProcessEnv,
): Promise<{ id: string; counts: Record<string, number>; nextAfterMax: boolean }> {
  const config = loadConfig(env);
  const database = await openDatabase(config);
  try {
    const db: Db = database.db;
    const [p] = await queryRows<{ c: string }>(db, sql`SELECT id_cipher AS c FROM person ORDER BY id LIMIT 1`);
    const counts = Object.fromEntries(
      await Promise.all(
        ['person', 'household', 'app_user', 'audit_log', 'org_unit', 'policy_param'].map(async (t) => {
          const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`);
          return [t, n] as const;
        }),
      ),
    );
    const [{ ok }] = await queryRows<{ ok: boolean }>(
      db,
      sql`SELECT nextval(pg_get_serial_sequence('person', 'id')) > (SELECT max(id) FROM person) AS ok`,
    );
    return { id: createPersonalDataBox(config.secret).decrypt(p.c), counts, nextAfterMax: ok };
  } finally {
    await database.close();
  }
}

/** A new installation with the demo county and a few households; its key is generated into DATA_DIR. */
async function installation(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  const database = await openDatabase(config);
  try {
    await loadDemo(createServices(database, config), database.kind, quiet, { households: 3, seed: 7 });
  } finally {
    await database.close();
  }
}

// The embedded half runs in `npm test`; the PostgreSQL suite (GUARDLINE_TEST_PG) runs the half below instead of both.
describe.skipIf(process.env.GUARDLINE_TEST_PG)('backup and restore (embedded database)', () => {
  it('restores into a new DATA_DIR with the same key, refuses another key, and the key is never silently replaced', async () => {
    const a = tmp();
    await installation({ DATA_DIR: a });
    expect(existsSync(path.join(a, 'secret.key'))).toBe(true);
    const before = await firstId({ DATA_DIR: a });
    expect(before.id).toMatch(/^\d{17}[\dX]$/);

    const file = path.join(tmp(), 'county.guardline.gz');
    await runBackupCommand(file, quiet, { DATA_DIR: a });

    const noKey = tmp();
    await expect(runRestoreCommand(file, quiet, { DATA_DIR: noKey })).rejects.toThrow('恢复需要备份时所用的密钥');
    const wrong = tmp();
    await expect(runRestoreCommand(file, quiet, { DATA_DIR: wrong, GUARDLINE_SECRET: OTHER_KEY })).rejects.toThrow(
      '密钥不匹配',
    );
    expect(existsSync(path.join(wrong, 'pglite'))).toBe(false);

    const b = tmp();
    copyFileSync(path.join(a, 'secret.key'), path.join(b, 'secret.key'));
    await runRestoreCommand(file, quiet, { DATA_DIR: b });
    const after = await firstId({ DATA_DIR: b });
    expect(after).toEqual(before);
    expect(after.counts.person).toBeGreaterThan(0);
    await expect(runRestoreCommand(file, quiet, { DATA_DIR: b })).rejects.toThrow('已有数据库');

    // The start: a wrong key is refused on a stored ciphertext; a missing key beside the data too.
    await expect(openDatabase(loadConfig({ DATA_DIR: b, GUARDLINE_SECRET: OTHER_KEY }))).rejects.toThrow('密钥不匹配');
    renameSync(path.join(b, 'secret.key'), path.join(b, 'secret.key.moved'));
    expect(() => loadConfig({ DATA_DIR: b })).toThrow('缺少密钥');
    expect(existsSync(path.join(b, 'secret.key'))).toBe(false);
  }, 240_000);
});

const url = process.env.TEST_DATABASE_URL;

const databaseUrl = (name: string) => {
  const u = new URL(url!);
  u.pathname = `/${name}`;
  return u.toString();
};

describe.skipIf(!url)('backup and restore (PostgreSQL)', () => {
  it('restores into an empty database with the same key, refuses another key, and a start without the key beside the data', async () => {
    const names = ['src', 'dst', 'bad'].map((k) => `gl_bk_${k}_${randomBytes(4).toString('hex')}`);
    for (const n of names) await adminQuery(url!, `CREATE DATABASE ${n}`);
    try {
      const [src, dst, bad] = names.map(databaseUrl);
      const keyDir = tmp();
      await installation({ DATA_DIR: keyDir, DATABASE_URL: src });
      expect(existsSync(path.join(keyDir, 'secret.key'))).toBe(true);
      const before = await firstId({ DATA_DIR: keyDir, DATABASE_URL: src });

      // A second machine without the key, pointed at the same data: refused, no key written.
      const stranger = tmp();
      await expect(openDatabase(loadConfig({ DATA_DIR: stranger, DATABASE_URL: src }))).rejects.toThrow('缺少密钥');
      expect(existsSync(path.join(stranger, 'secret.key'))).toBe(false);

      const file = path.join(tmp(), 'county-pg.guardline.gz');
      await runBackupCommand(file, quiet, { DATA_DIR: keyDir, DATABASE_URL: src });
      await expect(
        runRestoreCommand(file, quiet, { DATA_DIR: tmp(), DATABASE_URL: bad, GUARDLINE_SECRET: OTHER_KEY }),
      ).rejects.toThrow('密钥不匹配');
      await runRestoreCommand(file, quiet, { DATA_DIR: keyDir, DATABASE_URL: dst });
      expect(await firstId({ DATA_DIR: keyDir, DATABASE_URL: dst })).toEqual(before);
      await expect(runRestoreCommand(file, quiet, { DATA_DIR: keyDir, DATABASE_URL: dst })).rejects.toThrow('不是空的');
    } finally {
      for (const n of names) await adminQuery(url!, `DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
    }
  }, 240_000);
});
