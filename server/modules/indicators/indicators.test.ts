import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold, givesMonitoringStatus } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

const env = useTestApp();
const cookies = new Map<string, string>();
async function call(user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  return env.app.inject({ method, url, headers: { cookie: cookies.get(user)! }, payload });
}

const MONTH = todayInChina().slice(0, 7);
const COUNTY = '140521000000';
const LONGGANG = '140521100000';
const DONGZHUANG = '140521100201';
const ZHONGCUN_VILLAGE = '140521101201';
const FANCUNHE = '140521200000';
const FANCUNHE_VILLAGE = '140521200201';

const living = (values: Record<string, number | null>) =>
  Object.entries(values).map(([element, value]) => ({ element, value }));
const FULL = {
  RURAL_POP: 1000,
  WATER_CENTRAL_POP: 960,
  TAP_WATER_POP: 930,
  RURAL_HH: 380,
  SANITARY_TOILET_HH: 260,
  SEWAGE_TREATED_HH: 120,
  NATURAL_VILLAGES: 4,
  GARBAGE_COVERED_NV: 4,
  HAS_4G: 1,
  HAS_5G: 0,
};

async function enter(user: string, org: string, period: string, values: Record<string, number | null>) {
  return call(user, 'PUT', '/api/indicators/form', { dataSet: 'VILLAGE_LIVING', org, period, values: living(values) });
}
async function cockpit(user: string, org: string, period: string, extra = '') {
  const res = await call(user, 'GET', `/api/indicators/cockpit?org=${org}&period=${period}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ind = (c: { indicators: { code: string }[] }, code: string) =>
  c.indicators.find((i) => i.code === code) as unknown as {
    value: number | null;
    status: string;
    numerator: number;
    denominator: number;
    target: { value: number; scopeLabel: string } | null;
  };

describe('indicators: entry → roll-up → target status', () => {
  it('a village value shows at once in the county indicator as a ratio of sums, with its target status', async () => {
    const before = await cockpit('county_staff', COUNTY, MONTH);
    expect(ind(before, 'TAP_WATER_RATE').status).toBe('noData');
    expect(ind(before, 'TAP_WATER_RATE').target?.value).toBe(92);

    const r1 = await enter('village_officer', DONGZHUANG, MONTH, {
      ...FULL,
      TAP_WATER_POP: 100,
      RURAL_POP: 1000,
      WATER_CENTRAL_POP: 960,
    });
    expect(r1.statusCode, r1.body).toBe(200);
    // A small village of another township with a high rate.
    const r2 = await enter('county_admin', ZHONGCUN_VILLAGE, MONTH, {
      ...FULL,
      RURAL_POP: 100,
      WATER_CENTRAL_POP: 95,
      TAP_WATER_POP: 99,
    });
    expect(r2.statusCode, r2.body).toBe(200);

    const after = await cockpit('county_staff', COUNTY, MONTH);
    const tap = ind(after, 'TAP_WATER_RATE');
    expect(tap).toMatchObject({ numerator: 199, denominator: 1100 });
    expect(tap.value).toBeCloseTo((199 / 1100) * 100, 6); // not (10 % + 99 %) / 2
    expect(tap.status).toBe('notMet');
    // Townships in the scorecard: 龙港镇 at 10 %, 中村镇 at 99 %.
    const lg = after.children.find((c: { code: string }) => c.code === LONGGANG);
    expect(lg.cells.TAP_WATER_RATE.value).toBeCloseTo(10, 6);
    expect(after.children.find((c: { code: string }) => c.code === '140521101000').cells.TAP_WATER_RATE.status).toBe(
      'met',
    );

    // Correcting the village value moves the county status.
    expect((await enter('village_officer', DONGZHUANG, MONTH, { TAP_WATER_POP: 940 })).statusCode).toBe(200);
    const fixed = ind(await cockpit('county_staff', COUNTY, MONTH), 'TAP_WATER_RATE');
    expect(fixed.value).toBeCloseTo((1039 / 1100) * 100, 6);
    expect(fixed.status).toBe('met');

    // Share of villages with 4G (kept in the roll-up by delta): both villages, then one loses it.
    expect(ind(await cockpit('county_staff', COUNTY, MONTH), 'VILLAGE_4G_SHARE')).toMatchObject({
      numerator: 2,
      denominator: 2,
      value: 100,
      status: 'met',
    });
    expect((await enter('county_admin', ZHONGCUN_VILLAGE, MONTH, { HAS_4G: 0 })).statusCode).toBe(200);
    const share = await cockpit('county_staff', COUNTY, MONTH);
    expect(ind(share, 'VILLAGE_4G_SHARE')).toMatchObject({ numerator: 1, denominator: 2, value: 50, status: 'notMet' });
    expect(
      share.children.find((c: { code: string }) => c.code === '140521101000').cells.VILLAGE_4G_SHARE,
    ).toMatchObject({ value: 0, denominator: 1 });
    expect(ind(await cockpit('county_staff', DONGZHUANG, MONTH), 'VILLAGE_4G_SHARE')).toMatchObject({
      value: 100,
      denominator: 1,
    });
  });

  it('keeps an audit trail per cell and refuses bad values with field errors', async () => {
    const trail = (
      await call(
        'village_officer',
        'GET',
        `/api/indicators/values/audit?element=TAP_WATER_POP&org=${DONGZHUANG}&period=${MONTH}`,
      )
    ).json();
    expect(trail.map((t: { oldValue: number | null; newValue: number }) => [t.oldValue, t.newValue])).toEqual([
      [100, 940],
      [null, 100],
    ]);
    const bad = await enter('village_officer', DONGZHUANG, MONTH, { RURAL_HH: 1.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].messageZh).toContain('非负整数');
    const flag = await enter('village_officer', DONGZHUANG, MONTH, { HAS_4G: 2 });
    expect(flag.statusCode).toBe(400);
  });

  it('runs validation rules on save and blocks submission on a high-importance violation', async () => {
    const res = await enter('village_officer', DONGZHUANG, MONTH, { WATER_CENTRAL_POP: 1200 });
    expect(res.statusCode).toBe(200);
    expect(res.json().violations.map((v: { rule: string }) => v.rule)).toContain('WATER_LE_POP');
    const submit = await call('village_officer', 'POST', '/api/indicators/approvals/submit', {
      dataSet: 'VILLAGE_LIVING',
      org: DONGZHUANG,
      period: MONTH,
    });
    expect(submit.statusCode).toBe(400);
    expect(submit.body).toContain('集中供水受益人口不能超过常住人口');
    expect((await enter('village_officer', DONGZHUANG, MONTH, { WATER_CENTRAL_POP: 960 })).json().violations).toEqual(
      [],
    );
  });

  it('scopes entry: other villages are not found, auditors read only, computed elements cannot be typed in', async () => {
    expect((await enter('village_officer', ZHONGCUN_VILLAGE, MONTH, { RURAL_POP: 1 })).statusCode).toBe(404);
    expect((await enter('auditor', DONGZHUANG, MONTH, { RURAL_POP: 1 })).statusCode).toBe(403);
    expect((await call('auditor', 'GET', `/api/indicators/cockpit?org=${COUNTY}&period=${MONTH}`)).statusCode).toBe(
      200,
    );
    expect((await call('cadre', 'GET', `/api/indicators/cockpit?org=${COUNTY}&period=${MONTH}`)).statusCode).toBe(403);
    expect(
      (await call('township_staff', 'GET', `/api/indicators/cockpit?org=140521101000&period=${MONTH}`)).statusCode,
    ).toBe(404);
    const future = await enter('village_officer', DONGZHUANG, '2099-01', { RURAL_POP: 1 });
    expect(future.statusCode).toBe(409);
  });
});

describe('approval (村填报 → 乡镇审核 → 县审定) locks values', () => {
  const key = { dataSet: 'VILLAGE_LIVING', org: DONGZHUANG, period: MONTH };
  it('submit, township approval locks, return unlocks, county approval after the township', async () => {
    expect((await call('village_officer', 'POST', '/api/indicators/approvals/approve', key)).statusCode).toBe(403);
    expect((await call('county_staff', 'POST', '/api/indicators/approvals/approve', key)).statusCode).toBe(409); // not submitted
    const s = await call('village_officer', 'POST', '/api/indicators/approvals/submit', key);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().status).toBe('submitted');
    expect((await call('county_staff', 'POST', '/api/indicators/approvals/approve', key)).statusCode).toBe(409); // township first
    const a = await call('township_staff', 'POST', '/api/indicators/approvals/approve', key);
    expect(a.json()).toMatchObject({ status: 'approvedTownship', locked: true });
    const locked = await enter('village_officer', DONGZHUANG, MONTH, { RURAL_POP: 999 });
    expect(locked.statusCode).toBe(409);
    expect(locked.body).toContain('锁定');
    // Imports cannot bypass the lock either.
    const imp = await call('county_admin', 'POST', '/api/indicators/import', {
      format: 'json',
      dryRun: false,
      content: JSON.stringify([{ dataElement: 'RURAL_POP', orgUnit: DONGZHUANG, period: MONTH, value: 5 }]),
    });
    expect(imp.json().errors?.[0]?.messageZh ?? imp.body).toContain('锁定');

    const list = (
      await call('township_staff', 'GET', `/api/indicators/approvals?dataSet=VILLAGE_LIVING&period=${MONTH}`)
    ).json();
    expect(list.find((r: { orgCode: string }) => r.orgCode === DONGZHUANG)).toMatchObject({
      status: 'approvedTownship',
      values: 10,
    });
    expect(list.every((r: { orgCode: string }) => r.orgCode.startsWith('140521100'))).toBe(true);

    expect(
      (
        await call('township_staff', 'POST', '/api/indicators/approvals/return', { ...key, note: '请核实常住人口' })
      ).json().status,
    ).toBe('open');
    expect((await enter('village_officer', DONGZHUANG, MONTH, { RURAL_POP: 1000 })).statusCode).toBe(200);
    await call('village_officer', 'POST', '/api/indicators/approvals/submit', key);
    await call('township_staff', 'POST', '/api/indicators/approvals/approve', key);
    const c = await call('county_staff', 'POST', '/api/indicators/approvals/approve', key);
    expect(c.json()).toMatchObject({ status: 'approvedCounty', locked: true });
    expect(c.json().history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'approve',
      'return',
      'submit',
      'approve',
      'approve',
    ]);
    expect((await call('township_staff', 'POST', '/api/indicators/approvals/return', key)).statusCode).toBe(409);
  });
});

describe('effective-dated hierarchy: 樊村河乡 (closed 2021-02) keeps its history', () => {
  it('rolls up a merged township’s 2020 values into the county and, on current boundaries, into 龙港镇', async () => {
    expect(
      (await enter('county_admin', FANCUNHE_VILLAGE, '2020-12', { RURAL_POP: 500, TAP_WATER_POP: 400 })).statusCode,
    ).toBe(200);
    expect(
      (await enter('county_admin', DONGZHUANG, '2020-12', { RURAL_POP: 300, TAP_WATER_POP: 300 })).statusCode,
    ).toBe(200);
    // After the merge the old village no longer exists.
    const closed = await enter('county_admin', FANCUNHE_VILLAGE, '2021-06', { RURAL_POP: 1 });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.fields[0].messageZh).toContain('不存在');

    const county = await cockpit('county_admin', COUNTY, '2020-12');
    expect(ind(county, 'TAP_WATER_RATE')).toMatchObject({ numerator: 700, denominator: 800 });
    expect(county.children.map((c: { name: string }) => c.name)).toContain('樊村河乡');
    expect(county.children.find((c: { code: string }) => c.code === FANCUNHE).cells.TAP_WATER_RATE.value).toBeCloseTo(
      80,
      6,
    );
    // As of the period 龙港镇 had only its own villages; on today's boundaries it carries 樊村河乡's history.
    expect(ind(await cockpit('county_admin', LONGGANG, '2020-12'), 'TAP_WATER_RATE')).toMatchObject({
      numerator: 300,
      denominator: 300,
    });
    expect(
      ind(await cockpit('county_admin', LONGGANG, '2020-12', '&boundaries=current'), 'TAP_WATER_RATE'),
    ).toMatchObject({ numerator: 700, denominator: 800 });
    const in2022 = await cockpit('county_admin', COUNTY, '2022-06');
    expect(in2022.children.map((c: { name: string }) => c.name)).not.toContain('樊村河乡');
  });

  it('the maintained roll-up equals a rebuild from the values', async () => {
    const before = await env.services.db.execute(
      sql`SELECT ancestor_code, element, period, sum, count FROM indicator_rollup WHERE count > 0 ORDER BY 1, 2, 3`,
    );
    const { rebuildRollup } = await import('./indicators.repository.ts');
    await rebuildRollup(env.services.db, COUNTY);
    const after = await env.services.db.execute(
      sql`SELECT ancestor_code, element, period, sum, count FROM indicator_rollup WHERE count > 0 ORDER BY 1, 2, 3`,
    );
    expect((after as unknown as { rows: unknown[] }).rows).toEqual((before as unknown as { rows: unknown[] }).rows);
  });
});

describe('targets: inheritance and overrides', () => {
  it('a township override applies to it and its villages; other townships keep the county target', async () => {
    const res = await call('county_admin', 'POST', '/api/indicators/targets', {
      indicator: 'TAP_WATER_RATE',
      scope: { kind: 'unit', code: LONGGANG },
      fromYear: 2021,
      toYear: 2025,
      op: '>=',
      value: 99.5,
      band: 0.2,
      sourceDoc: '龙港镇工作方案',
      sourceText: '龙港镇自来水普及率达到99.5%',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = await cockpit('county_admin', COUNTY, MONTH);
    const lg = c.children.find((x: { code: string }) => x.code === LONGGANG).cells.TAP_WATER_RATE;
    expect(lg.threshold).toBe(99.5);
    expect(lg.status).toBe('notMet'); // 94 % is fine for the county's 92 %, not for 龙港镇's own 99.5 %
    expect(c.children.find((x: { code: string }) => x.code === '140521101000').cells.TAP_WATER_RATE.threshold).toBe(92);
    expect(ind(await cockpit('county_admin', DONGZHUANG, MONTH), 'TAP_WATER_RATE').target?.scopeLabel).toBe('龙港镇');
    expect(
      (
        await call('township_staff', 'POST', '/api/indicators/targets', {
          indicator: 'TAP_WATER_RATE',
          scope: { kind: 'unit', code: LONGGANG },
          fromYear: 2026,
          toYear: 2026,
          op: '>=',
          value: 1,
          band: 0,
          sourceDoc: 'x',
          sourceText: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const dup = await call('county_admin', 'POST', '/api/indicators/targets', {
      indicator: 'TAP_WATER_RATE',
      scope: { kind: 'unit', code: LONGGANG },
      fromYear: 2021,
      toYear: 2025,
      op: '>=',
      value: 1,
      band: 0,
      sourceDoc: 'x',
      sourceText: 'x',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('lists every seeded target with its source sentence', async () => {
    const list = (await call('auditor', 'GET', '/api/indicators/targets')).json();
    expect(list.find((t: { indicator: string }) => t.indicator === 'CONSOLIDATION_RATE')).toMatchObject({
      op: '>=',
      value: 98,
      scopeLabel: '沁水县',
      sourceDoc: '沁发〔2021〕17号',
    });
    expect(list.find((t: { indicator: string }) => t.indicator === 'VILLAGE_5G_SHARE').scopeLabel).toBe('重点行政村');
  });
});

describe('definitions: expressions validated on save', () => {
  const base = {
    code: 'TEST_RATE',
    nameZh: '测试',
    nameEn: 'Test',
    mode: 'ratio',
    denominator: '#{RURAL_POP}',
    factor: 100,
    unitZh: '%',
    decimals: 1,
    periodType: 'monthly',
  };
  it.each([
    ['#{TAP_WATER_POP} +', 'numerator', '不完整'],
    ['#{NO_SUCH}', 'numerator', '不存在'],
    ['I{NO_SUCH}', 'numerator', '不存在'],
  ])('refuses %s', async (numerator, field, message) => {
    const res = await call('county_admin', 'PUT', '/api/indicators/definitions/TEST_RATE', { ...base, numerator });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field });
    expect(res.json().error.fields[0].messageZh).toContain(message);
  });
  it('accepts a reference to another indicator and refuses a cycle', async () => {
    expect(
      (
        await call('county_admin', 'PUT', '/api/indicators/definitions/TEST_A', {
          ...base,
          code: 'TEST_A',
          numerator: 'I{TAP_WATER_RATE}',
          denominator: null,
          factor: 1,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call('county_admin', 'PUT', '/api/indicators/definitions/TEST_B', {
          ...base,
          code: 'TEST_B',
          numerator: 'I{TEST_A} + 1',
          denominator: null,
          factor: 1,
        })
      ).statusCode,
    ).toBe(200);
    const cyc = await call('county_admin', 'PUT', '/api/indicators/definitions/TEST_A', {
      ...base,
      code: 'TEST_A',
      numerator: 'I{TEST_B}',
      denominator: null,
      factor: 1,
    });
    expect(cyc.statusCode).toBe(400);
    expect(cyc.json().error.fields[0].messageZh).toContain('TEST_A → TEST_B → TEST_A');
    expect(
      (
        await call('county_staff', 'PUT', '/api/indicators/definitions/TEST_A', {
          ...base,
          code: 'TEST_A',
          numerator: '1',
          denominator: null,
          factor: 1,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('import with dry run', () => {
  it('reports what would change without writing, then writes', async () => {
    const csv = `dataElement,orgUnit,period,value\nRURAL_POP,140521100202,${MONTH},800\nTAP_WATER_POP,140521100202,${MONTH},700\n`;
    const dry = (
      await call('township_staff', 'POST', '/api/indicators/import', { format: 'csv', content: csv, dryRun: true })
    ).json();
    expect(dry).toMatchObject({ dryRun: true, total: 2, created: 2, errors: [] });
    const [{ n }] = (
      (await env.services.db.execute(
        sql`SELECT count(*)::int AS n FROM indicator_value WHERE org_code = '140521100202'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(n).toBe(0);
    const real = (
      await call('township_staff', 'POST', '/api/indicators/import', { format: 'csv', content: csv, dryRun: false })
    ).json();
    expect(real).toMatchObject({ dryRun: false, created: 2 });
    const bad = (
      await call('township_staff', 'POST', '/api/indicators/import', {
        format: 'json',
        dryRun: false,
        content: JSON.stringify({
          dataValues: [
            { dataElement: 'RURAL_POP', orgUnit: ZHONGCUN_VILLAGE, period: MONTH, value: 1 },
            { dataElement: 'REG_ALLEVIATED_POP', orgUnit: '140521100202', period: MONTH, value: 1 },
          ],
        }),
      })
    ).json();
    expect(bad.errors.map((e: { row: number }) => e.row)).toEqual([1, 2]);
    expect(bad.dryRun).toBe(true);
  });
});

