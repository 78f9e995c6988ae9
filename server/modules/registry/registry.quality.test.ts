import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { QUALITY_RULES } from '#common/domain/registry/quality-checks.ts';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

// The quality report runs every declared rule with the county's parameters in force, the monitoring line
// of the income year and the assistance module's facts (measures, the paired cadre as 监测联系人).

const env = useTestApp();
const VILLAGE = '140521100201';

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await env.app.inject({ method, url, headers: { cookie }, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** Findings per rule for the test village. */
async function villageByRule(cookie: string): Promise<Record<string, number>> {
  const rows = (await call(cookie, 'GET', '/api/registry/quality')) as {
    orgCode: string;
    byRule: Record<string, number>;
  }[];
  return rows.find((r) => r.orgCode === VILLAGE)?.byRule ?? Object.fromEntries(QUALITY_RULES.map((r) => [r.code, 0]));
}

// A monitored household comes from the national import (the API refuses a monitoring status on create).
async function monitored(_cookie: string, overrides: Record<string, unknown> = {}) {
  return createMonitoredHousehold(
    env,
    householdRequest({
      kind: 'alleviated',
      alleviatedAttribute: 'general',
      monitoringType: 'unstable',
      identificationPeriod: '2025-03',
      riskTypes: ['illness'],
      ...overrides,
    }),
  );
}

const delta = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(
    Object.keys(after)
      .filter((k) => after[k] !== before[k])
      .map((k) => [k, after[k] - before[k]]),
  );

describe('data-quality report', () => {
  it('lists every declared rule for every village, with zero where nothing fires', async () => {
    const staff = await env.login('county_staff');
    await call(staff, 'POST', '/api/registry/households', householdRequest());
    await call(
      staff,
      'POST',
      '/api/registry/households',
      householdRequest({ villageCode: '140521104201', householdNo: '1405211042010001' }),
    );
    const rows = (await call(staff, 'GET', '/api/registry/quality')) as { byRule: Record<string, number> }[];
    expect(rows.length).toBe(2);
    for (const row of rows) expect(Object.keys(row.byRule).sort()).toEqual(QUALITY_RULES.map((r) => r.code).sort());
    expect(QUALITY_RULES.map((r) => r.nationalRef)).toEqual(
      expect.arrayContaining(['5_12_007', '4_11_010', '1_11_005', '1_11_011']),
    );
  });

  it('runs the assistance rules with the measures from the assistance module and the months in force', async () => {
    const staff = await env.login('county_staff');
    const before = await villageByRule(staff);
    const h = await monitored(staff);
    const detail = await call(staff, 'GET', `/api/registry/households/${h.id}`);
    expect(detail.quality.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['NO_MEASURE_AFTER_IDENTIFICATION', 'NO_DEVELOPMENT_MEASURE']),
    );
    const opened = await villageByRule(staff);
    expect(delta(opened, before)).toMatchObject({ NO_MEASURE_AFTER_IDENTIFICATION: 1, NO_DEVELOPMENT_MEASURE: 1 });

    // A health measure answers the one-month rule; only a 开发式 (industry) one answers 5_12_007.
    await call(staff, 'POST', '/api/assistance/measures', {
      householdId: h.id,
      riskType: 'illness',
      category: 'health',
      department: '县医保局',
      startOn: '2025-04-01',
      amountFen: 0,
      status: 'ongoing',
    });
    expect(delta(await villageByRule(staff), opened)).toEqual({ NO_MEASURE_AFTER_IDENTIFICATION: -1 });
    await call(staff, 'POST', '/api/assistance/measures', {
      householdId: h.id,
      riskType: 'illness',
      category: 'industry',
      department: '县农业农村局',
      startOn: '2025-05-01',
      amountFen: 0,
      status: 'ongoing',
    });
    expect(delta(await villageByRule(staff), opened)).toEqual({
      NO_MEASURE_AFTER_IDENTIFICATION: -1,
      NO_DEVELOPMENT_MEASURE: -1,
    });

    // The county gives households 100 months for a first measure: a new one is no longer late.
    const admin = await env.login('county_admin');
    const unanswered = await villageByRule(staff);
    await monitored(staff);
    expect(delta(await villageByRule(staff), unanswered).NO_MEASURE_AFTER_IDENTIFICATION).toBe(1);
    await call(admin, 'POST', '/api/params', {
      key: 'assistance.firstMeasureMonths',
      value: 100,
      effectiveFrom: '2021-01-01',
    });
    expect((await villageByRule(staff)).NO_MEASURE_AFTER_IDENTIFICATION).toBe(0);
  });

  it('compares the type with the income line of the income year in force for the county (4_11_010, type vs income)', async () => {
    const staff = await env.login('county_staff');
    const before = await villageByRule(staff);
    // 4.5 million fen net over three people = 15,000 yuan each, above the 6,000 line: not 脱贫不稳定户 material.
    const h = await monitored(staff);
    await queryRows(
      env.services.db,
      sql`UPDATE household SET elimination_period = '2025-12', elimination_mode = 'assistedElimination' WHERE id = ${h.id}`,
    );
    const unstable = await monitored(staff);
    const mid = await villageByRule(staff);
    expect(delta(mid, before).MONITORING_TYPE_INCOME_MISMATCH).toBe(1);
    expect(delta(mid, before).ELIMINATED_BELOW_LINE ?? 0).toBe(0);
    expect(unstable.id).toBeGreaterThan(h.id);

    // The county's 2025 line rises to 20,000 yuan: both are now within the range.
    const admin = await env.login('county_admin');
    await call(admin, 'POST', '/api/params', {
      key: 'monitoring.incomeLineFen',
      value: 2_000_000,
      year: 2025,
      effectiveFrom: '2025-01-01',
    });
    const after = await villageByRule(staff);
    expect(delta(after, mid)).toMatchObject({ ELIMINATED_BELOW_LINE: 1 });
    expect(after.MONITORING_TYPE_INCOME_MISMATCH).toBeLessThan(mid.MONITORING_TYPE_INCOME_MISMATCH);
  });

  it('asks an eliminated household for a 监测联系人 with a phone (1_11_011) and school for its children (1_11_005)', async () => {
    const staff = await env.login('county_staff');
    const before = await villageByRule(staff);
    const h = await monitored(staff, { schoolDropout: true });
    await queryRows(
      env.services.db,
      sql`UPDATE household SET elimination_period = '2025-12', elimination_mode = 'assistedElimination' WHERE id = ${h.id}`,
    );
    const eliminated = await villageByRule(staff);
    expect(delta(eliminated, before)).toMatchObject({ ELIMINATED_WITHOUT_CONTACT: 1, ELIMINATED_SCHOOL_DROPOUT: 1 });

    const cadre = (
      await queryRows<{ id: number }>(env.services.db, sql`SELECT id FROM app_user WHERE username = 'cadre'`)
    )[0].id;
    await call(staff, 'POST', '/api/assistance/pairings', {
      householdId: h.id,
      cadreUserId: cadre,
      unit: '县乡村振兴局',
      phone: '13912340000',
      startOn: '2026-01-01',
    });
    expect(delta(await villageByRule(staff), eliminated)).toEqual({ ELIMINATED_WITHOUT_CONTACT: -1 });
  });
});

describe('data-quality lists as paged lists (issue 16 point 5)', () => {
  const get = async (url: string) => env.app.inject({ url, headers: { cookie: await env.login('county_staff') } });
  async function sheetRows(url: string): Promise<string[]> {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const out: string[] = [];
    book.worksheets[0].eachRow((row, n) => {
      if (n > 2) out.push(String(row.getCell(1).value));
    });
    return out;
  }

  it('pages the per-village rows with a total and a sort, refuses an unknown sort, exports what is filtered', async () => {
    const all = (await (await get('/api/registry/quality')).json()) as { orgCode: string; households: number }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = (await get('/api/registry/quality?page=1&pageSize=1&sort=households&order=desc')).json();
    expect(first).toMatchObject({ total: all.length, page: 1, pageSize: 1 });
    expect(first.items[0].households).toBe(Math.max(...all.map((r) => r.households)));
    const bad = await get('/api/registry/quality?page=1&sort=byRule');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('querystring.sort');
    // One township's villages: the page's total and the export's rows agree, and nothing outside it.
    const township = '140521104000';
    const inTownship = (await get(`/api/registry/quality?orgCode=${township}&page=1`)).json();
    expect(inTownship.total).toBe(all.filter((r) => r.orgCode.startsWith('140521104')).length);
    const exported = await sheetRows(`/api/registry/quality/export.xlsx?orgCode=${township}`);
    expect(exported).toHaveLength(inTownship.total);
    expect(exported.every((code) => code.startsWith('140521104'))).toBe(true);
  });

  it('lists and exports the households behind one rule', async () => {
    const rows = (await (await get('/api/registry/quality')).json()) as { byRule: Record<string, number> }[];
    const counts = new Map<string, number>();
    for (const r of rows)
      for (const [k, n] of Object.entries(r.byRule)) if (n > 0) counts.set(k, (counts.get(k) ?? 0) + 1);
    const rule = [...counts.keys()][0];
    expect(rule).toBeDefined();
    const page = (await get(`/api/registry/quality/households?rule=${rule}&page=1&pageSize=200`)).json();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items[0]).toMatchObject({ householdNo: expect.any(String), findings: expect.any(Number) });
    const findings = rows.reduce((n, r) => n + (r.byRule[rule] ?? 0), 0);
    expect(page.items.reduce((n: number, r: { findings: number }) => n + r.findings, 0)).toBe(findings);
    const exported = await sheetRows(`/api/registry/quality/households/export.xlsx?rule=${rule}`);
    expect(exported.sort()).toEqual(page.items.map((r: { householdNo: string }) => r.householdNo).sort());
    expect((await get('/api/registry/quality/households?rule=NOPE&page=1')).statusCode).toBe(400);
    expect((await get(`/api/registry/quality/households?rule=${rule}&sort=name`)).statusCode).toBe(400);
  });
});
