import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assessIncomeLine } from '#common/domain/monitoring/income-line.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { checkHouseholdElimination } from './cases.outcome.ts';
import { incomeRecords } from './cases.elimination.repository.ts';
import { householdFacts } from './cases.repository.ts';

// The §1.8 elimination check on real rows: the income criterion uses the one line definition
// (common/domain/monitoring/income-line.ts — the figure and line in force for the month checked, the
// same the monthly run uses), income must have stayed above the line for workflow.incomeStableMonths,
// and only measures in place (实施中/已完成, started) count as 落实.

const env = useTestApp();

const wages = (year: number, wageIncome: number) => ({
  year,
  wageIncome,
  businessIncome: 0,
  propertyIncome: 0,
  transferIncome: 0,
  businessCost: 0,
  insurancePayout: 0,
  eligibleOutOfPocket: 0,
});

async function monitored(cookie: string, income: ReturnType<typeof wages>, more: ReturnType<typeof wages>[] = []) {
  const body = householdRequest({
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    monitoringType: 'unstable',
    identificationPeriod: '2025-01',
    riskTypes: ['illness'],
    income,
  });
  const id = (await createMonitoredHousehold(env, body)).id;
  for (const i of more) {
    const r = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${id}/income`,
      headers: { cookie },
      payload: { ...i, reason: '补录收入' },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const m = await env.app.inject({
    method: 'POST',
    url: '/api/assistance/measures',
    headers: { cookie },
    payload: {
      householdId: id,
      riskType: 'illness',
      category: 'health',
      subType: 'medicalPremiumSubsidy',
      department: '县医保局',
      startOn: '2025-02-01',
      amountFen: 38_000,
      status: 'ongoing',
    },
  });
  expect(m.statusCode, m.body).toBe(200);
  return { id, measureId: m.json().id as number };
}

async function check(id: number, today: string) {
  const h = (await householdFacts(env.services.db, '', id))!;
  const r = await checkHouseholdElimination(env.services.db, h, 'assistedElimination', true, today);
  return { ...r, crit: (code: string) => r.criteria.find((c) => c.code === code)! };
}

async function setParam(
  cookie: string,
  key: string,
  value: number | string,
  year: number | null,
  effectiveFrom: string,
) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/params',
    headers: { cookie },
    payload: { key, value, ...(year === null ? {} : { year }), effectiveFrom },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('elimination reads the line as the monitoring run does (one definition)', () => {
  it("the line in force for the month checked, not the income year's: a raised line makes a household in range again", async () => {
    const admin = await env.login('county_admin');
    // 2025 income 19,500 ÷ 3 = 6,500 per capita: above 2025's 6,000.
    const h = await monitored(admin, wages(2025, 1_950_000));
    const before = await check(h.id, '2026-03-15');
    expect(before.crit('incomeAboveLine').ok).toBe(true);
    await setParam(admin, 'monitoring.incomeLineFen', 700_000, 2026, '2026-01-01');
    const after = await check(h.id, '2026-03-15');
    const records = await incomeRecords(env.services.db, h.id);
    // What the run says about the same household in the same month: within the range.
    expect(assessIncomeLine(records, '2026-03', 'net', 700_000)?.within).toBe(true);
    expect(after.crit('incomeAboveLine').ok).toBe(false);
    expect(after.crit('incomeAboveLine').detailZh).toContain('2026-03 监测标准 7000.00 元');
    expect(after.income).toMatchObject({ incomeYear: 2025, perCapitaFen: 650_000, lineFen: 700_000, within: true });
  });

  it('the figure in force (monitoring.incomeFigure = adjusted) decides elimination too', async () => {
    const admin = await env.login('county_admin');
    const h = await monitored(admin, { ...wages(2025, 2_400_000), eligibleOutOfPocket: 900_000 });
    expect((await check(h.id, '2025-12-15')).crit('incomeAboveLine').ok).toBe(true);
    await setParam(admin, 'monitoring.incomeFigure', 'adjusted', null, '2025-01-01');
    const r = await check(h.id, '2025-12-15');
    expect(r.income).toMatchObject({ figure: 'adjusted', perCapitaFen: 500_000, within: true });
    expect(r.crit('incomeAboveLine').ok).toBe(false);
  });
});

describe('收入持续稳定: above the line in every month of the last six (§1.8)', () => {
  it('a household above the line only since January is not yet stable in March, and is in June', async () => {
    const admin = await env.login('county_admin');
    // 2025: 15,000 ÷ 3 = 5,000 (below 6,000); 2026: 24,000 ÷ 3 = 8,000 (above).
    const h = await monitored(admin, wages(2025, 1_500_000), [wages(2026, 2_400_000)]);
    const march = await check(h.id, '2026-03-20');
    expect(march.income).toMatchObject({ incomeYear: 2026, within: false });
    expect(march.crit('incomeAboveLine').ok).toBe(false);
    expect(march.crit('incomeAboveLine').detailZh).toContain('2025-10、2025-11、2025-12');
    expect((await check(h.id, '2026-06-01')).crit('incomeAboveLine').ok).toBe(true);
  });
});

describe('a measure counts as 落实 only when in place (实施中/已完成, started)', () => {
  it.each([
    ['ongoing', '2025-02-01', true],
    ['completed', '2025-02-01', true],
    ['stopped', '2025-02-01', false],
    ['planned', '2025-02-01', false],
    ['ongoing', '2026-07-01', false],
  ] as const)('%s from %s → %s', async (status, startOn, ok) => {
    const admin = await env.login('county_admin');
    const h = await monitored(admin, wages(2025, 2_400_000));
    await env.services.db.execute(
      sql`UPDATE assistance_measure SET status = ${status}, start_on = ${startOn}::date WHERE id = ${h.measureId}`,
    );
    expect((await check(h.id, '2026-03-15')).crit('assistanceMeasure').ok).toBe(ok);
  });
});
