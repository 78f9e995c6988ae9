import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { call, OTHER_VILLAGE, projectBody, VILLAGE } from './projects.test-support.ts';

// The project library and the asset ledger on the paged convention (issue 16 point 5): total and numbered
// pages, the sort whitelist (400 otherwise), the older array answer without `page`, and the export of
// exactly what is filtered. Project notices name the county from the org tree.

const env = useTestApp();
let county = '';

/** The first-column values of the first sheet's data rows (after the title and header rows). */
async function exportedFirstColumn(url: string): Promise<string[]> {
  const res = await env.app.inject({ url, headers: { cookie: county } });
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  book.worksheets[0].eachRow((row, n) => {
    if (n > 2) out.push(String(row.getCell(1).value));
  });
  return out;
}

const asset = (overrides: Record<string, unknown>) => ({
  name: '东庄村养殖大棚',
  category: 'operating',
  orgCode: VILLAGE,
  originYear: 2020,
  fundSources: { central: 1_000_000 },
  originalValueFen: 1_000_000,
  bookValueFen: 900_000,
  quantity: 1,
  unit: '座',
  ownerLevel: 'village',
  ownerName: '东庄村股份经济合作社',
  photovoltaic: false,
  ...overrides,
});

beforeAll(async () => {
  county = await env.login('county_staff');
  const township = await env.login('township_staff');
  const village = await env.login('village_officer');
  for (const [name, year, budget] of [
    ['东庄村道路硬化', 2025, 3_000_000],
    ['东庄村产业大棚', 2026, 9_000_000],
    ['东庄村饮水巩固', 2026, 5_000_000],
  ] as const)
    await call(env, village, 'POST', '/api/projects', {
      ...projectBody({ name, year }),
      budget: { central: budget, provincial: 0, city: 0, county: 0 },
    });
  // A project of a 嘉峰镇 village (declared there; moved by SQL to spare a second village officer).
  const other = await call(env, village, 'POST', '/api/projects', projectBody({ name: '嘉峰镇光伏项目' }));
  await env.services.db.execute(sql`UPDATE project SET org_code = ${OTHER_VILLAGE} WHERE id = ${other.id}`);
  await call(env, township, 'POST', '/api/assets', asset({ name: '东庄村养殖大棚', originalValueFen: 3_000_000 }));
  await call(env, township, 'POST', '/api/assets', asset({ name: '东庄村文化广场', category: 'publicWelfare' }));
  await call(env, county, 'POST', '/api/assets', asset({ name: '嘉峰镇冷库', orgCode: OTHER_VILLAGE }));
});

describe('the project library list', () => {
  it('answers a numbered page with the total, and the whole list as an array without page', async () => {
    const page = await call(env, county, 'GET', '/api/projects?page=1&pageSize=2&sort=name');
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    const second = await call(env, county, 'GET', '/api/projects?page=2&pageSize=2&sort=name');
    const all = await call(env, county, 'GET', '/api/projects?sort=name');
    expect(Array.isArray(all)).toBe(true);
    expect([...page.items, ...second.items].map((p: { id: number }) => p.id)).toEqual(
      all.map((p: { id: number }) => p.id),
    );
  });

  it('sorts by budget either way and refuses a key outside the whitelist', async () => {
    const asc = await call(env, county, 'GET', '/api/projects?page=1&year=2026&sort=budgetFen');
    expect(asc.items.map((p: { name: string }) => p.name).slice(0, 2)).toEqual(['东庄村饮水巩固', '东庄村产业大棚']);
    const desc = await call(env, county, 'GET', '/api/projects?page=1&year=2026&sort=budgetFen&order=desc');
    expect(desc.items[desc.items.length - 1].name).toBe('东庄村饮水巩固');
    const bad = await call(env, county, 'GET', '/api/projects?page=1&sort=password', undefined, 400);
    expect(bad.error.fields[0].field).toBe('querystring.sort');
  });

  it.each([
    ['', 4],
    ['year=2026', 3],
    ['orgCode=140521104000', 1],
    ['q=大棚', 1],
    ['mine=true', 0],
    ['mine=1', 0],
    ['mine=0', 4],
    ['mine=false', 4],
  ])('exports exactly what the filter "%s" lists', async (query, expected) => {
    const list = await call(env, county, 'GET', `/api/projects?page=1&pageSize=200&sort=id&${query}`);
    expect(list.total).toBe(expected);
    const exported = await exportedFirstColumn(`/api/projects/export.xlsx?sort=id&${query}`);
    expect(exported).toEqual(list.items.map((p: { id: number }) => String(p.id)));
  });

  it('refuses a flag that is neither 1/true nor 0/false', async () => {
    const bad = await call(env, county, 'GET', '/api/projects?page=1&mine=yes', undefined, 400);
    expect(bad.error.fields[0].field).toBe('querystring.mine');
  });

  it('the county-level notice is signed with the county’s name from the org tree', async () => {
    const p = await call(env, county, 'POST', '/api/projects', projectBody({ orgCode: '140521000000' }));
    await env.services.db.execute(sql`UPDATE project SET entry_stage = 'countyNotice' WHERE id = ${p.id}`);
    const [unit] = await queryRows<{ name: string }>(
      env.services.db,
      sql`SELECT name FROM org_unit WHERE code = '140521000000'`,
    );
    const res = await env.app.inject({ url: `/api/projects/${p.id}/notice.html`, headers: { cookie: county } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(`${unit.name}农村工作领导小组`);
  });
});

describe('the asset ledger list', () => {
  it('answers a numbered page with the total, sorted by value; the array answer stays for older callers', async () => {
    const page = await call(env, county, 'GET', '/api/assets?page=1&pageSize=2&sort=originalValueFen&order=desc');
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items[0].name).toBe('东庄村养殖大棚');
    expect(Array.isArray(await call(env, county, 'GET', '/api/assets'))).toBe(true);
    await call(env, county, 'GET', '/api/assets?page=1&sort=ownerName', undefined, 400);
  });

  it.each([
    ['', 3],
    ['category=operating', 2],
    ['orgCode=140521100000', 2],
    ['q=冷库', 1],
  ])('exports exactly what the filter "%s" lists', async (query, expected) => {
    const list = await call(env, county, 'GET', `/api/assets?page=1&pageSize=200&sort=code&${query}`);
    expect(list.total).toBe(expected);
    const exported = await exportedFirstColumn(`/api/assets/export.xlsx?sort=code&${query}`);
    expect(exported).toEqual(list.items.map((a: { code: string }) => a.code));
  });
});