describe('computed indicators from the registry (no double entry)', () => {
  it('consolidation rate and identified households follow registry writes at once', async () => {
    const mk = async (o: object) => {
      if (givesMonitoringStatus(o)) return void (await createMonitoredHousehold(env, householdRequest(o)));
      const res = await call('county_staff', 'POST', '/api/registry/households', householdRequest(o));
      expect(res.statusCode, res.body).toBe(200);
    };
    await mk({ kind: 'alleviated', alleviatedAttribute: 'general' });
    const c1 = ind(await cockpit('county_staff', COUNTY, MONTH), 'CONSOLIDATION_RATE');
    expect(c1).toMatchObject({ numerator: 3, denominator: 3, value: 100, status: 'met' });
    await mk({
      kind: 'alleviated',
      alleviatedAttribute: 'general',
      monitoringType: 'unstable',
      identificationPeriod: MONTH,
      riskTypes: ['illness'],
    });
    const c2 = await cockpit('county_staff', COUNTY, MONTH);
    expect(ind(c2, 'CONSOLIDATION_RATE')).toMatchObject({ numerator: 3, denominator: 6, status: 'notMet' });
    expect(ind(c2, 'MONITORED_IDENTIFIED').value).toBe(1);
  });
});

describe('exports and assessment', () => {
  it('exports the cockpit as .xlsx with the attainment table', async () => {
    const res = await call('auditor', 'GET', `/api/indicators/cockpit.xlsx?org=${COUNTY}&period=${MONTH}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标达标', '下级评分', '趋势']);
    expect(JSON.stringify(wb.getWorksheet('指标达标')!.getSheetValues())).toContain('农村自来水普及率');
  });

  it('scores townships with the configured scheme and ranks them', async () => {
    const year = Number(MONTH.slice(0, 4));
    const r = (await call('county_staff', 'GET', `/api/indicators/assessment?year=${year}`)).json();
    expect(r.rows.length).toBeGreaterThan(10);
    const zc = r.rows.find((x: { code: string }) => x.code === '140521101000');
    expect(zc.points.tap).toBe(10);
    expect(r.rows[0].rank).toBe(1);
    const set = await call('county_admin', 'PUT', '/api/indicators/assessment/scheme', {
      year,
      items: [{ key: 'tap', kind: 'indicator', ref: 'TAP_WATER_RATE', weight: 100, labelZh: '自来水' }],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().rows.find((x: { code: string }) => x.code === '140521101000')).toMatchObject({
      total: 100,
      grade: '好',
      rank: 1,
    });
    expect(
      (
        await call('county_admin', 'PUT', '/api/indicators/assessment/scheme', {
          year,
          items: [{ key: 'x', kind: 'workflow', ref: 'nope', weight: 1, labelZh: 'x' }],
        })
      ).statusCode,
    ).toBe(400);
    const xlsx = await call('county_staff', 'GET', `/api/indicators/assessment.xlsx?year=${year}`);
    expect(xlsx.statusCode).toBe(200);
  });
});
