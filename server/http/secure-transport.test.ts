import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppConfig } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { TEST_SECRET } from '../test/constants.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { HSTS } from './secure-transport.ts';

// Issue #13 §8 (plain http on a LAN address must work) and §10 (/api/docs behind login in production).

let database: Database;
const apps: Awaited<ReturnType<typeof buildApp>>['app'][] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
});

async function appWith(config: Partial<AppConfig>) {
  const { app } = await buildApp(database, {
    secret: TEST_SECRET,
    logLevel: 'silent',
    secureCookies: false,
    loginAttemptsPerMinute: 10_000,
    ...config,
  });
  apps.push(app);
  return app;
}

const login = (app: Awaited<ReturnType<typeof appWith>>, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { username: 'auditor', password: 'Demo@2021audit' },
  });

describe('security headers over plain http and https', () => {
  it('plain http on a LAN address: no HSTS, no upgrade-insecure-requests, no Secure cookie', async () => {
    const app = await appWith({});
    const res = await app.inject({ url: '/api/health', headers: { host: '192.168.1.20:3000' } });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    // A forwarded header is not believed without GUARDLINE_TRUST_PROXY.
    const forged = await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    const cookie = (await login(app, { host: '192.168.1.20:3000' })).cookies.find((c) => c.name === 'gl_session')!;
    expect(cookie.secure).toBeFalsy();
  });

  it('behind a trusted TLS proxy (X-Forwarded-Proto https): HSTS, the upgrade and a Secure cookie', async () => {
    const app = await appWith({ trustProxy: true });
    const headers = { 'x-forwarded-proto': 'https' };
    const res = await app.inject({ url: '/api/health', headers });
    expect(res.headers['strict-transport-security']).toBe(HSTS);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect((await login(app, headers)).cookies.find((c) => c.name === 'gl_session')!.secure).toBe(true);
    expect((await app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('GUARDLINE_HTTPS=1: always', async () => {
    const app = await appWith({ https: true, secureCookies: true });
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe(HSTS);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('/api/docs', () => {
  it('is open in development and the demo, behind a login in production', async () => {
    expect((await (await appWith({})).inject({ url: '/api/docs/json' })).statusCode).toBe(200);
    const prod = await appWith({ docsRequireLogin: true });
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      const res = await prod.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.messageZh).toBe('请先登录');
    }
    const cookie = (await login(prod)).cookies.find((c) => c.name === 'gl_session')!;
    expect(
      (await prod.inject({ url: '/api/docs/json', headers: { cookie: `gl_session=${cookie.value}` } })).statusCode,
    ).toBe(200);
  });
});
