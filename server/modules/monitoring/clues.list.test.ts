import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';

// The clue list under the paged-list convention (issue 16 point 5): a total of all pages, numbered
// pages, an allowed sort, and the clues of one household (the warnings list links there).

const env = useTestApp();
const ids: number[] = [];

async function list(query: string, user = 'county_staff') {
  return env.app.inject({ url: `/api/clues?${query}`, headers: { cookie: await env.login(user) } });
}

beforeAll(async () => {
  const cookie = await env.login('county_staff');
  for (const villageCode of ['140521100201', '140521100202', '140521101201']) {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: householdRequest({ villageCode }),
    });
    expect(res.statusCode, res.body).toBe(200);
    ids.push(res.json().id);
  }
  for (const [i, id] of ids.entries()) {
    for (const risk of ['illness', 'unsafeWater']) {
      await env.services.db
        .execute(sql`INSERT INTO clue (county_code, household_id, village_code, channel, risk_type, summary)
        SELECT county_code, id, village_code, ${i === 0 ? 'petition' : 'department'}, ${risk}, '测试线索' FROM household WHERE id = ${id}`);
    }
  }
});

describe('the clue list', () => {
  it('gives the total and numbered pages that do not overlap', async () => {
    const all = (await list('page=1&pageSize=200')).json();
    const first = (await list('page=1&pageSize=4')).json();
    const second = (await list('page=2&pageSize=4')).json();
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 4 });
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(first.items).toHaveLength(4);
    const seen = [...first.items, ...second.items].map((c: { id: number }) => c.id);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lists one household’s clues, within the actor’s scope', async () => {
    const mine = (await list(`page=1&householdId=${ids[0]}`)).json();
    expect(mine.total).toBe(2);
    expect(mine.items.map((c: { householdId: number }) => c.householdId)).toEqual([ids[0], ids[0]]);
    expect((await list(`page=1&householdId=${ids[2]}`, 'village_officer')).json().total).toBe(0);
  });

  it('sorts by an allowed key', async () => {
    const channels = async (order: string) =>
      (await list(`page=1&householdId=${ids[0]}&sort=riskType&order=${order}`))
        .json()
        .items.map((c: { riskType: string }) => c.riskType);
    expect(await channels('asc')).toEqual(['illness', 'unsafeWater']);
    expect(await channels('desc')).toEqual(['unsafeWater', 'illness']);
  });

  it('refuses an unknown sort key with a field message', async () => {
    const res = await list('sort=idNumber');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'querystring.sort' });
  });
});
