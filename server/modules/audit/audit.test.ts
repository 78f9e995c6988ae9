import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { insertAudit } from './audit.repository.ts';
import { changedFields } from './audit.service.ts';

const env = useTestApp();

describe('audit log', () => {
  it('keeps only changed fields on each side of an update', () => {
    expect(changedFields({ a: 1, b: 2, c: [1] }, { a: 1, b: 3, c: [1] })).toEqual({
      before: { b: 2 },
      after: { b: 3 },
    });
    expect(changedFields(null, { a: 1 })).toEqual({ before: null, after: { a: 1 } });
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await env.login('county_admin');
    for (const statement of [
      sql`UPDATE audit_log SET action = 'x'`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
    ]) {
      const error = await env.services.db.execute(statement).then(
        () => null,
        (e: Error) => e,
      );
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
      payload: {
        username: 'zhang_san',
        displayName: '张三',
        role: 'townshipStaff',
        orgCode: '140521104000',
        password: 'Initial#Pass1',
        phone: '13812345678',
      },
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    await env.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: { cookie },
      payload: { displayName: '张三丰' },
    });
    const res = await env.app.inject({ url: `/api/audit?entity=user&entityId=${id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const [update, create] = res.json().items;
    expect(update).toMatchObject({
      action: 'update',
      actorName: '县乡村振兴局管理员',
      before: { displayName: '张三' },
      after: { displayName: '张三丰' },
    });
    expect(create).toMatchObject({ action: 'create', after: { username: 'zhang_san', role: 'townshipStaff' } });
    // The unit by name, not only its code (issue 16 point 4).
    expect(create).toMatchObject({ orgCode: '140521104000', orgName: '嘉峰镇' });
    expect(create.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.json())).not.toContain('13812345678');
    const rows = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE after::text LIKE '%password%'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('is not writable through any route', async () => {
    const cookie = await env.login('county_admin');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect((await env.app.inject({ method, url: '/api/audit', headers: { cookie } })).statusCode).toBe(404);
    }
  });

  it('filters by actor and China calendar day, also in the UTC evening (16:30 UTC is already tomorrow in China)', async () => {
    const cookie = await env.login('county_admin');
    const me = (await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).json();
    // The clock at 16:30 UTC of the county's current day (the day before in UTC): only the test's own
    // "today" reads it; the rows above were written at the real time, which is in that China day.
    const chinaToday = todayInChina();
    const utcEvening = new Date(Date.parse(`${chinaToday}T16:30:00Z`) - 86_400_000);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(utcEvening);
      expect(new Date().toISOString().slice(0, 10)).not.toBe(chinaToday);
      const today = todayInChina();
      expect(today).toBe(chinaToday);
      const mine = (
        await env.app.inject({ url: `/api/audit?actorId=${me.id}&from=2020-01-01&to=${today}`, headers: { cookie } })
      ).json();
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((r: { actorId: number }) => r.actorId === me.id)).toBe(true);
      const old = (await env.app.inject({ url: `/api/audit?to=2020-01-01`, headers: { cookie } })).json();
      expect(old.items).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads from/to as China calendar days: 2025-03-01 16:30 UTC belongs to 2025-03-02', async () => {
    const cookie = await env.login('county_admin');
    const me = (await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).json();
    const at = (iso: string, entityId: string) =>
      insertAudit(env.services.db, [
        {
          at: new Date(iso),
          actorId: me.id,
          actorName: 'test',
          action: 'probe',
          entity: 'dayProbe',
          entityId,
          orgCode: '140521000000',
        },
      ]);
    await at('2025-03-01T15:59:59.999Z', 'late-on-1st'); // 2025-03-01 23:59:59.999 in China
    await at('2025-03-01T16:30:00Z', 'early-on-2nd'); //   2025-03-02 00:30 in China
    const ids = async (q: string) =>
      (await env.app.inject({ url: `/api/audit?entity=dayProbe&${q}`, headers: { cookie } }))
        .json()
        .items.map((r: { entityId: string }) => r.entityId)
        .sort();
    expect(await ids('from=2025-03-01&to=2025-03-01')).toEqual(['late-on-1st']);
    expect(await ids('from=2025-03-02&to=2025-03-02')).toEqual(['early-on-2nd']);
    expect(await ids('from=2025-03-02')).toEqual(['early-on-2nd']);
    expect(await ids('to=2025-03-01')).toEqual(['late-on-1st']);
  });
});

describe('audit log as a paged list (issue 16 point 5)', () => {
  const probes = ['b-probe', 'a-probe', 'c-probe'];
  async function seedProbes() {
    const cookie = await env.login('county_admin');
    const me = (await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).json();
    await insertAudit(
      env.services.db,
      probes.map((entityId) => ({
        actorId: me.id,
        actorName: '分页测试',
        action: 'probe',
        entity: 'pageProbe',
        entityId,
        orgCode: '140521100000',
      })),
    );
    return cookie;
  }
  const get = (cookie: string, q: string) => env.app.inject({ url: `/api/audit?${q}`, headers: { cookie } });

  it('answers a numbered page with the total, sorts by a whitelisted key and refuses another', async () => {
    const cookie = await seedProbes();
    const first = (await get(cookie, 'entity=pageProbe&page=1&pageSize=2&sort=entity&order=asc')).json();
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = (await get(cookie, 'entity=pageProbe&page=2&pageSize=2&sort=entity&order=asc')).json();
    expect(second.items).toHaveLength(1);
    const ids = [...first.items, ...second.items].map((r: { id: number }) => r.id);
    expect(new Set(ids).size).toBe(3);
    // Newest first when no sort is named; id ascending when asked.
    const newest = (await get(cookie, 'entity=pageProbe&page=1&pageSize=3')).json();
    expect(newest.items.map((r: { entityId: string }) => r.entityId)).toEqual([...probes].reverse());
    const oldest = (await get(cookie, 'entity=pageProbe&page=1&pageSize=3&sort=id&order=asc')).json();
    expect(oldest.items.map((r: { entityId: string }) => r.entityId)).toEqual(probes);
    const bad = await get(cookie, 'sort=password');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('querystring.sort');
    expect((await get(cookie, 'page=1&pageSize=201')).statusCode).toBe(400);
    // Older callers still page by id cursor.
    const cursor = (await get(cookie, 'entity=pageProbe&limit=2')).json();
    expect(cursor.items).toHaveLength(2);
    expect(cursor.nextBeforeId).toBe(cursor.items[1].id);
  });

  it('exports exactly what is filtered, with names instead of codes, and audits the export', async () => {
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({ url: '/api/audit/export.xlsx?entity=pageProbe', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const objects: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) objects.push(String(row.getCell(4).value));
    });
    expect(objects).toHaveLength(3);
    expect(objects.every((o) => o.startsWith('pageProbe'))).toBe(true);
    expect(String(sheet.getRow(3).getCell(3).value)).toBe('检查');
    const total = (await get(cookie, 'entity=pageProbe&page=1&pageSize=1')).json().total;
    expect(objects).toHaveLength(total);
    const audited = (await get(cookie, 'entity=audit_log&page=1&pageSize=5')).json();
    expect(audited.items[0]).toMatchObject({ action: 'export', after: { rows: 3, entity: 'pageProbe' } });
    const bad = await env.app.inject({ url: '/api/audit/export.xlsx?sort=nope', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('users as a paged list (issue 16 point 5)', () => {
  it('answers a numbered page with the total, sorts by a whitelisted key and refuses another', async () => {
    const cookie = await env.login('county_admin');
    const get = (q: string) => env.app.inject({ url: `/api/users?${q}`, headers: { cookie } });
    const all = (await get('page=1&pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(2);
    const first = (await get('page=1&pageSize=2&sort=username&order=desc')).json();
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
    const names = all.items
      .map((u: { username: string }) => u.username)
      .sort()
      .reverse();
    expect(first.items.map((u: { username: string }) => u.username)).toEqual(names.slice(0, 2));
    const staff = (await get('role=townshipStaff&page=1')).json();
    expect(staff.items.every((u: { role: string }) => u.role === 'townshipStaff')).toBe(true);
    expect(staff.total).toBe(all.items.filter((u: { role: string }) => u.role === 'townshipStaff').length);
    const bad = await get('page=1&sort=passwordHash');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('querystring.sort');
    // Older callers still page by id cursor.
    const cursor = (await get('limit=1')).json();
    expect(cursor.nextAfterId).toBe(cursor.items[0].id);
  });
});
