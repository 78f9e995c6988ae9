import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
import { useTestApp } from '../../test/test-app.ts';
import { changedFields } from './audit.service.ts';

const env = useTestApp();

describe('audit log', () => {
  it('keeps only changed fields on each side of an update', () => {
    expect(changedFields({ a: 1, b: 2, c: [1] }, { a: 1, b: 3, c: [1] })).toEqual({ before: { b: 2 }, after: { b: 3 } });
    expect(changedFields(null, { a: 1 })).toEqual({ before: null, after: { a: 1 } });
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await env.login('county_admin');
    for (const statement of [sql`UPDATE audit_log SET action = 'x'`, sql`DELETE FROM audit_log`, sql`TRUNCATE audit_log`]) {
      const error = await env.services.db.execute(statement).then(() => null, (e: Error) => e);
      expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/append-only/);
    }
    const [{ n }] = await queryRows<{ n: number }>(env.services.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(n).toBeGreaterThan(0);
  });

  it('records a user change with actor, request id and before/after, and the admin can query it', async () => {
    const cookie = await env.login('county_admin');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'zhang_san', displayName: '张三', role: 'townshipStaff', orgCode: '140521104000', password: 'Initial#Pass1', phone: '13812345678' },
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    await env.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie }, payload: { displayName: '张三丰' } });
    const res = await env.app.inject({ url: `/api/audit?entity=user&entityId=${id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const [update, create] = res.json().items;
    expect(update).toMatchObject({ action: 'update', actorName: '县乡村振兴局管理员', before: { displayName: '张三' }, after: { displayName: '张三丰' } });
    expect(create).toMatchObject({ action: 'create', after: { username: 'zhang_san', role: 'townshipStaff' } });
    expect(create.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.json())).not.toContain('13812345678');
    const rows = await queryRows<{ n: number }>(env.services.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE after::text LIKE '%password%'`);
    expect(rows[0].n).toBe(0);
  });

  it('is not writable through any route', async () => {
    const cookie = await env.login('county_admin');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect((await env.app.inject({ method, url: '/api/audit', headers: { cookie } })).statusCode).toBe(404);
    }
  });

  it('filters by actor and date', async () => {
    const cookie = await env.login('county_admin');
    const me = (await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).json();
    const today = new Date().toISOString().slice(0, 10);
    const mine = (await env.app.inject({ url: `/api/audit?actorId=${me.id}&from=2020-01-01&to=${today}`, headers: { cookie } })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r: { actorId: number }) => r.actorId === me.id)).toBe(true);
    const old = (await env.app.inject({ url: `/api/audit?to=2020-01-01`, headers: { cookie } })).json();
    expect(old.items).toEqual([]);
  });
});
