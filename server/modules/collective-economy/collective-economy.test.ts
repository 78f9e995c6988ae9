import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { decidedDeliberation, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';
import { loadCollectiveEconomyDemo } from './collective-economy.demo.ts';
import { collectiveIncomeByVillage } from './index.ts';

// 村集体经济 (issue 15 item 7) through the HTTP API: entry and correction (history kept), scope, field errors,
// the weak-village line, township totals, the asset ledger's income beside the entry, audit, export = list.

const env = useTestApp();
const YEAR = 2025;
const TOWNSHIP = '140521100000';

async function send(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200) {
  const res = await env.app.inject({ method, url, headers: { cookie }, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

const amounts = (yuan: [number, number, number, number, number]) => ({
  assetFen: yuan[0] * 100,
  photovoltaicFen: yuan[1] * 100,
  landFen: yuan[2] * 100,
  operationsFen: yuan[3] * 100,
  otherFen: yuan[4] * 100,
});

describe('村集体经济 income by village and year', () => {
  it('enters, corrects with history, lists weak villages and township totals, audits', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');

    const first = await send(village, 'PUT', `/api/collective-economy/villages/${VILLAGE}/${YEAR}`, {
      ...amounts([10_000, 20_000, 5_000, 0, 0]),
      note: '村级填报',
    });
    expect(first.entries).toHaveLength(1);
    expect(first.entries[0]).toMatchObject({ year: YEAR, totalFen: 3_500_000, supersededAt: null });

    // below the weak line (collective.weakIncomeFen, default 5万元): listed as weak
    const weak = await send(township, 'GET', `/api/collective-economy?year=${YEAR}&status=weak&page=1&pageSize=50`);
    expect(weak.weakLineFen).toBe(5_000_000);
    expect(weak.weakLineNotFound).toBe(true);
    expect(weak.items.map((r: { orgCode: string }) => r.orgCode)).toContain(VILLAGE);

    // the township corrects: the first entry is superseded, not lost
    const corrected = await send(township, 'PUT', `/api/collective-economy/villages/${VILLAGE}/${YEAR}`, {
      ...amounts([10_000, 30_000, 5_000, 5_000, 0]),
    });
    expect(corrected.entries).toHaveLength(2);
    expect(corrected.entries[0]).toMatchObject({ totalFen: 5_000_000, supersededAt: null });
    expect(corrected.entries[1].supersededAt).not.toBeNull();

    // exactly at the line: not weak (strictly below is weak)
    const list = await send(township, 'GET', `/api/collective-economy?year=${YEAR}&page=1&pageSize=200`);
    const row = list.items.find((r: { orgCode: string }) => r.orgCode === VILLAGE);
    expect(row).toMatchObject({ entered: true, totalFen: 5_000_000, weak: false, photovoltaicFen: 3_000_000 });
    expect(list.items.filter((r: { entered: boolean }) => !r.entered).length).toBe(list.total - 1);
    expect(list.townships).toEqual([
      expect.objectContaining({ code: TOWNSHIP, villages: list.total, entered: 1, weak: 0, totalFen: 5_000_000 }),
    ]);
    expect(list.totalFen).toBe(5_000_000);
    // the indicator 村集体经济收入 (computed source collective.income): the township's villages summed, in 万元
    const cockpit = await send(township, 'GET', `/api/indicators/cockpit?org=${TOWNSHIP}&period=${YEAR}-12`);
    const indicator = cockpit.indicators.find((i: { code: string }) => i.code === 'COLLECTIVE_INCOME');
    expect(indicator).toMatchObject({ period: String(YEAR), value: 5, unitZh: '万元' });
    const missing = await send(township, 'GET', `/api/collective-economy?year=${YEAR}&status=missing&page=1`);
    expect(missing.total).toBe(list.total - 1);

    // the per-village total other modules read (index.ts)
    const totals = await collectiveIncomeByVillage(env.services.db, TOWNSHIP.slice(0, 9), YEAR);
    expect(totals.get(VILLAGE)).toBe(5_000_000);
    expect(totals.has(OTHER_VILLAGE)).toBe(false);

    const audit = await send(
      await env.login('county_admin'),
      'GET',
      `/api/audit?entity=collective_income&page=1&pageSize=50`,
    );
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it('refuses outside scope, non-villages, future years and bad amounts field by field', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');
    const body = amounts([1, 1, 1, 1, 1]);
    await send(village, 'PUT', `/api/collective-economy/villages/${OTHER_VILLAGE}/${YEAR}`, body, 404);
    await send(village, 'GET', `/api/collective-economy/villages/${OTHER_VILLAGE}`, undefined, 404);
    const notVillage = await send(township, 'PUT', `/api/collective-economy/villages/${TOWNSHIP}/${YEAR}`, body, 400);
    expect(notVillage.error.fields[0].field).toBe('orgCode');
    const nextYear = new Date().getUTCFullYear() + 2;
    const future = await send(village, 'PUT', `/api/collective-economy/villages/${VILLAGE}/${nextYear}`, body, 400);
    expect(future.error.fields[0].field).toBe('year');
    const negative = await send(
      village,
      'PUT',
      `/api/collective-economy/villages/${VILLAGE}/${YEAR}`,
      { ...body, landFen: -1 },
      400,
    );
    expect(negative.error.fields.map((f: { field: string }) => f.field)).toEqual(['landFen']);
    await send(village, 'GET', `/api/collective-economy?year=${YEAR}&sort=name`, undefined, 400);
    // the village officer sees only the own village
    const own = await send(village, 'GET', `/api/collective-economy?year=${YEAR}&page=1`);
    expect(own.items.map((r: { orgCode: string }) => r.orgCode)).toEqual([VILLAGE]);
  });

  it('shows the asset ledger’s photovoltaic income of the village beside the entry', async () => {
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');
    const asset = await send(township, 'POST', '/api/assets', {
      name: '东庄村村级光伏电站',
      category: 'operating',
      orgCode: VILLAGE,
      originYear: 2019,
      originalValueFen: 100_000_000,
      bookValueFen: 90_000_000,
      ownerLevel: 'village',
      ownerName: '东庄村股份经济合作社',
      custodian: '东庄村民委员会',
      photovoltaic: true,
    });
    const decided = await decidedDeliberation(env, village, VILLAGE, 'assetIncome', `${YEAR}年光伏收益分配方案`);
    await send(village, 'POST', `/api/assets/${asset.id}/incomes`, {
      year: YEAR,
      receivedOn: `${YEAR}-06-30`,
      amountFen: 8_000_000,
      distribution: {
        operation: 1_000_000,
        consolidation: 2_000_000,
        publicWelfare: 1_000_000,
        publicWelfarePosts: 4_000_000,
      },
      deliberationId: decided,
    });
    const list = await send(township, 'GET', `/api/collective-economy?year=${YEAR}&orgCode=${VILLAGE}&page=1`);
    expect(list.items[0].ledger).toEqual({ photovoltaicFen: 8_000_000, assetFen: 0 });
    const history = await send(village, 'GET', `/api/collective-economy/villages/${VILLAGE}`);
    expect(history.ledgerByYear).toEqual([{ year: YEAR, photovoltaicFen: 8_000_000, assetFen: 0 }]);
  });

  it('exports what the list shows (same filters), with township totals', async () => {
    const county = await env.login('county_admin');
    const list = await send(
      county,
      'GET',
      `/api/collective-economy?year=${YEAR}&orgCode=${TOWNSHIP.slice(0, 9)}000&page=1`,
    );
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/collective-economy/export.xlsx?year=${YEAR}&orgCode=${TOWNSHIP}`,
      headers: { cookie: county },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [villages, totals] = book.worksheets;
    expect(villages.rowCount - 2).toBe(list.total);
    expect(totals.getRow(totals.rowCount).getCell(1).value).toBe('合计');
  });

  it('loads the demo once: 龙港镇 villages for two years, some weak, one correction', async () => {
    const { db, collectiveEconomy } = env.services;
    await db.execute('DELETE FROM collective_income');
    await loadCollectiveEconomyDemo({ db, collectiveEconomy });
    await loadCollectiveEconomyDemo({ db, collectiveEconomy });
    const township = await env.login('township_staff');
    const lastYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1;
    const list = await send(township, 'GET', `/api/collective-economy?year=${lastYear}&page=1&pageSize=200`);
    expect(list.items.every((r: { entered: boolean }) => r.entered)).toBe(true);
    expect(list.townships[0].weak).toBeGreaterThan(0);
    const history = await send(township, 'GET', `/api/collective-economy/villages/${list.items[0].orgCode}`);
    expect(history.entries.filter((e: { year: number }) => e.year === lastYear)).toHaveLength(2);
  });
});
