import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { householdRequest, makeIdNumber, memberInput } from '#server/test/factories.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';
import { loadConsumerAssistanceDemo } from './consumer-assistance.demo.ts';

// 消费帮扶 (issue 15 item 4) through the HTTP API: outlets against the 2/2/20 target, products from a 脱贫户 or a
// 合作社, monthly sales (a correction replaces the month, audited), scope, field errors, export = list.

const env = useTestApp();
const TOWNSHIP = '140521100000';
const COUNTY = '140521000000';

async function send(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200) {
  const res = await env.app.inject({ method, url, headers: { cookie }, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

const outlet = (over: object = {}) => ({
  orgCode: COUNTY,
  kind: 'pavilion',
  channel: 'offline',
  name: '沁水县消费帮扶馆',
  location: '龙港镇商贸街1号',
  operator: '县供销社',
  openedOn: '2024-03-01',
  ...over,
});

describe('消费帮扶 outlets, products and sales', () => {
  it('counts outlets against the 2/2/20 target, closes one, keeps it listed', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const before = await send(county, 'GET', '/api/consumer-assistance/summary');
    expect(before.progress).toEqual([
      { kind: 'pavilion', built: 0, target: 2, shortfall: 2, met: false },
      { kind: 'zone', built: 0, target: 2, shortfall: 2, met: false },
      { kind: 'counter', built: 0, target: 20, shortfall: 20, met: false },
    ]);
    expect(before.targetSource).toContain('20个消费帮扶专柜');

    await send(county, 'POST', '/api/consumer-assistance/outlets', outlet());
    await send(
      county,
      'POST',
      '/api/consumer-assistance/outlets',
      outlet({ name: '832平台沁水馆', channel: 'online' }),
    );
    const counter = await send(
      township,
      'POST',
      '/api/consumer-assistance/outlets',
      outlet({ orgCode: TOWNSHIP, kind: 'counter', name: '龙港镇超市专柜', operator: '龙港镇某超市' }),
    );
    // the township cannot register a county outlet; future opening refused on the field
    await send(township, 'POST', '/api/consumer-assistance/outlets', outlet(), 404);
    const future = await send(
      county,
      'POST',
      '/api/consumer-assistance/outlets',
      outlet({ openedOn: '2099-01-01' }),
      400,
    );
    expect(future.error.fields[0].field).toBe('openedOn');
    const missing = await send(county, 'POST', '/api/consumer-assistance/outlets', outlet({ operator: '' }), 400);
    expect(missing.error.fields[0].field).toBe('operator');

    const after = await send(county, 'GET', '/api/consumer-assistance/summary');
    expect(after.progress.map((p: { built: number }) => p.built)).toEqual([2, 0, 1]);
    expect(after.progress[0].met).toBe(true);

    // closed outlets stop counting but stay listed as closed
    await send(township, 'POST', `/api/consumer-assistance/outlets/${counter.id}/close`, { closedOn: '2024-12-31' });
    await send(
      township,
      'POST',
      `/api/consumer-assistance/outlets/${counter.id}/close`,
      { closedOn: '2024-12-31' },
      409,
    );
    const closed = await send(county, 'GET', '/api/consumer-assistance/outlets?status=closed&page=1');
    expect(closed.items.map((o: { id: number }) => o.id)).toEqual([counter.id]);
    const again = await send(county, 'GET', '/api/consumer-assistance/summary');
    expect(again.progress[2].built).toBe(0);
    const townshipView = await send(township, 'GET', '/api/consumer-assistance/outlets?page=1');
    expect(townshipView.total).toBe(1);
  });

  it('the cockpit counts the ledger’s outlets per unit: village, township with its villages, the whole county', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');
    await send(
      village,
      'POST',
      '/api/consumer-assistance/outlets',
      outlet({ orgCode: VILLAGE, kind: 'counter', name: '东庄村便民店专柜', openedOn: '2025-05-01' }),
    );
    await send(
      township,
      'POST',
      '/api/consumer-assistance/outlets',
      outlet({ orgCode: TOWNSHIP, kind: 'zone', name: '龙港镇农贸市场专区', openedOn: '2024-06-01' }),
    );
    const year = todayInChina().slice(0, 4);
    const month = todayInChina().slice(0, 7);
    const CODES = ['CONSUMER_HALLS_N', 'CONSUMER_ZONES_N', 'CONSUMER_COUNTERS_N'];
    type Cockpit = {
      indicators: { code: string; value: number | null; trend: { period: string; value: number | null }[] }[];
      children: { code: string; cells: Record<string, { value: number | null }> }[];
    };
    // one cockpit call per unit: its own values and trend, its children's cells
    const cockpit = async (cookie: string, org: string) =>
      (await send(cookie, 'GET', `/api/indicators/cockpit?org=${org}&period=${month}`)) as Cockpit;
    const own = (c: Cockpit) => CODES.map((code) => c.indicators.find((i) => i.code === code)!.value);
    const inYear = (c: Cockpit, y: string) =>
      CODES.map((code) => c.indicators.find((i) => i.code === code)!.trend.find((t) => t.period === y)?.value);
    const child = (c: Cockpit, org: string) =>
      CODES.map((code) => c.children.find((u) => u.code === org)!.cells[code].value);
    const built = async (cookie: string) =>
      (await send(cookie, 'GET', '/api/consumer-assistance/summary')).progress.map((p: { built: number }) => p.built);
    const ofCounty = await cockpit(county, COUNTY);
    const ofTownship = await cockpit(township, TOWNSHIP);
    // today: each unit's figure is its 三专 progress on the page (the county's own halls count at the county only)
    expect(own(ofCounty)).toEqual(await built(county));
    expect(own(ofTownship)).toEqual(await built(township));
    expect(child(ofTownship, VILLAGE)).toEqual(await built(village));
    expect(own(ofCounty)).toEqual([2, 1, 1]);
    expect(child(ofCounty, TOWNSHIP)).toEqual([0, 1, 1]);
    expect(child(ofTownship, VILLAGE)).toEqual([0, 0, 1]);
    // earlier years from the outlets' dates: the township counter closed on 2024-12-31 no longer counts that day
    expect(inYear(ofCounty, year)).toEqual([2, 1, 1]);
    expect(inYear(ofCounty, '2024')).toEqual([2, 1, 0]);
    expect(inYear(ofCounty, String(Number(year) - 4))).toEqual([0, 0, 0]);
    // nothing is typed any more: the county's yearly report no longer asks for the outlets
    const form = await send(county, 'GET', `/api/indicators/form?dataSet=COUNTY_ANNUAL&org=${COUNTY}&period=${year}`);
    expect(JSON.stringify(form)).not.toContain('CONSUMER_');
  });

  it('products from a 脱贫户 of the registry or a cooperative, monthly sales corrected in place', async () => {
    const county = await env.login('county_admin');
    const village = await env.login('village_officer');
    const hh = await send(
      village,
      'POST',
      '/api/registry/households',
      householdRequest({
        kind: 'alleviated',
        alleviatedAttribute: 'general',
        members: [memberInput({ name: '孙满仓', idNumber: makeIdNumber('1968-04-02', 'male') })],
      }),
    );
    const ordinary = await send(
      village,
      'POST',
      '/api/registry/households',
      householdRequest({
        kind: 'ordinary',
        members: [memberInput({ name: '李一般', idNumber: makeIdNumber('1975-04-02', 'male') })],
      }),
    );
    const honey = await send(village, 'POST', '/api/consumer-assistance/products', {
      name: '沁水土蜂蜜',
      category: 'mountain',
      supplierKind: 'household',
      householdId: hh.id,
    });
    expect(honey).toMatchObject({ orgCode: VILLAGE, supplierName: '孙满仓', householdId: hh.id });
    const refused = await send(
      village,
      'POST',
      '/api/consumer-assistance/products',
      { name: '小米', category: 'grain', supplierKind: 'household', householdId: ordinary.id },
      400,
    );
    expect(refused.error.fields[0].field).toBe('householdId');
    const noName = await send(
      county,
      'POST',
      '/api/consumer-assistance/products',
      { name: '小米', category: 'grain', supplierKind: 'cooperative', orgCode: TOWNSHIP },
      400,
    );
    expect(noName.error.fields[0].field).toBe('supplierName');
    const millet = await send(county, 'POST', '/api/consumer-assistance/products', {
      name: '沁州黄小米',
      category: 'grain',
      supplierKind: 'cooperative',
      supplierName: '龙港镇杂粮专业合作社',
      orgCode: TOWNSHIP,
    });
    // a village officer cannot put a product under another village's household or outside scope
    await send(
      village,
      'POST',
      '/api/consumer-assistance/products',
      {
        name: '核桃',
        category: 'mountain',
        supplierKind: 'cooperative',
        supplierName: '某合作社',
        orgCode: OTHER_VILLAGE,
      },
      404,
    );

    const hall = (await send(county, 'GET', '/api/consumer-assistance/outlets?kind=pavilion&page=1')).items[0];
    const first = await send(county, 'PUT', '/api/consumer-assistance/sales', {
      outletId: hall.id,
      productId: honey.id,
      period: '2025-05',
      amountFen: 123_400,
    });
    expect(first.totalFen).toBe(123_400);
    const corrected = await send(county, 'PUT', '/api/consumer-assistance/sales', {
      outletId: hall.id,
      productId: honey.id,
      period: '2025-05',
      amountFen: 150_000,
    });
    expect(corrected.items).toHaveLength(1);
    expect(corrected.items[0]).toMatchObject({ amountFen: 150_000, supplierName: '孙满仓', outletKind: 'pavilion' });
    await send(county, 'PUT', '/api/consumer-assistance/sales', {
      outletId: hall.id,
      productId: millet.id,
      period: '2025-06',
      amountFen: 50_000,
    });
    // before the outlet opened: refused on the field
    const early = await send(
      county,
      'PUT',
      '/api/consumer-assistance/sales',
      { outletId: hall.id, productId: millet.id, period: '2024-02', amountFen: 1 },
      400,
    );
    expect(early.error.fields[0].field).toBe('period');
    const year = await send(county, 'GET', '/api/consumer-assistance/sales?year=2025&page=1');
    expect(year).toMatchObject({ total: 2, totalFen: 200_000 });
    const products = await send(
      county,
      'GET',
      '/api/consumer-assistance/products?sort=salesTotalFen&order=desc&page=1',
    );
    expect(products.items[0]).toMatchObject({ id: honey.id, salesTotalFen: 150_000 });
    const summary = await send(county, 'GET', '/api/consumer-assistance/summary?year=2025');
    expect(summary).toMatchObject({ salesYearFen: 200_000, suppliers: { households: 1, cooperatives: 1 } });

    const audit = await send(county, 'GET', '/api/audit?entity=consumer_sale&page=1&pageSize=50');
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it('exports the filtered outlets with their monthly sales', async () => {
    const county = await env.login('county_admin');
    const list = await send(county, 'GET', '/api/consumer-assistance/outlets?kind=pavilion&page=1');
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/consumer-assistance/outlets/export.xlsx?kind=pavilion',
      headers: { cookie: county },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [outlets, sales] = book.worksheets;
    expect(outlets.rowCount - 2).toBe(list.total);
    expect(sales.rowCount - 2).toBe(2);
    await send(county, 'GET', '/api/consumer-assistance/outlets?sort=name', undefined, 400);
  });

  it('loads the demo once (outlets, products, three months of sales)', async () => {
    const { db, consumerAssistance } = env.services;
    await db.execute('DELETE FROM consumer_sale');
    await db.execute('DELETE FROM consumer_product');
    await db.execute('DELETE FROM consumer_outlet');
    await loadConsumerAssistanceDemo({ db, consumerAssistance });
    await loadConsumerAssistanceDemo({ db, consumerAssistance });
    const county = await env.login('county_admin');
    const summary = await send(county, 'GET', '/api/consumer-assistance/summary');
    expect(summary.progress.map((p: { built: number }) => p.built)).toEqual([2, 1, 3]);
    const outlets = await send(county, 'GET', '/api/consumer-assistance/outlets?page=1');
    expect(outlets.total).toBe(7);
    const sales = await send(county, 'GET', '/api/consumer-assistance/sales?page=1');
    expect(sales.total).toBeGreaterThan(0);
  });
});
