import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { diffWarnings } from '#common/domain/monitoring/diff.ts';
import { previewRule } from './monitoring.engine.ts';
import { ruleContext } from './monitoring.run.ts';
import { startMonthlySchedule } from './monitoring.schedule.ts';
import { RULES } from './rules/index.ts';
import {
  addFeeds,
  createHousehold,
  loginCookie,
  monitoringOf,
  wages,
  withMonitoringRoutes,
  type TestHousehold,
} from './monitoring.test-support.ts';

// The monthly run on a small county: counts, idempotence, handled warnings, the diff against the
// previous month, parameters as of the period, the schedule, and incremental re-evaluation.

const env = useTestApp({ extend: (app) => withMonitoringRoutes(env)(app) });
const system = systemContext('test');
const COUNTY = '140521000000';

let poor: TestHousehold; // 一般农户 below the line
let sick: TestHousehold; // 脱贫户 with 6,000 yuan inpatient costs in 2025-06
let fine: TestHousehold; // nothing to report
let wet: TestHousehold; // another township: unsafe water

async function run(period: string) {
  const { wait } = await monitoringOf(env).runMonth(system, period, { countyCode: COUNTY, batchSize: 2 });
  return wait;
}

async function warningsOf(period: string) {
  return queryRows<{ id: number; householdId: number; ruleCode: string; status: string; runId: number }>(
    env.services.db,
    sql`SELECT id::int AS id, household_id::int AS "householdId", rule_code AS "ruleCode", status, run_id::int AS "runId" FROM warning WHERE period = ${period} ORDER BY id`,
  );
}

beforeAll(async () => {
  poor = await createHousehold(env, { income: wages(2024, 1_500_000) });
  sick = await createHousehold(env, {
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    income: wages(2024, 6_000_000),
  });
  fine = await createHousehold(env, { income: wages(2024, 6_000_000) });
  wet = await createHousehold(env, { villageCode: '140521101201', waterSafe: false, income: wages(2024, 6_000_000) });
  await addFeeds(env, [
    {
      personId: sick.personIds[0],
      source: 'medical',
      item: 'inpatientOutOfPocket',
      on: '2025-06-05',
      amountFen: 600_000,
    },
  ]);
});

describe('monthly run', () => {
  it('writes the warnings of the period with counts, duration and the parameters used', async () => {
    const may = await run('2025-05');
    expect(may.counts).toEqual({ INCOME_BELOW_LINE: 1, WATER_UNSAFE: 1 });
    const june = await run('2025-06');
    expect(june).toMatchObject({
      householdsEvaluated: 4,
      warningCount: 3,
      counts: { INCOME_BELOW_LINE: 1, WATER_UNSAFE: 1, MEDICAL_BURDEN: 1 },
    });
    const [row] = await queryRows<{
      status: string;
      duration_ms: number;
      params: Record<string, { value: unknown }>;
      counts: Record<string, number>;
    }>(env.services.db, sql`SELECT status, duration_ms, params, counts FROM monitor_run WHERE id = ${june.runId}`);
    expect(row).toMatchObject({ status: 'succeeded', counts: june.counts });
    expect(row.duration_ms).toBeGreaterThanOrEqual(0);
    expect(row.params['monitoring.incomeLineFen']).toMatchObject({ value: 600_000 });
    expect(june.diff).toEqual([
      { ruleCode: 'INCOME_BELOW_LINE', new: 0, persisting: 1, resolved: 0 },
      { ruleCode: 'MEDICAL_BURDEN', new: 1, persisting: 0, resolved: 0 },
      { ruleCode: 'WATER_UNSAFE', new: 0, persisting: 1, resolved: 0 },
    ]);
    const pure = diffWarnings(await warningsOf('2025-05'), await warningsOf('2025-06'));
    expect(june.diff).toEqual(pure);
  });

  it('each rule’s own select() flags exactly what the composed run counted', async () => {
    const ctx = await ruleContext(env.services.db, COUNTY, '2025-06');
    const scope = { countyCode: COUNTY, scopePrefix: '140521', restriction: { kind: 'all' } } as const;
    const counts: Record<string, number> = {};
    for (const rule of RULES) counts[rule.code] = await previewRule(env.services.db, ctx, scope, rule);
    expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))).toEqual({
      INCOME_BELOW_LINE: 1,
      WATER_UNSAFE: 1,
      MEDICAL_BURDEN: 1,
    });
  });

  it('is idempotent: the same counts, the same warning rows', async () => {
    const before = await warningsOf('2025-06');
    const again = await run('2025-06');
    expect(again.counts).toEqual({ INCOME_BELOW_LINE: 1, WATER_UNSAFE: 1, MEDICAL_BURDEN: 1 });
    expect(again.written).toBe(0);
    expect(await warningsOf('2025-06')).toEqual(before);
  });

  it('replaces unhandled warnings but keeps handled ones', async () => {
    const db = env.services.db;
    await db.execute(sql`UPDATE warning SET status = 'handled' WHERE period = '2025-06' AND household_id = ${sick.id}`);
    // Both facts go away: the income is corrected and the water is fixed.
    await db.execute(sql`UPDATE household_income SET wage_income = 6000000 WHERE household_id = ${poor.id}`);
    await db.execute(
      sql`UPDATE feed_record SET amount_fen = 100 WHERE id_hash = (SELECT id_hash FROM person WHERE id = ${sick.personIds[0]})`,
    );
    const rerun = await run('2025-06');
    expect(rerun.counts).toEqual({ WATER_UNSAFE: 1 });
    expect(rerun.removed).toBe(1);
    const rows = await warningsOf('2025-06');
    expect(rows.map((r) => [r.householdId, r.ruleCode, r.status])).toEqual([
      [sick.id, 'MEDICAL_BURDEN', 'handled'],
      [wet.id, 'WATER_UNSAFE', 'new'],
    ]);
  });

  it('refuses a second run of a period while one is running', async () => {
    const first = await monitoringOf(env).runMonth(system, '2025-04', { countyCode: COUNTY });
    await expect(monitoringOf(env).runMonth(system, '2025-04', { countyCode: COUNTY })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await first.wait;
  });
});

