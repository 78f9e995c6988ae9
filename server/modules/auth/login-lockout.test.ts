import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { createAuthService, DEFAULT_LOGIN_LOCKOUT } from './auth.service.ts';

// Issue #13 §10: failed logins are audited; repeated failures lock the account for a while
// (GUARDLINE_LOGIN_MAX_FAILURES = 5 within GUARDLINE_LOGIN_LOCK_MINUTES = 15 by default);
// the current-password check of a password change is rate-limited per user.

const env = useTestApp({ config: { passwordChecksPerMinute: 5 } });
const attempt = (username: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const auditOf = (userId: number) =>
  queryRows<{ action: string; after: unknown; actor_id: number | null }>(
    env.services.db,
    sql`SELECT action, after, actor_id FROM audit_log WHERE entity = 'user' AND entity_id = ${String(userId)} AND action LIKE 'login.%' ORDER BY id`,
  );
const idOf = async (username: string) =>
  (await queryRows<{ id: number }>(env.services.db, sql`SELECT id FROM app_user WHERE username = ${username}`))[0].id;

describe('failed logins and the lockout', () => {
  it('audits each failure without the password; the sixth attempt is refused even with the right password', async () => {
    expect(DEFAULT_LOGIN_LOCKOUT).toEqual({ maxFailures: 5, minutes: 15 });
    const id = await idOf('county_staff');
    for (let i = 0; i < DEFAULT_LOGIN_LOCKOUT.maxFailures; i++)
      expect((await attempt('county_staff', `guess-${i}-secret`)).statusCode).toBe(401);
    const failures = await auditOf(id);
    expect(failures.map((r) => r.action)).toEqual(Array(5).fill('login.failed'));
    expect(failures[0].actor_id).toBeNull();
    expect(JSON.stringify(failures)).not.toContain('guess-');

    const locked = await attempt('county_staff', 'Demo@2021county');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.messageZh).toContain('已临时锁定');
    expect(locked.json().error.messageZh).toContain('15 分钟');
    expect((await auditOf(id)).at(-1)!.action).toBe('login.locked');

    // Other accounts are not affected.
    expect((await attempt('township_staff', 'Demo@2021township')).statusCode).toBe(200);
    // After the window the account opens again (the service's clock moved past it).
    const later = createAuthService(env.services.db, () => new Date(Date.now() + 16 * 60_000));
    await expect(later.login('county_staff', 'Demo@2021county', 'test')).resolves.toMatchObject({
      actor: { username: 'county_staff' },
    });
  });

  it('fewer failures than the limit do not lock, and a successful login starts the count again', async () => {
    for (let i = 0; i < 4; i++) await attempt('cadre', 'wrong-password-' + i);
    expect((await attempt('cadre', 'Demo@2021cadre')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('cadre', 'wrong-password-' + i);
    expect((await attempt('cadre', 'Demo@2021cadre')).statusCode).toBe(200);
  });

  it("an administrator's password reset unlocks the account", async () => {
    for (let i = 0; i < 5; i++) await attempt('auditor', 'wrong-password-' + i);
    expect((await attempt('auditor', 'Demo@2021audit')).statusCode).toBe(429);
    const admin = await env.login('county_admin');
    const reset = await env.app.inject({
      method: 'PATCH',
      url: `/api/users/${await idOf('auditor')}`,
      headers: { cookie: admin },
      payload: { password: 'Reset#Auditor1' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await attempt('auditor', 'Reset#Auditor1')).statusCode).toBe(200);
  });

  it('audits a failure for an unknown username without keeping what was typed', async () => {
    await attempt('Demo@2021typed-in-the-wrong-box', 'whatever-whatever');
    const rows = await queryRows<{ after: unknown }>(
      env.services.db,
      sql`SELECT after FROM audit_log WHERE entity = 'session' AND action = 'login.failed'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('typed-in-the-wrong-box');
  });
});

describe('the current-password check', () => {
  it('answers 5 guesses a minute per user, then 429', async () => {
    const cookie = await env.login('village_officer');
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: `guess-${i}`, newPassword: 'Another#Pass22' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });
});
