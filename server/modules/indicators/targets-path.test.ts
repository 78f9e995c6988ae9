import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { fundChecks } from '../funds/funds.service.ts';

// 沁发〔2021〕17号: "到2025年…农村户用卫生厕所普及率达到65%以上" is an end state — judged in earlier years on the yearly
// path from the 2020 baseline, never against 65 % from 2021; the fund targets use the funds check's own yearly value.

const env = useTestApp();
const cookies = new Map<string, string>();
async function call(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  return env.app.inject({ method, url, headers: { cookie: cookies.get(user)! }, payload });
}

const COUNTY = '140521000000';
const VILLAGE = '140521101201';
type Cell = {
  code: string;
  value: number | null;
  status: string;
  threshold: number | null;
  target: { textZh: string; path: string; note: string | null; sourceText: string } | null;
};
async function cell(org: string, period: string, code: string): Promise<Cell> {
  const res = await call('county_admin', 'GET', `/api/indicators/cockpit?org=${org}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().indicators.find((i: Cell) => i.code === code);
}

describe('end-state targets follow the yearly path', () => {
  it('the village is judged in 2021, 2023, 2025 and after 2025 against the path from its 2020 value', async () => {
    // 2020: 55 of 100 households have a sanitary toilet; tap water was never entered for 2020.
    const put = await call('county_admin', 'PUT', '/api/indicators/form', {
      dataSet: 'VILLAGE_LIVING',
      org: VILLAGE,
      period: '2020-12',
      values: [
        ['RURAL_POP', 400],
        ['WATER_CENTRAL_POP', 380],
        ['RURAL_HH', 100],
        ['SANITARY_TOILET_HH', 55],
        ['SEWAGE_TREATED_HH', 30],
      ].map(([element, value]) => ({ element, value })),
    });
    expect(put.statusCode, put.body).toBe(200);
    for (const [period, threshold] of [
      ['2021-12', 57],
      ['2023-06', 61],
      ['2025-12', 65],
      ['2027-03', 65],
    ] as const) {
      const c = await cell(VILLAGE, period, 'SANITARY_TOILET_RATE');
      expect(c.threshold, period).toBeCloseTo(threshold, 9);
      expect(c.target?.path).toBe('linear');
    }
    // 污水治理率 提高5个百分点 over 2020 (30 %): 31 in 2021, 33 in 2023, 35 from 2025.
    for (const [period, threshold] of [
      ['2021-12', 31],
      ['2023-06', 33],
      ['2025-12', 35],
      ['2027-03', 35],
    ] as const) {
      expect((await cell(VILLAGE, period, 'SEWAGE_TREATMENT_RATE')).threshold, period).toBeCloseTo(threshold, 9);
    }
    expect((await cell(VILLAGE, '2023-06', 'SANITARY_TOILET_RATE')).target?.textZh).toContain('2023年路径值 61%');
    // No 2020 tap-water value: no path before 2025, so no verdict (never the 2025 value early).
    const tap = await cell(VILLAGE, '2023-06', 'TAP_WATER_RATE');
    expect(tap).toMatchObject({ threshold: null, status: 'noData' });
    expect(tap.target?.textZh).toContain('无基期数据');
    expect(tap.target?.sourceText).toBe('到2025年，农村饮水集中供水率稳定在95%左右，自来水普及率稳定在92%以上。');
    expect((await cell(VILLAGE, '2025-12', 'TAP_WATER_RATE')).threshold).toBe(92);
  });

  it('a value set for one year is that year’s path point', async () => {
    const res = await call('county_admin', 'POST', '/api/indicators/targets', {
      indicator: 'SANITARY_TOILET_RATE',
      scope: { kind: 'unit', code: COUNTY },
      fromYear: 2023,
      toYear: 2023,
      op: '>=',
      value: 60,
      band: 5,
      sourceDoc: '县乡村振兴局年度计划',
      sourceText: '2023年农村户用卫生厕所普及率达到60%',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await cell(VILLAGE, '2023-06', 'SANITARY_TOILET_RATE')).threshold).toBeCloseTo(60, 9);
    expect((await cell(VILLAGE, '2024-06', 'SANITARY_TOILET_RATE')).threshold).toBeCloseTo(62.5, 9);
    expect((await cell(VILLAGE, '2026-06', 'SANITARY_TOILET_RATE')).threshold).toBeCloseTo(65, 9);
  });
});

describe('fund targets: the cockpit and the funds check read one yearly value', () => {
  it.each([
    [2021, 50],
    [2023, 60],
  ])('%i: industry share ≥ %i %, labour share ≥ 15 %', async (year, industry) => {
    const checks = await fundChecks(env.services.db, COUNTY, year);
    const ind = await cell(COUNTY, `${year}-12`, 'FUND_INDUSTRY_SHARE');
    expect(ind.threshold).toBe(checks.checks.find((c) => c.key === 'industryShare')!.threshold * 100);
    expect(ind.threshold).toBeCloseTo(industry, 9);
    const labour = await cell(COUNTY, `${year}-12`, 'FUND_WFR_LABOUR_SHARE');
    expect(labour.threshold).toBe(checks.checks.find((c) => c.key === 'workForReliefLabour')!.threshold * 100);
    expect(labour.threshold).toBeCloseTo(15, 9);
  });
});
