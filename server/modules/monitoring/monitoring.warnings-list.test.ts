import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '#server/lib/context.ts';
import { useTestApp } from '#server/test/test-app.ts';
import {
  createHousehold,
  loginCookie,
  monitoringOf,
  wages,
  withMonitoringRoutes,
  type TestHousehold,
} from './monitoring.test-support.ts';

// The warnings list as a county office reads it (issue 16 point 5): it opens on the latest month that
// was run, says how many warnings match in all ("共 N 条"), pages by number, sorts by an allowed key
// (any other is a 400), and names the township and village of each row.

const env = useTestApp({ extend: (app) => withMonitoringRoutes(env)(app) });
const COUNTY = '140521000000';
let households: TestHousehold[];

interface Row {
  id: number;
  householdNo: string;
  villageName: string | null;
  townshipName: string | null;
}

async function list(user: string, query: string) {
  const res = await env.app.inject({
    url: `/api/monitoring/warnings?${query}`,
    headers: { cookie: await loginCookie(env, user) },
  });
  return res;
}

beforeAll(async () => {
  const below = { income: wages(2025, 1_200_000), waterSafe: false };
  households = [
    await createHousehold(env, below), // 140521100201
    await createHousehold(env, { ...below, villageCode: '140521100202' }),
    await createHousehold(env, { ...below, villageCode: '140521101201' }),
  ];
  const system = systemContext('test');
  for (const period of ['2025-05', '2025-06']) {
    const { wait } = await monitoringOf(env).runMonth(system, period, { countyCode: COUNTY });
    await wait;
  }
});

describe('the warnings list', () => {
  it('opens on the latest month that was run when no month is asked', async () => {
    const res = await list('county_staff', 'page=1&pageSize=20');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ period: '2025-06', total: 6, page: 1, pageSize: 20 });
    expect(res.json().items.every((w: { period: string }) => w.period === '2025-06')).toBe(true);
  });

  it('gives the total of all pages and numbered pages that do not overlap', async () => {
    const first = (await list('county_staff', 'period=2025-06&page=1&pageSize=4')).json();
    const second = (await list('county_staff', 'period=2025-06&page=2&pageSize=4')).json();
    expect(first).toMatchObject({ total: 6, page: 1, pageSize: 4 });
    expect(second).toMatchObject({ total: 6, page: 2 });
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    const ids = [...first.items, ...second.items].map((w: Row) => w.id);
    expect(new Set(ids).size).toBe(6);
  });

  it('counts within the filters and the actor’s scope', async () => {
    expect((await list('county_staff', 'period=2025-06&page=1&ruleCode=WATER_UNSAFE')).json().total).toBe(3);
    expect((await list('township_staff', 'period=2025-06&page=1')).json().total).toBe(4);
    expect((await list('village_officer', 'period=2025-06&page=1')).json().total).toBe(2);
  });

  it('names the township and the village of each row', async () => {
    const body = (await list('county_staff', 'period=2025-06&page=1&sort=township')).json();
    expect(body.items.every((w: Row) => w.townshipName && w.villageName)).toBe(true);
  });

  it('sorts by an allowed key in either direction', async () => {
    const nos = async (order: string) =>
      (await list('county_staff', `period=2025-06&page=1&ruleCode=WATER_UNSAFE&sort=householdNo&order=${order}`))
        .json()
        .items.map((w: Row) => w.householdNo);
    const sorted = households.map((h) => h.householdNo).sort();
    expect(await nos('asc')).toEqual(sorted);
    expect(await nos('desc')).toEqual([...sorted].reverse());
  });

  it.each([
    ['sort=phone', 'sort'],
    ['order=up', 'order'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
  ])('refuses %s with a field message', async (query, field) => {
    const res = await list('county_staff', `period=2025-06&${query}`);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields[0]).toMatchObject({ field: `querystring.${field}` });
    expect(fields[0].messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
