import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdDetail } from '#common/contracts/registry.ts';
import { addMonths, firstDayOf } from '#common/domain/period.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

// 易地扶贫搬迁后续扶持 through HTTP: sites, relocated households, the check "有劳动能力的搬迁家庭每户至少一人稳定就业"
// over the employment ledger (6 of the last 12 months by default), the list of those short of it and its export,
// the household section, field errors, scope and audit.

const env = useTestApp();
let staff: string;
let village: string;
let a: HouseholdDetail;
let b: HouseholdDetail;
let other: HouseholdDetail;
let siteId: number;

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });
const month = todayInChina().slice(0, 7);
const monthsAgo = (n: number) => firstDayOf(addMonths(month, -n));
const alleviated = (villageCode: string) =>
  householdRequest({
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    monitoringType: 'unstable',
    identificationPeriod: '2025-03',
    riskTypes: ['unstableEmployment'],
    villageCode,
  });
const job = (personId: number, startOn: string) =>
  call(staff, 'POST', '/api/employment/jobs', {
    personId,
    placeKind: 'county',
    place: '沁水县城',
    employer: '某建筑公司',
    startOn,
    monthlyIncomeFen: 300_000,
  });
// The test's own site (the demo data has another).
const listed = async (cookie: string, query = '') =>
  (await call(cookie, 'GET', `/api/relocation/households?page=1&pageSize=200&siteId=${siteId}${query}`)).json();

beforeAll(async () => {
  staff = await env.login('county_staff');
  village = await env.login('village_officer');
  a = await createMonitoredHousehold(env, alleviated('140521100201'));
  b = await createMonitoredHousehold(env, alleviated('140521100201'));
  other = await createMonitoredHousehold(env, alleviated('140521101201'));
});

describe('sites', () => {
  it('refuses bad input field by field, then registers a site (audited)', async () => {
    const bad = await call(staff, 'POST', '/api/relocation/sites', {
      orgCode: '140521100201',
      name: '东',
      plannedHouseholds: -1,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'plannedHouseholds']));
    const ok = await call(staff, 'POST', '/api/relocation/sites', {
      orgCode: '140521100201',
      name: '东庄移民新村安置点',
      plannedHouseholds: 120,
      plannedPeople: 410,
      completedOn: '2019-10-01',
    });
    expect(ok.statusCode).toBe(200);
    siteId = ok.json().id;
    const again = await call(staff, 'POST', '/api/relocation/sites', {
      orgCode: '140521100201',
      name: '东庄移民新村安置点',
      plannedHouseholds: 1,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].field).toBe('name');
    const admin = await env.login('county_admin');
    const audit = (
      await call(admin, 'GET', `/api/audit?entity=relocation_site&entityId=${siteId}&page=1&pageSize=20`)
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'create', entity: 'relocation_site' });
  });
});

