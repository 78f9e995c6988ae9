import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { ABANDONED, supersedeStaleRuns } from './monitoring.lease.ts';
import {
  createHousehold,
  loginCookie,
  wages,
  withMonitoringRoutes,
  type TestHousehold,
} from './monitoring.test-support.ts';

// The API: who may run and read, and that every read is scoped to the actor's org unit.

const env = useTestApp({ extend: (app) => withMonitoringRoutes(env)(app) });
const PERIOD = '2025-06';

let own: TestHousehold; // the village officer's village 140521100201
let neighbour: TestHousehold; // same township, village 140521100202
let elsewhere: TestHousehold; // another township 140521101201
let runId: number;

async function get(user: string, url: string) {
  return env.app.inject({ url, headers: { cookie: await loginCookie(env, user) } });
}

async function waitForJob(jobId: number) {
  for (let i = 0; i < 200; i++) {
    const [job] = await queryRows<{ status: string }>(env.services.db, sql`SELECT status FROM job WHERE id = ${jobId}`);
    if (job.status !== 'running') return job.status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

beforeAll(async () => {
  const below = { income: wages(2025, 1_200_000), waterSafe: false };
  own = await createHousehold(env, below);
  neighbour = await createHousehold(env, { ...below, villageCode: '140521100202' });
  elsewhere = await createHousehold(env, { ...below, villageCode: '140521101201' });
});

describe('starting a run', () => {
  it.each(['township_staff', 'village_officer', 'dept_medical', 'cadre', 'auditor'])(
    'is refused to %s',
    async (user) => {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/monitoring/runs',
        headers: { cookie: await loginCookie(env, user) },
        payload: { period: PERIOD },
      });
      expect(res.statusCode).toBe(403);
    },
  );

  it('refuses a bad period with a field message', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/monitoring/runs',
      headers: { cookie: await loginCookie(env, 'county_staff') },
      payload: { period: '2025-13' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('period');
  });

  it('refuses a month in the future', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/monitoring/runs',
      headers: { cookie: await loginCookie(env, 'county_staff') },
      payload: { period: '2099-01' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('county staff start it as a job and get the job and run ids', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/monitoring/runs',
      headers: { cookie: await loginCookie(env, 'county_staff') },
      payload: { period: PERIOD },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ jobId: expect.any(Number), runId: expect.any(Number) });
    runId = body.runId;
    expect(await waitForJob(body.jobId)).toBe('succeeded');
    const [audit] = await queryRows<{ action: string }>(
      env.services.db,
      sql`SELECT action FROM audit_log WHERE entity = 'monitor_run' AND entity_id = ${String(runId)}`,
    );
    expect(audit.action).toBe('run');
  });

  it('lists the run with its duration and counts', async () => {
    const res = await get('county_admin', '/api/monitoring/runs');
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({
      id: runId,
      period: PERIOD,
      kind: 'monthly',
      status: 'succeeded',
      householdsEvaluated: 3,
      counts: { INCOME_BELOW_LINE: 3, WATER_UNSAFE: 3 },
    });
    expect(res.json()[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(res.json()[0]).toMatchObject({ error: null, abandoned: false });
  });
});

describe('a failed run in the list', () => {
  it('carries its reason: abandoned by a dead process, or the error as stored', async () => {
    const insert = (period: string) =>
      queryRows<{ id: number }>(
        env.services.db,
        sql`INSERT INTO monitor_run (county_code, period, kind, status, started_at, heartbeat_at)
          VALUES ('140521000000', ${period}, 'monthly', 'running', now() - interval '1 hour', now() - interval '1 hour') RETURNING id::int AS id`,
      );
    const [dead] = await insert('2025-03');
    expect(await supersedeStaleRuns(env.services.db, { period: '2025-03' })).toEqual([dead.id]);
    const [broken] = await insert('2025-02');
    await env.services.db.execute(
      sql`UPDATE monitor_run SET status = 'failed', finished_at = now(), error = 'Error: 参数缺失' WHERE id = ${broken.id}`,
    );

    const runs: { id: number }[] = (await get('county_staff', '/api/monitoring/runs')).json();
    expect(runs.find((r) => r.id === dead.id)).toMatchObject({ status: 'failed', error: ABANDONED, abandoned: true });
    expect(runs.find((r) => r.id === broken.id)).toMatchObject({
      status: 'failed',
      error: 'Error: 参数缺失',
      abandoned: false,
    });
    await env.services.db.execute(sql`DELETE FROM monitor_run WHERE id IN (${dead.id}, ${broken.id})`);
  });
});

describe('the runs list as a paged list (issue 16 point 5)', () => {
  it('pages with a total, sorts by a whitelisted key, refuses another, and exports what is filtered', async () => {
    const page = async (q: string) => (await get('county_staff', `/api/monitoring/runs?kind=incremental&${q}`)).json();
    const before = (await page('page=1')).total as number;
    const ids: number[] = [];
    for (const [period, status] of [
      ['2024-01', 'failed'],
      ['2024-02', 'succeeded'],
      ['2024-03', 'failed'],
    ] as const) {
      const [row] = await queryRows<{ id: number }>(
        env.services.db,
        sql`INSERT INTO monitor_run (county_code, period, kind, status, started_at, finished_at, duration_ms, error)
          VALUES ('140521000000', ${period}, 'incremental', ${status}, now(), now(), 1500, ${status === 'failed' ? 'Error: 测试' : null})
          RETURNING id::int AS id`,
      );
      ids.push(row.id);
    }
    try {
      const first = await page('page=1&pageSize=2&sort=period&order=asc');
      expect(first).toMatchObject({ total: before + 3, page: 1, pageSize: 2 });
      expect(first.items.map((r: { period: string }) => r.period)).toEqual(['2024-01', '2024-02']);
      const second = await page('page=2&pageSize=2&sort=period&order=asc');
      expect(second.items[0].period).toBe('2024-03');
      const failed = (await page('status=failed&page=1')).total as number;
      expect(failed).toBeGreaterThanOrEqual(2);
      // Older callers still get the bare array.
      expect(Array.isArray(await page('limit=2'))).toBe(true);
      const bad = await get('county_staff', '/api/monitoring/runs?page=1&sort=error');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('querystring.sort');

      const res = await get('county_staff', '/api/monitoring/runs/export.xlsx?kind=incremental&status=failed');
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const periods: string[] = [];
      book.worksheets[0].eachRow((row, n) => {
        if (n > 2) periods.push(String(row.getCell(1).value));
      });
      expect(periods).toHaveLength(failed);
      expect(periods).toEqual(expect.arrayContaining(['2024-01', '2024-03']));
      expect(periods).not.toContain('2024-02');
      const [audit] = await queryRows<{ after: { rows: number; status: string } }>(
        env.services.db,
        sql`SELECT after FROM audit_log WHERE entity = 'monitor_run' AND action = 'export' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.after).toMatchObject({ rows: failed, status: 'failed' });
    } finally {
      await env.services.db.execute(sql`DELETE FROM monitor_run WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[])`);
    }
  });
});

describe('reading warnings is scoped', () => {
  const householdsSeenBy = async (user: string, query = '') => {
    const res = await get(user, `/api/monitoring/warnings?period=${PERIOD}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const ids: number[] = res.json().items.map((w: { householdId: number }) => w.householdId);
    return [...new Set(ids)].sort((a, b) => a - b);
  };

  it('the county sees every village; a township its villages; a village officer only their village', async () => {
    expect(await householdsSeenBy('county_staff')).toEqual([own.id, neighbour.id, elsewhere.id]);
    expect(await householdsSeenBy('auditor')).toEqual([own.id, neighbour.id, elsewhere.id]);
    expect(await householdsSeenBy('township_staff')).toEqual([own.id, neighbour.id]);
    expect(await householdsSeenBy('village_officer')).toEqual([own.id]);
  });

  it('a village officer asking for another village gets a 404, not its data', async () => {
    const res = await get('village_officer', `/api/monitoring/warnings?period=${PERIOD}&orgCode=140521100202`);
    expect(res.statusCode).toBe(404);
  });

  it.each(['dept_medical', 'cadre'])('%s cannot read warnings', async (user) => {
    expect((await get(user, `/api/monitoring/warnings?period=${PERIOD}`)).statusCode).toBe(403);
  });

  it('filters by org, rule and risk type, and pages by id', async () => {
    expect(await householdsSeenBy('county_staff', '&orgCode=140521101000')).toEqual([elsewhere.id]);
    const water = (await get('county_staff', `/api/monitoring/warnings?period=${PERIOD}&riskType=unsafeWater`)).json();
    expect(water.items.map((w: { ruleCode: string }) => w.ruleCode)).toEqual([
      'WATER_UNSAFE',
      'WATER_UNSAFE',
      'WATER_UNSAFE',
    ]);
    const first = (
      await get('county_staff', `/api/monitoring/warnings?period=${PERIOD}&ruleCode=INCOME_BELOW_LINE&limit=2`)
    ).json();
    expect(first.items).toHaveLength(2);
    const rest = (
      await get(
        'county_staff',
        `/api/monitoring/warnings?period=${PERIOD}&ruleCode=INCOME_BELOW_LINE&limit=2&afterId=${first.nextAfterId}`,
      )
    ).json();
    expect(rest.items).toHaveLength(1);
    const all = [...first.items, ...rest.items];
    expect(all.map((w: { householdNo: string }) => w.householdNo).sort()).toEqual(
      [own, neighbour, elsewhere].map((h) => h.householdNo).sort(),
    );
    expect(rest.items[0]).toMatchObject({
      category: 'INCOME_BELOW_LINE',
      nameZh: '人均纯收入低于监测范围',
      riskType: null,
      headName: expect.any(String),
    });
    expect(rest.nextAfterId).toBeNull();
  });
});

describe('diff and explain', () => {
  it('the diff against the previous month covers the actor’s scope', async () => {
    const county = (await get('county_staff', `/api/monitoring/runs/${runId}/diff`)).json();
    expect(county).toMatchObject({
      period: PERIOD,
      previousPeriod: '2025-05',
      totals: { new: 6, persisting: 0, resolved: 0 },
    });
    const village = (await get('village_officer', `/api/monitoring/runs/${runId}/diff`)).json();
    expect(village).toMatchObject({ scope: '140521100201', totals: { new: 2 } });
  });

  it('explains a household in scope with the type suggestion; outside scope is a 404', async () => {
    const res = await get('village_officer', `/api/monitoring/households/${own.id}/explain?period=${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rules.filter((r: { fired: boolean }) => r.fired).map((r: { ruleCode: string }) => r.ruleCode)).toEqual([
      'INCOME_BELOW_LINE',
      'WATER_UNSAFE',
    ]);
    expect(body.rules.find((r: { ruleCode: string }) => r.ruleCode === 'WATER_UNSAFE')).toMatchObject({
      stored: { status: 'new' },
      state: 'new',
    });
    expect(body.suggestion).toMatchObject({ type: 'edge', withinRange: true });
    expect(body.suggestion.reasonZh).toContain('建议识别为边缘易致贫户');
    expect(
      (await get('village_officer', `/api/monitoring/households/${elsewhere.id}/explain?period=${PERIOD}`)).statusCode,
    ).toBe(404);
    expect(
      (await get('dept_medical', `/api/monitoring/households/${own.id}/explain?period=${PERIOD}`)).statusCode,
    ).toBe(403);
  });
});
