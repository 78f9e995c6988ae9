import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'guardline-config-'));

describe('configuration from the environment', () => {
  it('has sensible defaults and generates the secret into DATA_DIR once', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first).toMatchObject({ port: 3000, databaseUrl: undefined, logLevel: 'info', loadDemo: true });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toBe(first.secret);
    expect(loadConfig({ DATA_DIR: dir }).secret).toBe(first.secret);
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