describe('relocated households and the stable-employment check', () => {
  it('registers households into the site; refuses a second registration, a future date, a household out of scope', async () => {
    for (const h of [a, b]) {
      const res = await call(village, 'POST', '/api/relocation/households', {
        householdId: h.id,
        siteId,
        movedOn: '2019-12-01',
      });
      expect(res.statusCode).toBe(200);
    }
    const twice = await call(village, 'POST', '/api/relocation/households', {
      householdId: a.id,
      siteId,
      movedOn: '2019-12-01',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0].field).toBe('householdId');
    const future = await call(staff, 'POST', '/api/relocation/households', {
      householdId: other.id,
      siteId,
      movedOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('movedOn');
    const outside = await call(village, 'POST', '/api/relocation/households', {
      householdId: other.id,
      siteId,
      movedOn: '2019-12-01',
    });
    expect(outside.statusCode).toBe(404);
    const byStaff = await call(staff, 'POST', '/api/relocation/households', {
      householdId: other.id,
      siteId,
      movedOn: '2020-01-01',
    });
    expect(byStaff.statusCode).toBe(200);
  });

  it('a labourer employed 12 months meets the check; 5 months is short, 6 months meets it (employment.stableMonths)', async () => {
    expect((await job(a.members[0].personId, monthsAgo(11))).statusCode).toBe(200);
    expect((await job(b.members[0].personId, monthsAgo(4))).statusCode).toBe(200);
    let list = await listed(staff);
    const status = (id: number) => list.items.find((r: { householdId: number }) => r.householdId === id)?.status;
    expect(status(a.id)).toBe('met');
    expect(status(b.id)).toBe('short');
    expect(status(other.id)).toBe('short');
    expect(list.stableMonths).toBe(6);
    expect(list.stableWindowMonths).toBe(12);
    const shortOnly = await listed(staff, '&short=1');
    expect(shortOnly.items.map((r: { householdId: number }) => r.householdId).sort()).toEqual([b.id, other.id].sort());
    // B's spouse works from six months ago (the month itself included): B now meets the check.
    expect((await job(b.members[1].personId, monthsAgo(5))).statusCode).toBe(200);
    list = await listed(staff);
    expect(status(b.id)).toBe('met');
  });

  it('the cockpit 搬迁户稳定就业达标率 counts the list: labour households and those met, at village and county', async () => {
    for (const [cookie, org] of [
      [village, '140521100201'],
      [staff, '140521000000'],
    ]) {
      const all = (await call(cookie, 'GET', '/api/relocation/households?page=1&pageSize=200')).json();
      const statuses = all.items.map((r: { status: string }) => r.status);
      const cockpit = (await call(cookie, 'GET', `/api/indicators/cockpit?org=${org}&period=${month}`)).json();
      const ind = cockpit.indicators.find((i: { code: string }) => i.code === 'RELOCATED_STABLE_RATE');
      expect(ind).toMatchObject({
        numerator: statuses.filter((s: string) => s === 'met').length,
        denominator: statuses.filter((s: string) => s !== 'noLabour').length,
      });
      expect(ind.numerator).toBeGreaterThanOrEqual(2);
    }
    // the plan's sentence is its target (100 %, 2021–2025)
    const y2025 = (await call(staff, 'GET', '/api/indicators/cockpit?org=140521000000&period=2025-12')).json();
    const t = y2025.indicators.find((i: { code: string }) => i.code === 'RELOCATED_STABLE_RATE').target;
    expect(t).toMatchObject({ op: '>=', value: 100 });
    expect(t.sourceText).toContain('确保有劳动能力的搬迁家庭每户有一人稳定就业');
  });

  it('the village officer sees his village only; the site counts its households and those short', async () => {
    const mine = await listed(village);
    expect(mine.items.map((r: { householdId: number }) => r.householdId).sort()).toEqual([a.id, b.id].sort());
    const sites = (await call(staff, 'GET', '/api/relocation/sites?page=1&pageSize=20')).json();
    const site = sites.items.find((s: { id: number }) => s.id === siteId);
    expect(site).toMatchObject({ households: 3, short: 1, plannedHouseholds: 120 });
  });

  it('exports what the list filters (.xlsx, audited)', async () => {
    const list = await listed(staff, '&short=1');
    const xlsx = await call(staff, 'GET', `/api/relocation/households/export.xlsx?short=1&siteId=${siteId}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount - 2).toBe(list.total);
    expect(String(sheet.getRow(3).getCell(9).value)).toBe('未达到');
  });

  it('the household section shows the site and each member stable or not', async () => {
    const res = await call(village, 'GET', `/api/relocation/by-household/${a.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.relocation).toMatchObject({ siteId, siteName: '东庄移民新村安置点' });
    expect(body.status).toBe('met');
    expect(body.members.find((m: { personId: number }) => m.personId === a.members[0].personId)).toMatchObject({
      labourer: true,
      stable: true,
    });
    expect((await call(village, 'GET', `/api/relocation/by-household/${other.id}`)).statusCode).toBe(404);
  });

  it('bad query values are 400 with a message, not 500', async () => {
    const res = await call(staff, 'GET', '/api/relocation/households?sort=name&short=maybe');
    expect(res.statusCode).toBe(400);
  });
});
