import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest, makeIdNumber, memberInput } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';

const env = useTestApp();

async function create(cookie: string, overrides = {}) {
  const body = householdRequest(overrides);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: body,
  });
  return { body, res };
}

describe('creating a household', () => {
  it('saves it with sex and birth date from the ID, masked IDs and phones, and per-capita income', async () => {
    const cookie = await env.login('county_staff');
    const { body, res } = await create(cookie);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h).toMatchObject({
      householdNo: body.householdNo,
      villageName: expect.any(String),
      townshipName: '龙港镇',
      monitoringStatus: 'none',
      version: 1,
    });
    expect(h.members).toHaveLength(3);
    expect(h.members[0]).toMatchObject({
      relationship: 'head',
      sex: 'male',
      birthDate: '1968-03-12',
      idMasked: body.members[0].idNumber.slice(0, 4) + '**********' + body.members[0].idNumber.slice(-4),
    });
    expect(h.phoneMasked).toBe('139****5678');
    // (36000 + 8000 + 500 + 3000 − 2500) yuan ÷ 3 = 15000.00 yuan
    expect(h.incomes[0]).toMatchObject({
      year: 2025,
      netIncome: 4_500_000,
      perCapitaNetIncome: 1_500_000,
      householdSize: 3,
    });
    expect(res.body).not.toContain(body.members[0].idNumber);
  });

  it('keeps no plaintext ID or phone anywhere in the database', async () => {
    const cookie = await env.login('county_staff');
    const { body } = await create(cookie);
    const dump = await queryRows<{ t: string }>(
      env.services.db,
      sql`SELECT concat_ws('|', (SELECT string_agg(p::text, '|') FROM person p), (SELECT string_agg(h::text, '|') FROM household h),
        (SELECT string_agg(c::text, '|') FROM registry_change c), (SELECT string_agg(a::text, '|') FROM audit_log a)) AS t`,
    );
    for (const m of body.members) expect(dump[0].t).not.toContain(m.idNumber);
    expect(dump[0].t).not.toContain('13912345678');
  });

  it('refuses an invalid household with field messages and saves nothing', async () => {
    const cookie = await env.login('county_staff');
    const bad = householdRequest();
    bad.members[1] = { ...bad.members[1], relationship: 'head' };
    bad.members[2] = { ...bad.members[2], idNumber: '140521201205200420' };
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: bad,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['members[1].relationship', 'members[2].idNumber']));
    const [{ n }] = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM household WHERE household_no = ${bad.householdNo}`,
    );
    expect(n).toBe(0);
  });

  it('refuses a person already active in another household, naming it', async () => {
    const cookie = await env.login('county_staff');
    const { body: first } = await create(cookie);
    const second = householdRequest();
    second.members[2] = { ...first.members[2] };
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: second,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0]).toMatchObject({
      field: 'members[2].idNumber',
      messageZh: expect.stringContaining(first.householdNo),
    });
  });

  it('refuses a wrong type with a 400, never a 500', async () => {
    const cookie = await env.login('county_staff');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: { ...householdRequest(), kind: '脱贫' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('kind');
  });
});

describe('search and scope', () => {
  it('finds by name prefix, by household number and by full ID through the hash', async () => {
    const cookie = await env.login('county_admin');
    const { body } = await create(cookie, {
      members: [
        memberInput({ name: '赵铁柱' }),
        memberInput({ name: '钱桂花', idNumber: makeIdNumber('1971-01-01', 'female'), relationship: 'spouse' }),
      ],
    });
    const search = async (q: string) =>
      (await env.app.inject({ url: `/api/registry/households?q=${encodeURIComponent(q)}`, headers: { cookie } })).json()
        .items;
    expect((await search('赵铁')).map((h: { householdNo: string }) => h.householdNo)).toEqual([body.householdNo]);
    expect((await search('钱桂花'))[0].headName).toBe('赵铁柱');
    expect((await search(body.householdNo))[0].householdNo).toBe(body.householdNo);
    expect((await search(body.members[1].idNumber))[0].householdNo).toBe(body.householdNo);
    expect(await search(makeIdNumber('1971-01-01', 'female'))).toEqual([]);
  });

  it('a village officer sees and edits only their own village', async () => {
    const county = await env.login('county_staff');
    const other = (await create(county, { villageCode: '140521104201' })).res.json();
    const village = await env.login('village_officer');
    const list = (
      await env.app.inject({ url: '/api/registry/households?limit=200', headers: { cookie: village } })
    ).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((h: { villageCode: string }) => h.villageCode === '140521100201')).toBe(true);
    expect(
      (await env.app.inject({ url: `/api/registry/households/${other.id}`, headers: { cookie: village } })).statusCode,
    ).toBe(404);
    const edit = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${other.id}`,
      headers: { cookie: village },
      payload: { villageCode: '140521104201', kind: 'ordinary', version: 1, reason: '越权修改' },
    });
    expect(edit.statusCode).toBe(404);
    expect((await create(village, { villageCode: '140521104201' })).res.statusCode).toBe(404);
  });

  it.each([
    ['dept_medical', 403],
    ['cadre', 403],
  ])('%s cannot read the registry', async (user, status) => {
    const cookie = await env.login(user);
    expect((await env.app.inject({ url: '/api/registry/households', headers: { cookie } })).statusCode).toBe(status);
  });
});

describe('revealing one ID', () => {
  it('is allowed to township staff and audited; refused to a village officer', async () => {
    const county = await env.login('county_staff');
    const { body, res } = await create(county);
    const h = res.json();
    const township = await env.login('township_staff');
    const reveal = await env.app.inject({
      method: 'POST',
      url: `/api/registry/households/${h.id}/members/${h.members[1].personId}/reveal-id`,
      headers: { cookie: township },
    });
    expect(reveal.json()).toEqual({ personId: h.members[1].personId, idNumber: body.members[1].idNumber });
    const audit = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reveal-id' AND entity_id = ${String(h.members[1].personId)}`,
    );
    expect(audit[0].n).toBe(1);
    const village = await env.login('village_officer');
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/registry/households/${h.id}/members/${h.members[1].personId}/reveal-id`,
          headers: { cookie: village },
        })
      ).statusCode,
    ).toBe(403);
  });
});
