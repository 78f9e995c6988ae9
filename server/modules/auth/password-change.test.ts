import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';

// Issue #13 §5: the initial (or reset) password opens only me, password and logout — enforced by the server.

const env = useTestApp();

async function createUser(adminCookie: string, username: string, password: string) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: adminCookie },
    payload: { username, displayName: '新管理员', role: 'countyAdmin', orgCode: '140521000000', password },
  });
  expect(res.statusCode).toBe(200);
  return res.json().id as number;
}

describe('forced password change on the server', () => {
  it('answers only me, password and logout until the initial password is changed', async () => {
    const admin = await env.login('county_admin');
    await createUser(admin, 'fresh_admin', 'Initial#Pass1');
    const cookie = await env.login('fresh_admin', 'Initial#Pass1');

    const me = await env.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);

    for (const [method, url, payload] of [
      ['GET', '/api/users', undefined],
      ['GET', '/api/registry/households?limit=5', undefined],
      [
        'POST',
        '/api/users',
        {
          username: 'sneaky',
          displayName: 'x',
          role: 'countyAdmin',
          orgCode: '140521000000',
          password: 'Whatever#123',
        },
      ],
      ['GET', '/api/audit', undefined],
    ] as const) {
      const res = await env.app.inject({ method, url, payload, headers: { cookie, 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        messageZh: '请先修改初始密码后再继续操作',
        message: 'Change your initial password before you continue',
      });
    }

    const changed = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Initial#Pass1', newPassword: 'Changed#Pass2' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await env.app.inject({ url: '/api/users', headers: { cookie } })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(
      200,
    );
  });

  it("an administrator's password reset ends the user's sessions and asks for a new password again", async () => {
    const admin = await env.login('county_admin');
    const id = await createUser(admin, 'reset_me', 'Initial#Pass1');
    const first = await env.login('reset_me', 'Initial#Pass1');
    await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'Initial#Pass1', newPassword: 'Mine#Secret22' },
    });
    const second = await env.login('reset_me', 'Mine#Secret22');
    expect((await env.app.inject({ url: '/api/users', headers: { cookie: second } })).statusCode).toBe(200);

    const reset = await env.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: { cookie: admin },
      payload: { password: 'Reset#ByAdmin3' },
    });
    expect(reset.statusCode).toBe(200);
    for (const cookie of [first, second])
      expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);

    const again = await env.login('reset_me', 'Reset#ByAdmin3');
    expect((await env.app.inject({ url: '/api/users', headers: { cookie: again } })).json().error.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
  });
});
