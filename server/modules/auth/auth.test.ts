import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';

// The lockout (login-lockout.test.ts) is set out of the way here so the per-address limit shows alone.
const env = useTestApp({ loginAttemptsPerMinute: 10, config: { loginLockout: { maxFailures: 1000, minutes: 15 } } });

describe('login, session, logout', () => {
  it('signs in with the right password and sets an HttpOnly SameSite cookie', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'county_admin', password: 'Demo@2021county' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'county_admin', role: 'countyAdmin', orgName: '沁水县' });
    const cookie = res.cookies.find((c) => c.name === 'gl_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.expires!.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'auditor', password: 'nope-nope-nope' },
    });
    const unknown = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.messageZh).toBe('用户名或密码错误');
    expect(unknown.json().error.messageZh).toBe(wrong.json().error.messageZh);
  });

  it('stores only a hash of the session token', async () => {
    const cookie = await env.login('auditor');
    const token = cookie.split('=')[1];
    const rows = await queryRows<{ token_hash: string }>(env.services.db, sql`SELECT token_hash FROM app_session`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('logs out and the cookie stops working', async () => {
    const cookie = await env.login('township_staff');
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('treats an expired session as signed out', async () => {
    const cookie = await env.login('cadre');
    await env.services.db.execute(sql`UPDATE app_session SET expires_at = now() - interval '1 minute'`);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes a password: the old one stops working, the new one works', async () => {
    const cookie = await env.login('dept_medical');
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'wrong', newPassword: 'NewSecret#2026' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('currentPassword');
    const short = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Demo@2021dept', newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0]).toMatchObject({ field: 'newPassword', messageZh: '新密码至少 10 个字符' });
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Demo@2021dept', newPassword: 'NewSecret#2026' },
    });
    expect(ok.statusCode).toBe(200);
    await expect(env.login('dept_medical')).rejects.toThrow(/401/);
    await expect(env.login('dept_medical', 'NewSecret#2026')).resolves.toMatch(/^gl_session=/);
  });

  it('rate-limits repeated login attempts for one user', async () => {
    const attempts = [];
    for (let i = 0; i < 12; i++) {
      attempts.push(
        (
          await env.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'county_staff', password: 'guess-' + i },
          })
        ).statusCode,
      );
    }
    expect(attempts.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(attempts.slice(10)).toEqual([429, 429]);
  });
});
