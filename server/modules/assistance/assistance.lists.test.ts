import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

// The pairing (结对帮扶) and obligation (帮扶责任) lists on the paged convention (issue 16 point 5): numbered pages
// with the total, a sort whitelist, page sizes up to 200, and exports of exactly what the filters match (the same
// where-clause as the list).

const env = useTestApp();
const AS_OF = '2026-01-01';
const get = async (url: string, user = 'county_staff') =>
  env.app.inject({ url, headers: { cookie: await env.login(user) } });

/** The first column of the data rows of an exported ledger (household numbers), in the ledger's order. */
async function exportedFirstColumn(url: string): Promise<string[]> {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  book.worksheets[0].eachRow((row) => {
    const first = String(row.getCell(1).value ?? '');
    if (/^\d{16}$/.test(first)) out.push(first);
  });
  return out;
}

/** Every row of a list, page by page (page size 2, so paging is exercised). */
async function allPages<T>(url: string): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; page < 50; page++) {
    const res = await get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=2`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page, pageSize: 2 });
    total = body.total;
    items.push(...body.items);
    if (body.items.length < 2) break;
  }
  return { items, total };
}

const households: { id: number; householdNo: string; villageCode: string }[] = [];

beforeAll(async () => {
  const admin = await env.login('county_admin');
  const cadres = (await env.app.inject({ url: '/api/assistance/cadres', headers: { cookie: admin } })).json();
  // Five monitored households: three in 东庄村 (140521100201), one in 140521100202 and one in a 中村镇 village; the
  // first four paired (the demo cadre works in 龙港镇).
  for (let i = 0; i < 5; i++) {
    const h = await createMonitoredHousehold(
      env,
      householdRequest({
        kind: 'alleviated',
        alleviatedAttribute: 'general',
        monitoringType: 'unstable',
        identificationPeriod: '2025-03',
        riskTypes: ['illness'],
        villageCode: i < 3 ? '140521100201' : i === 3 ? '140521100202' : '140521101201',
      }),
    );
    households.push({ id: h.id, householdNo: h.householdNo, villageCode: h.villageCode });
    if (i === 4) continue;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/assistance/pairings',
      headers: { cookie: admin },
      payload: {
        householdId: h.id,
        cadreUserId: cadres[0].id,
        unit: i % 2 === 0 ? '县农业农村局' : '县医保局',
        phone: null,
        startOn: `2025-0${i + 4}-01`,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});

describe('结对帮扶 list', () => {
  it('answers numbered pages with the total, newest start first by default', async () => {
    const first = (await get('/api/assistance/pairings?page=1&pageSize=3')).json();
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items.map((p: { startOn: string }) => p.startOn)).toEqual(['2025-07-01', '2025-06-01', '2025-05-01']);
    const second = (await get('/api/assistance/pairings?page=2&pageSize=3')).json();
    expect(second.items.map((p: { startOn: string }) => p.startOn)).toEqual(['2025-04-01']);
  });

  it('sorts by a whitelisted key both ways and refuses others and pages over 200 with a field message', async () => {
    const asc = (await get('/api/assistance/pairings?sort=householdNo&order=asc')).json().items;
    const desc = (await get('/api/assistance/pairings?sort=householdNo&order=desc')).json().items;
    const nos = asc.map((p: { householdNo: string }) => p.householdNo);
    expect(nos).toEqual([...nos].sort());
    expect(desc.map((p: { householdNo: string }) => p.householdNo)).toEqual([...nos].reverse());
    const badSort = await get('/api/assistance/pairings?sort=phoneMasked');
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.fields[0].field).toBe('querystring.sort');
    const tooBig = await get('/api/assistance/pairings?page=1&pageSize=201');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.fields[0].field).toBe('querystring.pageSize');
  });

  it.each([
    ['', 4],
    ['q=医保', 2],
    ['orgCode=140521100202', 1],
    ['q=农业&orgCode=140521100000', 2],
  ])('filters "%s" and exports exactly the rows it lists, in its order', async (query, expected) => {
    const list = await allPages<{ householdNo: string }>(`/api/assistance/pairings?${query}`);
    expect(list.total).toBe(expected);
    expect(list.items).toHaveLength(expected);
    expect(await exportedFirstColumn(`/api/assistance/pairings/export.xlsx?${query}`)).toEqual(
      list.items.map((p) => p.householdNo),
    );
  });

  it('lists the unpaired monitored household on numbered pages with its total', async () => {
    const res = (await get('/api/assistance/unpaired?page=1&pageSize=1&sort=householdNo&order=desc')).json();
    expect(res).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(res.items[0].householdId).toBe(households[4].id);
    expect((await get('/api/assistance/unpaired?sort=headName')).statusCode).toBe(400);
  });
});

describe('帮扶责任 list', () => {
  it('answers numbered pages whose rows add up to the total, and sorts by household number', async () => {
    const all = await allPages<{ householdNo: string; code: string }>(`/api/assistance/obligations?asOf=${AS_OF}`);
    // Five households without any measure: 无帮扶措施, 无开发式措施, 风险未落实措施 each.
    expect(all.total).toBe(15);
    expect(all.items).toHaveLength(15);
    const sorted = (
      await get(`/api/assistance/obligations?asOf=${AS_OF}&page=1&pageSize=15&sort=householdNo&order=desc`)
    )
      .json()
      .items.map((o: { householdNo: string }) => o.householdNo);
    expect(sorted).toEqual([...sorted].sort().reverse());
    expect((await get(`/api/assistance/obligations?sort=overdueDays`)).statusCode).toBe(400);
  });

  it.each([
    ['', 15],
    ['code=noMeasure', 5],
    ['code=riskWithoutMeasure&orgCode=140521101000', 1],
  ])('filters "%s" and exports exactly the rows it lists', async (query, expected) => {
    const url = `/api/assistance/obligations?asOf=${AS_OF}&${query}`;
    const list = await allPages<{ householdNo: string }>(url);
    expect(list.total).toBe(expected);
    expect(await exportedFirstColumn(`/api/assistance/obligations/export.xlsx?asOf=${AS_OF}&${query}`)).toEqual(
      list.items.map((o) => o.householdNo),
    );
  });

  it('exports the board as of the day asked (before identification nothing is due)', async () => {
    expect((await get('/api/assistance/obligations?asOf=2025-03-15&page=1')).json().total).toBe(0);
    expect(await exportedFirstColumn('/api/assistance/obligations/export.xlsx?asOf=2025-03-15')).toEqual([]);
  });
});