describe('parameters as of the period', () => {
  it('re-running an old month uses that month’s line after a new year’s line is set', async () => {
    const middling = await createHousehold(env, { income: wages(2024, 1_950_000) }); // 6,500 yuan per capita
    const cookie = await loginCookie(env, 'county_admin');
    const set = await env.app.inject({
      method: 'POST',
      url: '/api/params',
      headers: { cookie },
      payload: { key: 'monitoring.incomeLineFen', value: 700_000, year: 2025, effectiveFrom: '2025-01-01' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const fired = async (period: string) =>
      (await warningsOf(period)).some((w) => w.householdId === middling.id && w.ruleCode === 'INCOME_BELOW_LINE');
    const old = await run('2024-12');
    expect(old.counts.INCOME_BELOW_LINE ?? 0).toBe(0);
    expect(await fired('2024-12')).toBe(false);
    await run('2025-03');
    expect(await fired('2025-03')).toBe(true);
    const [{ params }] = await queryRows<{ params: Record<string, { value: number; fallbackFromYear?: number }> }>(
      env.services.db,
      sql`SELECT params FROM monitor_run WHERE id = ${old.runId}`,
    );
    expect(params['monitoring.incomeLineFen']).toMatchObject({ value: 600_000, fallbackFromYear: 2021 });
  });
});

describe('monthly schedule', () => {
  it('runs the previous month once on the 1st, guarded by the run table', async () => {
    const clock = () => new Date('2025-09-01T01:00:00+08:00');
    const schedule = startMonthlySchedule({ db: env.services.db, monitoring: monitoringOf(env) }, clock, {
      timers: false,
    });
    const first = await schedule.tick();
    expect(first.map((r) => r.period)).toEqual(['2025-08']);
    expect(await schedule.tick()).toEqual([]);
    schedule.stop();
  });
});

describe('incremental re-evaluation', () => {
  it('re-evaluates just the households of a feed batch for the period and hands the run to the clue hook', async () => {
    const hook = vi.fn(async () => {});
    monitoringOf(env).setOnWarningsWritten(hook);
    const batchId = await addFeeds(env, [
      {
        personId: fine.personIds[1],
        source: 'emergency',
        item: 'disaster',
        on: '2025-06-20',
        amountFen: 300_000,
        attrs: { disasterType: 'flood' },
      },
    ]);
    const result = await monitoringOf(env).reevaluate(
      system,
      { feedBatchId: batchId },
      { period: '2025-06', countyCode: COUNTY },
    );
    expect(result).toMatchObject({ kind: 'incremental', householdsEvaluated: 1, counts: { DISASTER: 1 }, written: 1 });
    expect(hook).toHaveBeenCalledWith(env.services.db, result.runId);
    const rows = await warningsOf('2025-06');
    expect(rows.find((r) => r.householdId === fine.id)).toMatchObject({
      ruleCode: 'DISASTER',
      status: 'new',
      runId: result.runId,
    });
    // The other households' warnings of the period are untouched.
    expect(
      rows
        .filter((r) => r.householdId !== fine.id)
        .map((r) => r.ruleCode)
        .sort(),
    ).toEqual(['MEDICAL_BURDEN', 'WATER_UNSAFE']);
  });

  it('is the feeds service’s batch hook: the batch’s county, the current period, nothing for an empty batch', async () => {
    const batchId = await addFeeds(env, [
      { personId: poor.personIds[0], source: 'water', item: 'unsafeWater', on: todayInChina() },
    ]);
    expect(await monitoringOf(env).afterFeedBatch(batchId, [])).toBeNull();
    const result = await monitoringOf(env).afterFeedBatch(batchId, ['x'.repeat(64)]);
    expect(result).toMatchObject({
      countyCode: COUNTY,
      period: monitoringOf(env).currentPeriod(),
      householdsEvaluated: 1,
      counts: { WATER_UNSAFE: 1 },
    });
  });

  it('by person ID hash and by household id give the same answer', async () => {
    const [{ hash }] = await queryRows<{ hash: string }>(
      env.services.db,
      sql`SELECT id_hash AS hash FROM person WHERE id = ${fine.personIds[1]}`,
    );
    const byHash = await monitoringOf(env).reevaluate(
      system,
      { personIdHashes: [hash] },
      { period: '2025-06', countyCode: COUNTY },
    );
    const byId = await monitoringOf(env).reevaluate(
      system,
      { householdIds: [fine.id] },
      { period: '2025-06', countyCode: COUNTY },
    );
    expect(byHash.counts).toEqual({ DISASTER: 1 });
    expect(byId.counts).toEqual({ DISASTER: 1 });
    expect(byId.written).toBe(0);
    monitoringOf(env).setOnWarningsWritten(async () => {});
  });
});
