import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { admit, call, decidedDeliberation, noNoticeWait, projectBody } from '../projects/projects.test-support.ts';
import { createHousehold } from '../monitoring/monitoring.test-support.ts';

// Issue 16 point 8: one figure, one source. A township's score on the cockpit is the assessment page's total; a fund
// share on the cockpit carries the funds check's verdict; a value without a target is "未设目标", never "无数据".

const env = useTestApp();
const COUNTY = '140521000000';
const DONGZHUANG = '140521100201'; // 龙港镇
const ZHONGCUN_VILLAGE = '140521101201'; // 中村镇

interface Cell {
  code: string;
  decimals: number;
  value: number | null;
  status: string;
  threshold: number | null;
  target: unknown;
}
async function get(user: string, url: string) {
  const res = await env.app.inject({ method: 'GET', url, headers: { cookie: await env.login(user) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function enter(user: string, org: string, period: string, values: Record<string, number>) {
  const res = await env.app.inject({
    method: 'PUT',
    url: '/api/indicators/form',
    headers: { cookie: await env.login(user) },
    payload: {
      dataSet: 'VILLAGE_LIVING',
      org,
      period,
      values: Object.entries(values).map(([element, value]) => ({ element, value })),
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('a township score: cockpit scorecard = assessment total', () => {
  it('both read the assessment scheme (weights, at risk 60 %, workflow figures)', async () => {
    const month = todayInChina().slice(0, 7);
    const living = {
      RURAL_POP: 1000,
      WATER_CENTRAL_POP: 960,
      TAP_WATER_POP: 930,
      RURAL_HH: 380,
      SANITARY_TOILET_HH: 240, // 63.2 %: at risk against 65 %
      SEWAGE_TREATED_HH: 120,
      NATURAL_VILLAGES: 4,
      GARBAGE_COVERED_NV: 4,
      HAS_4G: 1,
      HAS_5G: 0,
    };
    await enter('village_officer', DONGZHUANG, month, living);
    await enter('county_admin', ZHONGCUN_VILLAGE, month, { ...living, TAP_WATER_POP: 800, HAS_4G: 0 });
    // An identification case of 龙港镇 far over its time limit: a workflow figure only the assessment scheme reads.
    const h = await createHousehold(env);
    await env.services.db
      .execute(sql`INSERT INTO monitoring_case (county_code, village_code, household_id, kind, stage, started_on)
      VALUES (${COUNTY}, ${h.villageCode}, ${h.id}, 'identification', 'verification', ${`${month}-01`}::date - 40)`);

    const cockpit = await get('county_staff', `/api/indicators/cockpit?org=${COUNTY}&period=${month}`);
    const assessment = await get('county_staff', `/api/indicators/assessment?year=${month.slice(0, 4)}`);
    const rows = new Map<string, { total: number; grade: string }>(
      assessment.rows.map((r: { code: string; total: number; grade: string }) => [r.code, r]),
    );
    const scored = cockpit.children.filter((c: { score: number | null }) => c.score !== null);
    expect(scored.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['龙港镇', '中村镇']));
    for (const c of cockpit.children as { code: string; score: number | null; grade: string }[]) {
      const row = rows.get(c.code);
      if (c.score === null) expect(row?.grade ?? '无数据').toBe('无数据');
      else
        expect({ code: c.code, score: c.score, grade: c.grade }).toEqual({
          code: c.code,
          score: row!.total,
          grade: row!.grade,
        });
    }
  });
});

describe('a fund share: the cockpit shows the funds check verdict', () => {
  it('exactly at the 60 % minimum is 临界 (at risk) on both; just below is 未达标 on both', async () => {
    const year = 2034; // a year of its own
    await noNoticeWait(env);
    const county = await env.login('county_staff');
    const village = await env.login('village_officer');
    const al = await call(env, county, 'POST', '/api/funds/allocations', {
      year,
      source: 'central',
      docNo: '晋财农〔2034〕1号',
      receivedOn: '2034-02-01',
      amountFen: 1_000_000,
    });
    const deliberationId = await decidedDeliberation(env, village);
    const p = await call(
      env,
      village,
      'POST',
      '/api/projects',
      projectBody({ deliberationId, year, type: 'industry' }),
    );
    const industry = await admit(env, p.id);
    const assign = (amountFen: number) =>
      call(env, county, 'POST', '/api/funds/assignments', { allocationId: al.id, projectId: industry.id, amountFen });
    const both = async () => {
      const checks = await get('county_staff', `/api/funds/checks?year=${year}`);
      const c = await get('county_staff', `/api/indicators/cockpit?org=${COUNTY}&period=${year}-06`);
      const check = checks.checks.find((x: { key: string }) => x.key === 'industryShare');
      const cell = c.indicators.find((i: Cell) => i.code === 'FUND_INDUSTRY_SHARE') as Cell;
      // The same share printed the same way: the funds page's two decimals.
      expect((cell.value ?? 0).toFixed(cell.decimals)).toBe((check.share * 100).toFixed(2));
      return { check: [check.status, check.threshold * 100], cockpit: [cell.status, cell.threshold] };
    };
    await assign(599_999);
    expect(await both()).toEqual({ check: ['notMet', 60], cockpit: ['notMet', 60] });
    await assign(1);
    expect(await both()).toEqual({ check: ['atRisk', 60], cockpit: ['atRisk', 60] });
  });
});

describe('a value without a target', () => {
  it('is 未设目标 (noTarget), never 无数据; the summary counts it apart', async () => {
    const month = todayInChina().slice(0, 7);
    const c = await get('county_staff', `/api/indicators/cockpit?org=${COUNTY}&period=${month}`);
    const identified = c.indicators.find((i: Cell) => i.code === 'MONITORED_IDENTIFIED') as Cell;
    expect(identified.target).toBeNull();
    expect(identified.value).not.toBeNull();
    expect(identified.status).toBe('noTarget');
    for (const i of c.indicators as Cell[]) {
      if (i.value !== null && i.target === null) expect(i.status).toBe('noTarget');
      if (i.status === 'noData') expect(i.value === null || i.threshold === null).toBe(true);
    }
    const count = (s: string) => (c.indicators as Cell[]).filter((i) => i.status === s).length;
    expect(c.summary).toEqual({
      met: count('met'),
      atRisk: count('atRisk'),
      notMet: count('notMet'),
      noData: count('noData'),
      noTarget: count('noTarget'),
    });
  });
});
