import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { systemContext } from '#server/lib/context.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { ABANDONED, holdLease, supersedeStaleRuns } from './monitoring.lease.ts';
import { startMonthlySchedule } from './monitoring.schedule.ts';
import {
  addFeeds,
  createHousehold,
  loginCookie,
  monitoringOf,
  wages,
  withMonitoringRoutes,
  type TestHousehold,
} from './monitoring.test-support.ts';

// Issue 13.2: a monthly run killed mid-way (kill -9) leaves a "running" row with part of its
// warnings. The row's lease expires; the next start marks it failed and runs the month again, which
// gives exactly the warnings of an uninterrupted run. A live run (lease renewed, or active in this
// process) still answers 409.

const env = useTestApp({ extend: (app) => withMonitoringRoutes(env)(app) });
const system = systemContext('test');
const COUNTY = '140521000000';
const PERIOD = '2025-06';

let poor: TestHousehold;
let fine: TestHousehold;

type Snapshot = { householdId: number; ruleCode: string; evidence: unknown }[];

async function snapshot(period = PERIOD): Promise<Snapshot> {
  return queryRows(
    env.services.db,
    sql`SELECT household_id::int AS "householdId", rule_code AS "ruleCode", evidence FROM warning WHERE period = ${period} ORDER BY household_id, rule_code`,
  );
}

async function runningRows(): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    env.services.db,
    sql`SELECT count(*)::int AS n FROM monitor_run WHERE status = 'running'`,
  );
  return n;
}

/** What kill -9 leaves behind: a running row whose lease is long expired and some of its warnings, one of them wrong. */
async function leaveCrashedRun(period: string, clean: Snapshot, leaseAgo = '1 hour'): Promise<number> {
  const db = env.services.db;
  await db.execute(sql`DELETE FROM warning WHERE period = ${period}`);
  const [{ id }] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO monitor_run (county_code, period, kind, status, started_at, heartbeat_at, triggered_by)
      VALUES (${COUNTY}, ${period}, 'monthly', 'running', now() - ${leaseAgo}::interval, now() - ${leaseAgo}::interval, 'killed') RETURNING id::int AS id`,
  );
  const first = clean[0];
  await db.execute(sql`INSERT INTO warning (county_code, period, run_id, household_id, village_code, rule_code, evidence)
    VALUES (${COUNTY}, ${period}, ${id}, ${first.householdId}, ${poor.villageCode}, ${first.ruleCode}, ${JSON.stringify(first.evidence)}::jsonb),
           (${COUNTY}, ${period}, ${id}, ${fine.id}, ${fine.villageCode}, 'WATER_UNSAFE', '{"partial":true}'::jsonb)`);
  return id;
}

async function post(period: string) {
  return env.app.inject({
    method: 'POST',
    url: '/api/monitoring/runs',
    headers: { cookie: await loginCookie(env, 'county_admin') },
    payload: { period },
  });
}

beforeAll(async () => {
  poor = await createHousehold(env, { income: wages(2024, 1_500_000) });
  const sick = await createHousehold(env, {
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    income: wages(2024, 6_000_000),
  });
  fine = await createHousehold(env, { income: wages(2024, 6_000_000) });
  await createHousehold(env, { villageCode: '140521101201', waterSafe: false, income: wages(2024, 6_000_000) });
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

describe('a run interrupted by a dead process', () => {
  let clean: Snapshot;

  beforeAll(async () => {
    await (
      await monitoringOf(env).runMonth(system, PERIOD, { countyCode: COUNTY })
    ).wait;
    clean = await snapshot();
    expect(clean.map((w) => w.ruleCode).sort()).toEqual(['INCOME_BELOW_LINE', 'MEDICAL_BURDEN', 'WATER_UNSAFE']);
  });

  it('is superseded by the next start over HTTP, which gives the warnings of an uninterrupted run', async () => {
    const dead = await leaveCrashedRun(PERIOD, clean);
    const res = await post(PERIOD);
    expect(res.statusCode, res.body).toBe(200);
    const { runId } = res.json() as { runId: number };
    await expect
      .poll(
        async () =>
          (
            await queryRows<{ status: string }>(
              env.services.db,
              sql`SELECT status FROM monitor_run WHERE id = ${runId}`,
            )
          )[0].status,
      )
      .toBe('succeeded');
    expect(await snapshot()).toEqual(clean);
    const [old] = await queryRows<{ status: string; error: string; finished: boolean }>(
      env.services.db,
      sql`SELECT status, error, finished_at IS NOT NULL AS finished FROM monitor_run WHERE id = ${dead}`,
    );
    expect(old).toEqual({ status: 'failed', error: ABANDONED, finished: true });
    expect(await runningRows()).toBe(0);
  });

  it('is superseded by the schedule, which runs the month again', async () => {
    const period = '2025-07';
    await (
      await monitoringOf(env).runMonth(system, period, { countyCode: COUNTY })
    ).wait;
    const july = await snapshot(period);
    await env.services.db.execute(sql`DELETE FROM monitor_run WHERE period = ${period}`);
    await leaveCrashedRun(period, july);
    const schedule = startMonthlySchedule(
      { db: env.services.db, monitoring: monitoringOf(env) },
      () => new Date('2025-08-01T04:00:00Z'),
      { timers: false },
    );
    expect(await schedule.tick()).toEqual([{ countyCode: COUNTY, period, runId: expect.any(Number) }]);
    schedule.stop();
    expect(await snapshot(period)).toEqual(july);
    expect(await runningRows()).toBe(0);
  });

  it('a run whose lease is still renewed answers 409, as does one active in this process', async () => {
    const live = await leaveCrashedRun('2025-05', clean, '1 second');
    expect((await post('2025-05')).statusCode).toBe(409);
    await env.services.db.execute(
      sql`UPDATE monitor_run SET heartbeat_at = now() - interval '1 hour' WHERE id = ${live}`,
    );
    const release = holdLease(env.services.db, live);
    try {
      expect(await supersedeStaleRuns(env.services.db, { ignoreLease: true })).toEqual([]);
      expect((await post('2025-05')).statusCode).toBe(409);
    } finally {
      release();
    }
    expect(await supersedeStaleRuns(env.services.db)).toEqual([live]);
  });

  it('a second live monthly run of the same month is refused by the database too', async () => {
    await env.services.db.execute(
      sql`INSERT INTO monitor_run (county_code, period, kind, status) VALUES (${COUNTY}, '2025-04', 'monthly', 'running')`,
    );
    await expect(
      env.services.db.execute(
        sql`INSERT INTO monitor_run (county_code, period, kind, status) VALUES (${COUNTY}, '2025-04', 'monthly', 'running')`,
      ),
    ).rejects.toThrow();
  });
});
