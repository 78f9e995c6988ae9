import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { admit, call, decidedDeliberation, noNoticeWait, projectBody } from '../projects/projects.test-support.ts';
import { fundChecks } from './funds.service.ts';

const env = useTestApp();
const YEAR = 2031; // a year of its own: nothing else in the template allocates to it

async function admittedProject(overrides: Record<string, unknown>) {
  await noNoticeWait(env);
  const village = await env.login('village_officer');
  const deliberationId = await decidedDeliberation(env, village);
  const p = await call(
    env,
    village,
    'POST',
    '/api/projects',
    projectBody({ deliberationId, year: YEAR, ...overrides }),
  );
  return admit(env, p.id);
}

describe('allocations, assignments, disbursements', () => {
  it('only the county allocates; an assignment cannot exceed the allocation; payments cannot overdraw', async () => {
    const county = await env.login('county_staff');
    await call(
      env,
      await env.login('township_staff'),
      'POST',
      '/api/funds/allocations',
      { year: YEAR, source: 'central', docNo: '晋财农〔2031〕1号', receivedOn: '2031-02-01', amountFen: 100_000 },
      403,
    );
    const al = await call(env, county, 'POST', '/api/funds/allocations', {
      year: YEAR,
      source: 'central',
      docNo: '晋财农〔2031〕1号',
      receivedOn: '2031-02-01',
      amountFen: 100_000,
    });
    const p = await admittedProject({ name: '资金测试项目' });
    const over = await call(
      env,
      county,
      'POST',
      '/api/funds/assignments',
      { allocationId: al.id, projectId: p.id, amountFen: 100_001 },
      400,
    );
    expect(over.error.fields[0].field).toBe('amountFen');
    const as = await call(env, county, 'POST', '/api/funds/assignments', {
      allocationId: al.id,
      projectId: p.id,
      amountFen: 60_000,
    });
    expect(as).toMatchObject({ amountFen: 60_000, disbursedFen: 0, balanceFen: 60_000 });
    await call(
      env,
      county,
      'POST',
      '/api/funds/disbursements',
      { assignmentId: as.id, amountFen: 60_001, paidOn: '2031-03-01', voucherNo: 'PZ-001' },
      400,
    );
    const d = await call(env, county, 'POST', '/api/funds/disbursements', {
      assignmentId: as.id,
      amountFen: 20_000,
      paidOn: '2031-03-01',
      voucherNo: 'PZ-001',
      payee: '施工单位',
    });
    expect(d).toMatchObject({ amountFen: 20_000, voucherNo: 'PZ-001' });
    const [allocation] = (await call(env, county, 'GET', `/api/funds/allocations?year=${YEAR}`)).filter(
      (a: { id: number }) => a.id === al.id,
    );
    expect(allocation).toMatchObject({ assignedFen: 60_000, balanceFen: 40_000 });
  });

  it('concurrent disbursements never overdraw: of ten payments of 30 from a balance of 100, three succeed', async () => {
    const county = await env.login('county_staff');
    const al = await call(env, county, 'POST', '/api/funds/allocations', {
      year: YEAR,
      source: 'county',
      docNo: '沁财〔2031〕9号',
      receivedOn: '2031-02-01',
      amountFen: 1_000,
    });
    const p = await admittedProject({ name: '并发支付测试' });
    const as = await call(env, county, 'POST', '/api/funds/assignments', {
      allocationId: al.id,
      projectId: p.id,
      amountFen: 100,
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        env.app.inject({
          method: 'POST',
          url: '/api/funds/disbursements',
          headers: { cookie: county },
          payload: { assignmentId: as.id, amountFen: 30, paidOn: '2031-03-02', voucherNo: `PZ-C${i}` },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 400)).toHaveLength(7);
    const [row] = await queryRows<{ disbursed: string; paid: string }>(
      env.services.db,
      sql`SELECT a.disbursed_fen::text AS disbursed, (SELECT sum(amount_fen) FROM fund_disbursement d WHERE d.assignment_id = a.id)::text AS paid FROM fund_assignment a WHERE a.id = ${as.id}`,
    );
    expect(row).toEqual({ disbursed: '90', paid: '90' });
  });

  it('concurrent assignments never exceed the allocation', async () => {
    const county = await env.login('county_staff');
    const al = await call(env, county, 'POST', '/api/funds/allocations', {
      year: YEAR,
      source: 'city',
      docNo: '晋市财〔2031〕3号',
      receivedOn: '2031-02-01',
      amountFen: 100,
    });
    const p = await admittedProject({ name: '并发安排测试' });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        env.app.inject({
          method: 'POST',
          url: '/api/funds/assignments',
          headers: { cookie: county },
          payload: { allocationId: al.id, projectId: p.id, amountFen: 40 },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(2);
  });

  it('the database refuses a negative balance even without the service', async () => {
    await expect(
      env.services.db.execute(sql`UPDATE fund_allocation SET assigned_fen = amount_fen + 1 WHERE year = ${YEAR}`),
    ).rejects.toThrow();
  });
});

describe('fund checks', () => {
  it('industry share, labour share and the management fee, live from the ledger', async () => {
    const county = await env.login('county_staff');
    const year = 2032;
    const al = await call(env, county, 'POST', '/api/funds/allocations', {
      year,
      source: 'central',
      docNo: '晋财农〔2032〕1号',
      receivedOn: '2032-02-01',
      amountFen: 1_000_000,
    });
    const industry = await admittedProject({ name: '产业项目', year, type: 'industry' });
    const road = await admittedProject({
      name: '以工代赈道路',
      year,
      type: 'ruralConstruction',
      subType: '农村基础设施',
      workForRelief: true,
      labourRemunerationFen: 29_999,
    });
    await call(env, county, 'POST', '/api/funds/assignments', {
      allocationId: al.id,
      projectId: industry.id,
      amountFen: 599_999,
    });
    await call(env, county, 'POST', '/api/funds/assignments', {
      allocationId: al.id,
      projectId: road.id,
      amountFen: 200_000,
    });
    let res = await call(env, county, 'GET', `/api/funds/checks?year=${year}`);
    // 2032 uses the 2023 value (60 %): 59.9999 % is not met; 14.9995 % labour is not met.
    expect(res.checks.map((c: { key: string; status: string }) => [c.key, c.status])).toEqual([
      ['industryShare', 'notMet'],
      ['workForReliefLabour', 'notMet'],
      ['managementFee', 'met'],
    ]);
    await call(env, county, 'POST', '/api/funds/assignments', {
      allocationId: al.id,
      projectId: industry.id,
      amountFen: 1,
    });
    res = await fundChecks(env.services.db, '140521000000', year);
    expect(res.checks[0]).toMatchObject({ status: 'atRisk', partFen: 600_000, wholeFen: 1_000_000, share: 0.6 });
    expect(res.allocatedFen).toBe(1_000_000);
    // 劳务报酬发放: only labour remuneration paid counts (the planned 29 999 does not); 30 000 of 200 000 is 15 %.
    expect(res.checks[1]).toMatchObject({ status: 'notMet', partFen: 0 });
    const roadAssignment = (await call(env, county, 'GET', `/api/funds/assignments?projectId=${road.id}`))[0];
    await call(env, county, 'POST', '/api/funds/disbursements', {
      assignmentId: roadAssignment.id,
      amountFen: 50_000,
      paidOn: '2032-04-01',
      voucherNo: 'PZ-M1',
      payee: '材料供应商',
    });
    await call(env, county, 'POST', '/api/funds/disbursements', {
      assignmentId: roadAssignment.id,
      amountFen: 29_999,
      paidOn: '2032-04-02',
      voucherNo: 'PZ-L1',
      payee: '务工群众',
      labour: true,
    });
    res = await fundChecks(env.services.db, '140521000000', year);
    expect(res.checks[1]).toMatchObject({ status: 'notMet', partFen: 29_999, wholeFen: 200_000 });
    await call(env, county, 'POST', '/api/funds/disbursements', {
      assignmentId: roadAssignment.id,
      amountFen: 1,
      paidOn: '2032-04-03',
      voucherNo: 'PZ-L2',
      payee: '务工群众',
      labour: true,
    });
    res = await fundChecks(env.services.db, '140521000000', year);
    expect(res.checks[1]).toMatchObject({ status: 'atRisk', partFen: 30_000 });
    expect(res.checks[1].detailZh).toContain('计划 299.99 元');
    // The village officer has no fund permission; the auditor reads.
    await call(env, await env.login('village_officer'), 'GET', `/api/funds/checks?year=${year}`, undefined, 403);
    await call(env, await env.login('auditor'), 'GET', `/api/funds/checks?year=${year}`);
  });

  it('the industry share may not fall below the share of the base year (沁发〔2021〕17号 三(五): 且不得低于2020年…占比)', async () => {
    const county = await env.login('county_staff');
    // From 2034 the county compares with 2033 instead of 2020, so this test has years of its own.
    await call(env, await env.login('county_admin'), 'POST', '/api/params', {
      key: 'funds.industryShareNotBelowYear',
      value: 2033,
      effectiveFrom: '2034-01-01',
    });
    for (const [year, industryFen] of [
      [2033, 700_000],
      [2034, 650_000],
    ]) {
      const al = await call(env, county, 'POST', '/api/funds/allocations', {
        year,
        source: 'central',
        docNo: `晋财农〔${year}〕1号`,
        receivedOn: `${year}-02-01`,
        amountFen: 1_000_000,
      });
      const p = await admittedProject({ name: `产业项目${year}`, year, type: 'industry' });
      await call(env, county, 'POST', '/api/funds/assignments', {
        allocationId: al.id,
        projectId: p.id,
        amountFen: industryFen,
      });
    }
    const res = await fundChecks(env.services.db, '140521000000', 2034);
    expect(res.checks[0]).toMatchObject({ status: 'notMet', threshold: 0.7, share: 0.65 });
    expect(res.checks[0].detailZh).toContain('2033年占比 70.00%');
  });
});
