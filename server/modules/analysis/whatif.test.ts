import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRow, ScenarioCompare, ScenarioDetail } from '#common/contracts/analysis.ts';
import { addMonths } from '#common/domain/period.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { createHousehold, loginCookie, wages } from '../monitoring/monitoring.test-support.ts';
import { resolveAll } from '../params/index.ts';

// Policy what-if (issue 19 §1): a month re-run in the sandbox under a moved income line. Households at
// line ± 100 yuan enter or leave; nothing reaches monitor_run, warning or clue.

const env = useTestApp();
const COUNTY = '140521000000';
const period = addMonths(todayInChina().slice(0, 7), -1);
const year = Number(period.slice(0, 4));

let lineFen = 0;
const ids: Record<'between' | 'below' | 'above' | 'otherVillage', number> = {
  between: 0,
  below: 0,
  above: 0,
  otherVillage: 0,
};

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return env.app.inject({ method, url, headers: { cookie: await loginCookie(env, user) }, payload });
}
async function ok<T>(user: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await call(user, method, url, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}
/** Per capita = line + delta yuan for a three-person household (wages only). */
const incomeAt = (deltaYuan: number) => wages(year, (lineFen + deltaYuan * 100) * 3);

async function counts() {
  const [row] = await queryRows<{ runs: number; warnings: number; clues: number }>(
    env.services.db,
    sql`SELECT (SELECT count(*)::int FROM monitor_run) AS runs, (SELECT count(*)::int FROM warning) AS warnings, (SELECT count(*)::int FROM clue) AS clues`,
  );
  return row;
}

async function runScenario(name: string, params: Record<string, number | string>): Promise<ScenarioDetail> {
  const { id, jobId } = await ok<{ id: number; jobId: number }>('county_staff', 'POST', '/api/analysis/scenarios', {
    name,
    period,
    params,
  });
  // The job ends; its status is the scenario's.
  for (let i = 0; i < 200; i++) {
    const job = await ok<{ status: string }>('county_staff', 'GET', `/api/jobs/${jobId}`);
    if (job.status !== 'running') break;
    await new Promise((r) => setImmediate(r));
  }
  return ok<ScenarioDetail>('county_staff', 'GET', `/api/analysis/scenarios/${id}`);
}

beforeAll(async () => {
  lineFen = (await resolveAll(env.services.db, COUNTY, period))['monitoring.incomeLineFen'].value as number;
  ids.between = (await createHousehold(env, { income: incomeAt(100) })).id;
  ids.below = (await createHousehold(env, { income: incomeAt(-100) })).id;
  ids.above = (await createHousehold(env, { income: incomeAt(5000) })).id;
  ids.otherVillage = (
    await createHousehold(env, {
      villageCode: '140521100202',
      householdNo: '140521100202900001',
      income: incomeAt(100),
    })
  ).id;
});

describe('what-if scenarios', () => {
  let raised: ScenarioDetail;
  let lowered: ScenarioDetail;

  it('raising the line by 200 yuan: the two households just above it enter, nothing is written to the real run', async () => {
    const before = await counts();
    raised = await runScenario('监测线提高200元', { 'monitoring.incomeLineFen': lineFen + 20_000 });
    expect(raised.status).toBe('succeeded');
    expect(raised.baseline['monitoring.incomeLineFen']).toBe(lineFen);
    expect(raised.totals.entering).toBe(2);
    expect(raised.totals.leaving).toBe(0);
    expect(raised.totals.proposed - raised.totals.base).toBe(2);
    expect(raised.affectedRules).toEqual(['INCOME_BELOW_LINE']);
    const income = raised.byCategory.find((c) => c.code === 'INCOME_BELOW_LINE')!;
    expect(income).toMatchObject({ entering: 2, leaving: 0, name: '人均纯收入低于监测范围' });
    expect(raised.byVillage.find((v) => v.code === '140521100202')?.entering).toBe(1);
    expect(raised.byKind.find((k) => k.code === 'ordinary')?.entering).toBe(2);
    expect(raised.workload.toVisit).toBe(2);
    expect(raised.workload.reliefFund.computed).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('lowering the line by 200 yuan: the household just below leaves', async () => {
    lowered = await runScenario('监测线降低200元', { 'monitoring.incomeLineFen': lineFen - 20_000 });
    expect(lowered.totals).toMatchObject({ entering: 0, leaving: 1 });
    const page = await ok<{ items: ChangeRow[]; total: number }>(
      'county_staff',
      'GET',
      `/api/analysis/scenarios/${lowered.id}/changes?change=leaving`,
    );
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ householdId: ids.below, change: 'leaving', proposedRules: [] });
  });

  it('lists who enters, filtered by village, category and kind, with a total', async () => {
    const all = await ok<{ items: ChangeRow[]; total: number }>(
      'county_staff',
      'GET',
      `/api/analysis/scenarios/${raised.id}/changes?change=entering&category=INCOME_BELOW_LINE&kind=ordinary`,
    );
    expect(all.items.map((r) => r.householdId).sort()).toEqual([ids.between, ids.otherVillage].sort());
    const one = await ok<{ items: ChangeRow[]; total: number }>(
      'county_staff',
      'GET',
      `/api/analysis/scenarios/${raised.id}/changes?orgCode=140521100202`,
    );
    expect(one.total).toBe(1);
    expect(one.items[0].villageCode).toBe('140521100202');
  });

  it("explains one household under both settings (the engine's explain path, writing nothing)", async () => {
    const ex = await ok<{
      base: { fired: { ruleCode: string }[] };
      proposed: { fired: { ruleCode: string; evidence: Record<string, unknown> }[] };
    }>('county_staff', 'GET', `/api/analysis/scenarios/${raised.id}/households/${ids.between}`);
    expect(ex.base.fired.map((f) => f.ruleCode)).not.toContain('INCOME_BELOW_LINE');
    const fired = ex.proposed.fired.find((f) => f.ruleCode === 'INCOME_BELOW_LINE')!;
    expect(fired.evidence.lineFen).toBe(lineFen + 20_000);
  });

  it('a village officer sees only his village’s rows; he cannot run a scenario', async () => {
    const own = await ok<ScenarioDetail>('village_officer', 'GET', `/api/analysis/scenarios/${raised.id}`);
    expect(own.totals.entering).toBe(1);
    expect(own.byVillage.map((v) => v.code)).toEqual(['140521100201']);
    const res = await call(
      'village_officer',
      'GET',
      `/api/analysis/scenarios/${raised.id}/households/${ids.otherVillage}`,
    );
    expect(res.statusCode).toBe(404);
    const post = await call('village_officer', 'POST', '/api/analysis/scenarios', {
      name: 'x',
      period,
      params: { 'monitoring.incomeLineFen': 1 },
    });
    expect(post.statusCode).toBe(403);
  });

  it('refuses bad parameters field by field (400, Chinese and English)', async () => {
    const res = await call('county_staff', 'POST', '/api/analysis/scenarios', {
      name: '错',
      period,
      params: { 'monitoring.lookbackMonths': 0, 'no.such': 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('params.monitoring.lookbackMonths');
    expect(res.body).toContain('params.no.such');
  });

  it('compares two scenarios of the same month', async () => {
    const c = await ok<ScenarioCompare>(
      'county_staff',
      'GET',
      `/api/analysis/scenarios/compare?a=${raised.id}&b=${lowered.id}`,
    );
    expect(c.onlyA).toBe(3);
    expect(c.onlyB).toBe(0);
  });

  it('exports the differences as .xlsx, audited', async () => {
    const res = await call('county_staff', 'GET', `/api/analysis/scenarios/${raised.id}/changes.xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe('户编号');
    expect(sheet.rowCount).toBe(2 + 2);
    const audit = await queryRows<{ action: string }>(
      env.services.db,
      sql`SELECT action FROM audit_log WHERE entity = 'analysis_scenario' AND entity_id = ${String(raised.id)} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'export']);
  });

  it('a scenario whose job died with its process reads failed', async () => {
    const [job] = await queryRows<{ id: number }>(
      env.services.db,
      sql`INSERT INTO job (kind, status, org_code, error, finished_at) VALUES ('analysis.whatif', 'failed', ${COUNTY},
        '{"code":"INTERRUPTED","messageZh":"服务重启，任务中断","messageEn":"interrupted by restart"}'::jsonb, now()) RETURNING id::int AS id`,
    );
    const [s] = await queryRows<{ id: number }>(
      env.services.db,
      sql`INSERT INTO analysis_scenario (county_code, org_code, name, author, period, params, status, job_id)
        VALUES (${COUNTY}, ${COUNTY}, '中断', '测试', ${period}, '{}'::jsonb, 'running', ${job.id}) RETURNING id::int AS id`,
    );
    const page = await ok<{ items: { id: number; status: string }[]; total: number }>(
      'county_staff',
      'GET',
      '/api/analysis/scenarios',
    );
    expect(page.items.find((r) => r.id === s.id)?.status).toBe('failed');
    expect(page.total).toBeGreaterThanOrEqual(3);
  });
});
