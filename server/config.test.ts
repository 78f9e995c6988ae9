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
    expect(first).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      logLevel: 'info',
      loadDemo: true,
      newSecretFile: path.join(dir, 'secret.key'),
    });
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
    const c = loadConfig({
      DATA_DIR: tmp(),
      DATABASE_URL: 'postgres://u:p@localhost/db',
      GUARDLINE_SECRET: 'x'.repeat(40),
    });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u:p@localhost/db', loadDemo: false, secret: 'x'.repeat(40) });
  });

  it('binds to this machine while the embedded demo with its published passwords is in use, to every address otherwise or as HOST says', () => {
    const pg = { DATABASE_URL: 'postgres://u:p@localhost/db', GUARDLINE_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ DATA_DIR: tmp() }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATA_DIR: tmp(), GUARDLINE_DEMO: '0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATA_DIR: tmp(), ...pg }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATA_DIR: tmp(), HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATA_DIR: tmp(), ...pg, HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
  });

  it('plain http unless GUARDLINE_HTTPS=1; lockout and proxy settings with documented defaults; docs need a login in production', () => {
    const plain = loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production' });
    expect(plain).toMatchObject({
      https: false,
      secureCookies: false,
      trustProxy: false,
      loginLockout: { maxFailures: 5, minutes: 15 },
      docsRequireLogin: false,
    });
    const tls = loadConfig({
      DATA_DIR: tmp(),
      NODE_ENV: 'production',
      GUARDLINE_DEMO: '0',
      GUARDLINE_HTTPS: '1',
      GUARDLINE_TRUST_PROXY: '1',
      GUARDLINE_LOGIN_MAX_FAILURES: '8',
      GUARDLINE_LOGIN_LOCK_MINUTES: '30',
    });
    expect(tls).toMatchObject({
      https: true,
      secureCookies: true,
      trustProxy: true,
      loginLockout: { maxFailures: 8, minutes: 30 },
      docsRequireLogin: true,
    });
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
