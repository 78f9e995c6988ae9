import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';

// The case list on the paged convention (issue 16 point 5): total, numbered pages, the sort whitelist,
// the time-limit filter in SQL agreeing with the per-row time limit, and the export of exactly what is filtered.

const env = useTestApp();
const day = (offset: number) =>
  new Date(Date.parse(todayInChina() + 'T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
const consent = { signed: true, signedOn: day(-1), signer: '王建国', method: 'fingerprint' };

async function get(url: string, user = 'county_staff') {
  return env.app.inject({ url, headers: { cookie: await env.login(user) } });
}

async function exportedCaseIds(query: string): Promise<number[]> {
  const res = await get(`/api/cases/export.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ids: number[] = [];
  book.worksheets[0].eachRow((row) => {
    const kind = String(row.getCell(2).value ?? '');
    if (kind === '识别认定' || kind === '风险消除') ids.push(Number(row.getCell(1).value));
  });
  return ids;
}

// Four identifications: started 20 (overdue), 13 (near due) and 2 days ago (two on time), one in 嘉峰镇.
const STARTS = [
  { daysAgo: 20, villageCode: '140521100201' },
  { daysAgo: 13, villageCode: '140521100201' },
  { daysAgo: 2, villageCode: '140521100201' },
  { daysAgo: 2, villageCode: '140521104201' },
];
const ids: number[] = [];

beforeAll(async () => {
  const cookie = await env.login('county_staff');
  for (const s of STARTS) {
    const h = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: householdRequest({ villageCode: s.villageCode }),
    });
    expect(h.statusCode, h.body).toBe(200);
    const clue = await env.app.inject({
      method: 'POST',
      url: '/api/clues/applications',
      headers: { cookie },
      payload: { householdId: h.json().id, reason: '户主突发重病住院，自付费用高', riskTypes: ['illness'], consent },
    });
    expect(clue.statusCode, clue.body).toBe(200);
    const c = await env.app.inject({
      method: 'POST',
      url: '/api/cases/identifications',
      headers: { cookie },
      payload: { clueId: clue.json().clueIds[0] },
    });
    expect(c.statusCode, c.body).toBe(200);
    ids.push(c.json().id);
    await env.services.db.execute(
      sql`UPDATE monitoring_case SET started_on = ${day(-s.daysAgo)} WHERE id = ${c.json().id}`,
    );
  }
});

describe('the case list', () => {
  it('answers a numbered page with the total; the id cursor still works for older callers', async () => {
    const first = (await get('/api/cases?page=1&pageSize=3')).json();
    expect(first.total).toBe(4);
    expect(first.items).toHaveLength(3);
    expect(first.page).toBe(1);
    const second = (await get('/api/cases?page=2&pageSize=3')).json();
    expect(second.items.map((c: { id: number }) => c.id)).toEqual([ids[3]]);
    const cursor = (await get(`/api/cases?afterId=${ids[1]}&limit=1`)).json();
    expect(cursor.items.map((c: { id: number }) => c.id)).toEqual([ids[2]]);
    expect(cursor.nextAfterId).toBe(ids[2]);
  });

  it('sorts by a whitelisted key and refuses any other with a field message', async () => {
    const byStart = (await get('/api/cases?page=1&sort=startedOn&order=desc')).json();
    const starts = byStart.items.map((c: { startedOn: string }) => c.startedOn);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(byStart.items[3].id).toBe(ids[0]);
    const bad = await get('/api/cases?page=1&sort=headName');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('sort');
  });

  it.each([
    ['overdue', [0]],
    ['nearDue', [1]],
    ['onTime', [2, 3]],
  ])('filters %s in SQL as the row’s own time limit says', async (due, which) => {
    const list = (await get(`/api/cases?page=1&due=${due}`)).json();
    expect(list.total).toBe(which.length);
    expect(list.items.map((c: { id: number }) => c.id)).toEqual(which.map((i) => ids[i]));
    for (const c of list.items) expect(c.timeLimit.status).toBe(due);
  });

  it.each([
    ['', 4],
    ['due=onTime', 2],
    ['orgCode=140521104000', 1],
    ['kind=elimination', 0],
  ])('exports exactly what the filter "%s" lists, in its order', async (query, expected) => {
    const list = (await get(`/api/cases?page=1&pageSize=200&sort=startedOn&order=desc&${query}`)).json();
    expect(list.total).toBe(expected);
    const exported = await exportedCaseIds(`sort=startedOn&order=desc&${query}`);
    expect(exported).toEqual(list.items.map((c: { id: number }) => c.id));
  });

  it('audits the export with its filters; a village officer exports only his village', async () => {
    await exportedCaseIds('due=overdue');
    const [row] = await queryRows<{ after: { due?: string } }>(
      env.services.db,
      sql`SELECT after FROM audit_log WHERE entity = 'case' AND action = 'export' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.after.due).toBe('overdue');
    const res = await get('/api/cases/export.xlsx', 'village_officer');
    expect(res.statusCode, res.body).toBe(200);
    const list = (await get('/api/cases?page=1', 'village_officer')).json();
    expect(list.items.every((c: { villageCode: string }) => c.villageCode === '140521100201')).toBe(true);
  });
});
