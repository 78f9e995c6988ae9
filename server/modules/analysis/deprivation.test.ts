import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfResponse } from '#common/contracts/analysis.ts';
import { addMonths } from '#common/domain/period.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { createHousehold, loginCookie, wages } from '../monitoring/monitoring.test-support.ts';
import { resolveAll } from '../params/index.ts';

// The Alkire–Foster view over registry fields (issue 19 §2), worked by hand. Six equal weights (1/6),
// k = 0.3333 (seeded). Four households of 140521100201:
//   a: unsafe housing + unsafe water            → c = 2/6 ≥ k: poor, not monitored (the discovery list)
//   b: income below the line (above half of it) → c = 1/6: not poor
//   c: income below half the line + dropout     → income, foodClothing, education: c = 3/6: poor
//   d: nothing                                  → 0
// H = 2/4, A = (2/6 + 3/6) / 2 = 5/12, M0 = 5/24. Censored headcounts (/4): income 1, food 1,
// education 1, medical 0, housing 1, water 1 → each contributes (1/6 · 1/4) / (5/24) = 1/5.

const env = useTestApp();
const COUNTY = '140521000000';
const period = addMonths(todayInChina().slice(0, 7), -1);
const year = Number(period.slice(0, 4));
const VILLAGE = '140521100203';
const ids: Record<'a' | 'b' | 'c' | 'd', number> = { a: 0, b: 0, c: 0, d: 0 };

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return env.app.inject({ method, url, headers: { cookie: await loginCookie(env, user) }, payload });
}

beforeAll(async () => {
  const line = (await resolveAll(env.services.db, COUNTY, period))['monitoring.incomeLineFen'].value as number;
  const well = wages(year, line * 3 * 2);
  let n = 0;
  const no = () => `${VILLAGE}9${String(++n).padStart(5, '0')}`;
  ids.a = (
    await createHousehold(env, {
      villageCode: VILLAGE,
      householdNo: no(),
      income: well,
      housingUnsafe: true,
      housingGrade: 'C',
      waterSafe: false,
    })
  ).id;
  ids.b = (
    await createHousehold(env, { villageCode: VILLAGE, householdNo: no(), income: wages(year, (line - 10_000) * 3) })
  ).id;
  ids.c = (
    await createHousehold(env, {
      villageCode: VILLAGE,
      householdNo: no(),
      income: wages(year, Math.floor(line / 4) * 3),
      schoolDropout: true,
    })
  ).id;
  ids.d = (await createHousehold(env, { villageCode: VILLAGE, householdNo: no(), income: well })).id;
});

describe('deprivation view', () => {
  it('H, A, M0 and contributions by hand for one village', async () => {
    const res = await call(
      'county_staff',
      'GET',
      `/api/analysis/deprivation?period=${period}&orgCode=${VILLAGE}&months=2`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const af = res.json() as AfResponse;
    expect(af.total.n).toBe(4);
    expect(af.total.q).toBe(2);
    expect(af.total.H).toBeCloseTo(1 / 2, 9);
    expect(af.total.A).toBeCloseTo(5 / 12, 9);
    expect(af.total.M0).toBeCloseTo(5 / 24, 9);
    af.total.contribution.forEach((c, j) => expect(c).toBeCloseTo(j === 3 ? 0 : 1 / 5, 9));
    expect(af.byVillage.map((v) => v.code)).toEqual([VILLAGE]);
    expect(af.series.map((s) => s.period)).toEqual([addMonths(period, -1), period]);
    expect(af.unmonitoredPoor).toBe(2);
    expect(af.sources['analysis.af.cutoff']).toContain('Alkire');
  });

  it('lists the unmonitored poor with reasons; raising a clue opens department-channel clues once', async () => {
    const list = await call(
      'county_staff',
      'GET',
      `/api/analysis/deprivation/households?period=${period}&orgCode=${VILLAGE}`,
    );
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json() as {
      items: { householdId: number; deprived: string[]; openClue: boolean }[];
      total: number;
    };
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ householdId: ids.c, deprived: ['income', 'foodClothing', 'education'] });
    expect(page.items[1]).toMatchObject({ householdId: ids.a, deprived: ['housing', 'water'] });

    // Raising joins the household's open clue per cause, or opens one (channel 部门信息比对); twice adds no clue.
    const first = await call('county_staff', 'POST', '/api/analysis/deprivation/clues', { householdId: ids.a, period });
    expect(first.statusCode, first.body).toBe(200);
    const again = await call('county_staff', 'POST', '/api/analysis/deprivation/clues', { householdId: ids.a, period });
    expect(again.json().clueIds).toEqual(first.json().clueIds);
    const clues = await queryRows<{ status: string; riskType: string; fromView: number }>(
      env.services.db,
      sql`SELECT c.status, c.risk_type AS "riskType",
          (SELECT count(*)::int FROM clue_signal s WHERE s.clue_id = c.id AND s.source = 'analysis.deprivation' AND s.channel = 'department') AS "fromView"
        FROM clue c WHERE c.id = ANY(${`{${first.json().clueIds.join(',')}}`}::bigint[]) ORDER BY c.risk_type`,
    );
    expect(clues).toEqual([
      { status: 'open', riskType: 'unsafeHousing', fromView: 2 },
      { status: 'open', riskType: 'unsafeWater', fromView: 2 },
    ]);
    const after = await call(
      'county_staff',
      'GET',
      `/api/analysis/deprivation/households?period=${period}&orgCode=${VILLAGE}`,
    );
    expect((after.json() as typeof page).items.find((i) => i.householdId === ids.a)?.openClue).toBe(true);
  });

  it('a household below the cutoff gets no clue (409); out of scope is 404; a cadre is refused', async () => {
    expect(
      (await call('county_staff', 'POST', '/api/analysis/deprivation/clues', { householdId: ids.b, period }))
        .statusCode,
    ).toBe(409);
    expect((await call('township_staff', 'GET', '/api/analysis/deprivation?orgCode=140521200000')).statusCode).toBe(
      404,
    );
    expect((await call('cadre', 'GET', '/api/analysis/deprivation')).statusCode).toBe(403);
  });
});
