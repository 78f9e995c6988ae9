import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, writeNewSecret } from './config.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'guardline-config-'));

describe('configuration from the environment', () => {
  it('has sensible defaults and makes a new key for a new DATA_DIR, written once and then read', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first).toMatchObject({ port: 3000, databaseUrl: undefined, logLevel: 'info', loadDemo: true, newSecretFile: path.join(dir, 'secret.key') });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false); // written by openDatabase once the database proves new
    writeNewSecret(first);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toBe(first.secret);
    const again = loadConfig({ DATA_DIR: dir });
    expect(again.secret).toBe(first.secret);
    expect(again.newSecretFile).toBeUndefined();
  });

  it('refuses to start without the key when the embedded data exists, never making a new one', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'pglite'));
    writeFileSync(path.join(dir, 'pglite', 'PG_VERSION'), '17\n');
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow('缺少密钥');
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, GUARDLINE_SECRET: 'y'.repeat(40) }).secret).toBe('y'.repeat(40));
  });

  it('switches to PostgreSQL with DATABASE_URL and then loads no demo unless asked', () => {
    const c = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u:p@localhost/db', GUARDLINE_SECRET: 'x'.repeat(40) });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u:p@localhost/db', loadDemo: false, secret: 'x'.repeat(40) });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ GUARDLINE_SECRET: 'short' }, 'GUARDLINE_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig({ DATA_DIR: tmp(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: tmp(), ...env })).toThrow(name);
  });
});
