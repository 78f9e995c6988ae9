import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppConfig, type Services } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { DEMO_USERS } from '../demo.ts';
import { TEST_SECRET } from './constants.ts';
import { createTestDatabase } from './test-db.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>['app'];

export interface TestEnv {
  app: TestApp;
  services: Services;
  database: Database;
  /** Session cookie of a demo user (county_admin, township_staff, village_officer, …). */
  login(username: string, password?: string): Promise<string>;
}

/** One app on a private database per test file, closed afterwards. */
export function useTestApp(
  opts: { extend?: (app: TestApp) => void; loginAttemptsPerMinute?: number; config?: Partial<AppConfig> } = {},
): TestEnv {
  const env = {} as TestEnv;
  beforeAll(async () => {
    env.database = await createTestDatabase();
    const built = await buildApp(env.database, {
      secret: TEST_SECRET,
      logLevel: 'silent',
      secureCookies: false,
      loginAttemptsPerMinute: opts.loginAttemptsPerMinute ?? 10_000,
      passwordChecksPerMinute: 10_000,
      ...opts.config,
    });
    env.app = built.app;
    env.services = built.services;
    opts.extend?.(built.app);
    env.login = async (username, password) => {
      const pw = password ?? DEMO_USERS.find((u) => u.username === username)?.password;
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: pw } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gl_session');
      return `gl_session=${cookie!.value}`;
    };
  });
  afterAll(async () => {
    await env.app?.close();
    await env.database?.close();
  });
  return env;
}
