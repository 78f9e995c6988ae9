import { beforeAll, describe, expect, it } from 'vitest';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';

// The household search under the paged-list convention (issue 16 point 5): "共 N 户" over all pages,
// numbered pages, a sort whitelist (anything else is a 400), within the actor's scope.

const env = useTestApp();
const VILLAGE = '140521100202';
const made: string[] = [];

async function search(query: string, user = 'county_staff') {
  return env.app.inject({ url: `/api/registry/households?${query}`, headers: { cookie: await env.login(user) } });
}

beforeAll(async () => {
  const cookie = await env.login('county_staff');
  for (let i = 0; i < 5; i++) {
    const body = householdRequest({ villageCode: VILLAGE, householdNo: `14052110020290${i}${(i * 7) % 10}` });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    made.push(body.householdNo);
  }
  // Two in the neighbouring village, which a filter on this village leaves out.
  for (let i = 0; i < 2; i++) {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: householdRequest(),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});

describe('the household search', () => {
  it('counts every household the filters match and pages by number without overlap', async () => {
    const first = (await search(`orgCode=${VILLAGE}&page=1&pageSize=2`)).json();
    const second = (await search(`orgCode=${VILLAGE}&page=2&pageSize=2`)).json();
    const third = (await search(`orgCode=${VILLAGE}&page=3&pageSize=2`)).json();
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(third.items).toHaveLength(1);
    const nos = [...first.items, ...second.items, ...third.items].map((h: { householdNo: string }) => h.householdNo);
    expect(nos.sort()).toEqual([...made].sort());
  });

  it('sorts by 户编号 either way', async () => {
    const nos = async (order: string) =>
      (await search(`orgCode=${VILLAGE}&page=1&sort=householdNo&order=${order}`))
        .json()
        .items.map((h: { householdNo: string }) => h.householdNo);
    expect(await nos('asc')).toEqual([...made].sort());
    expect(await nos('desc')).toEqual([...made].sort().reverse());
  });

  it('counts within the actor’s scope', async () => {
    // The demo village officer works in 140521100201, not here.
    expect((await search(`page=1&q=1405211002029`, 'village_officer')).json().total).toBe(0);
    expect((await search(`page=1&q=1405211002029`, 'township_staff')).json().total).toBe(5);
  });

  it.each([['sort=idNumber'], ['order=sideways'], ['pageSize=500'], ['page=-1']])('refuses %s', async (query) => {
    const res = await search(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toMatch(/^querystring\./);
  });
});
