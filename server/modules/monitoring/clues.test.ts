import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';

const env = useTestApp();

async function household(cookie: string, overrides = {}) {
  const body = householdRequest(overrides);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { body, h: res.json() };
}

const consent = { signed: true, signedOn: '2026-11-20', signer: '王建国', method: 'fingerprint' };

describe('four channels into one clue list', () => {
  it('self-application on the public page: no login, consent required, ID never stored in clear', async () => {
    const county = await env.login('county_staff');
    const { body, h } = await household(county);
    const payload = {
      villageCode: h.villageCode,
      applicantName: body.members[0].name,
      idNumber: body.members[0].idNumber,
      phone: '13700001111',
      reason: '家中老人突发重病住院，花费较大',
      riskTypes: ['illness'],
      agree: true,
    };
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { ...payload, agree: false },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].field).toBe('agree');
    const res = await env.app.inject({ method: 'POST', url: '/api/public/applications', payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().receipt).toMatch(/^SQ\d{8}$/);
    const clue = (
      await env.app.inject({ url: `/api/clues/${res.json().clueIds[0]}`, headers: { cookie: county } })
    ).json();
    expect(clue).toMatchObject({
      householdId: h.id,
      channel: 'selfApplication',
      riskType: 'illness',
      consent: { signed: true, method: 'online' },
    });
    expect(JSON.stringify(clue)).not.toContain(body.members[0].idNumber);
    expect(JSON.stringify(clue)).not.toContain('13700001111');
    // The encrypted ID and phone and the lookup hash stay on the server.
    expect(JSON.stringify(clue)).not.toMatch(/Cipher|Hash/);
    expect(clue.signals[0].evidence).toMatchObject({
      idMasked: expect.stringContaining('*'),
      phoneMasked: '137****1111',
    });
    const [{ t }] = await queryRows<{ t: string }>(
      env.services.db,
      sql`SELECT string_agg(s::text, '|') AS t FROM clue_signal s`,
    );
    expect(t).not.toContain(body.members[0].idNumber);
  });

  it('a second signal for the same household and risk joins the open clue; another risk opens another', async () => {
    const county = await env.login('county_staff');
    const { h } = await household(county);
    const apply = await env.app.inject({
      method: 'POST',
      url: '/api/clues/applications',
      headers: { cookie: county },
      payload: { householdId: h.id, reason: '因病住院费用高', riskTypes: ['illness'], consent },
    });
    expect(apply.statusCode, apply.body).toBe(200);
    const visit = await env.app.inject({
      method: 'POST',
      url: '/api/visits',
      headers: { cookie: await env.login('village_officer') },
      payload: {
        householdId: h.id,
        visitedOn: '2026-11-21',
        findings: '户主住院，家中无人务工',
        riskFound: true,
        riskTypes: ['illness', 'lackOfLabour'],
      },
    });
    expect(visit.statusCode, visit.body).toBe(200);
    expect(visit.json().clueIds[0]).toBe(apply.json().clueIds[0]);
    expect(visit.json().clueIds[1]).not.toBe(apply.json().clueIds[0]);
    const clue = (
      await env.app.inject({ url: `/api/clues/${apply.json().clueIds[0]}`, headers: { cookie: county } })
    ).json();
    expect(clue.signals.map((s: { channel: string }) => s.channel)).toEqual(['selfApplication', 'visit']);
    expect(clue.channels.sort()).toEqual(['selfApplication', 'visit']);
  });

  it('a visit without risk opens no clue; petitions are recorded in the petitions register only', async () => {
    const township = await env.login('township_staff');
    // the register (server/modules/petitions) is the one way in: the older route is gone
    const old = await env.app.inject({
      method: 'POST',
      url: '/api/clues/petitions',
      headers: { cookie: township },
      payload: {
        villageCode: '140521100202',
        kind: 'hotline12317',
        receivedOn: '2026-11-22',
        summary: '反映本村一户因灾房屋受损',
        riskTypes: ['naturalDisaster'],
      },
    });
    expect(old.statusCode).toBe(404);
    const { h } = await household(await env.login('county_staff'));
    const visit = await env.app.inject({
      method: 'POST',
      url: '/api/visits',
      headers: { cookie: township },
      payload: { householdId: h.id, visitedOn: '2026-11-20', findings: '生活正常', riskFound: false },
    });
    expect(visit.json().clueIds).toEqual([]);
  });

  it('is scoped: a village officer sees only their village; a department user sees none', async () => {
    const village = await env.login('village_officer');
    const items = (await env.app.inject({ url: '/api/clues?limit=200', headers: { cookie: village } })).json().items;
    expect(items.every((c: { villageCode: string }) => c.villageCode === '140521100201')).toBe(true);
    expect(
      (await env.app.inject({ url: '/api/clues', headers: { cookie: await env.login('dept_medical') } })).statusCode,
    ).toBe(403);
  });

  it('closing needs a reason and happens once', async () => {
    const county = await env.login('county_staff');
    const { h } = await household(county);
    const { clueIds } = (
      await env.app.inject({
        method: 'POST',
        url: '/api/clues/applications',
        headers: { cookie: county },
        payload: { householdId: h.id, reason: '申请核实家庭收入', riskTypes: ['other'], consent },
      })
    ).json();
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/clues/${clueIds[0]}/close`,
          headers: { cookie: county },
          payload: { reason: '' },
        })
      ).statusCode,
    ).toBe(400);
    const closed = await env.app.inject({
      method: 'POST',
      url: `/api/clues/${clueIds[0]}/close`,
      headers: { cookie: county },
      payload: { reason: '入户核实收入稳定，无风险' },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: '入户核实收入稳定，无风险' });
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/clues/${clueIds[0]}/close`,
          headers: { cookie: county },
          payload: { reason: '再次关闭' },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('查询办理进度 on the public page', () => {
  it('answers the receipt with the applicant’s own ID number only, in one plain sentence', async () => {
    const county = await env.login('county_staff');
    const { body, h } = await household(county);
    const idNumber = body.members[0].idNumber;
    const applied = await env.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: {
        villageCode: h.villageCode,
        applicantName: body.members[0].name,
        idNumber,
        phone: '13700002222',
        reason: '房屋漏雨成危房，无力维修',
        riskTypes: ['unsafeHousing'],
        agree: true,
      },
    });
    const { receipt } = applied.json();
    const ask = (payload: object) =>
      env.app.inject({ method: 'POST', url: '/api/public/applications/status', payload });

    const received = await ask({ receipt, idNumber });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({
      receipt,
      progress: 'received',
      textZh: '已受理，村干部将入户核实',
      noticeEndsOn: null,
    });
    expect(received.body).not.toContain(body.members[0].name);

    const other = body.members[1].idNumber;
    const wrong = await ask({ receipt, idNumber: other });
    const unknown = await ask({ receipt: 'SQ99999999', idNumber });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect((await ask({ receipt: '12345', idNumber })).json().error.fields[0].field).toBe('receipt');

    const closed = await env.app.inject({
      method: 'POST',
      url: `/api/clues/${applied.json().clueIds[0]}/close`,
      headers: { cookie: county },
      payload: { reason: '入户核实：房屋经鉴定为安全住房' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await ask({ receipt: receipt.toLowerCase(), idNumber })).json()).toMatchObject({ progress: 'notIncluded' });
  });
});

describe('a paired cadre’s visits', () => {
  it('reach the households paired with him, not the rest of his township', async () => {
    const cadre = await env.login('cadre');
    const county = await env.login('county_staff');
    const { h: pairedHousehold } = await household(county, {
      villageCode: '140521100201',
      kind: 'alleviated',
      alleviatedAttribute: 'general',
    });
    const { h: unpaired } = await household(county, { villageCode: '140521100201' });
    const me = (await env.app.inject({ url: '/api/auth/me', headers: { cookie: cadre } })).json();
    const pairing = await env.app.inject({
      method: 'POST',
      url: '/api/assistance/pairings',
      headers: { cookie: county },
      payload: {
        householdId: pairedHousehold.id,
        cadreUserId: me.id,
        unit: '县乡村振兴局',
        phone: null,
        startOn: '2026-11-01',
        reason: null,
      },
    });
    expect(pairing.statusCode, pairing.body).toBe(200);
    const paired: number = pairedHousehold.id;
    const visit = (householdId: number) =>
      env.app.inject({
        method: 'POST',
        url: '/api/visits',
        headers: { cookie: cadre },
        payload: {
          householdId,
          visitedOn: '2026-11-20',
          findings: '入户了解家庭收支和就业情况',
          riskFound: false,
          riskTypes: [],
        },
      });
    expect((await visit(paired)).statusCode).toBe(200);
    const refused = await visit(unpaired.id);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain(unpaired.householdNo);
  });
});
