import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { multipart } from './attachments.test-support.ts';

// Issue #13 §6: an upload naming its owner (ownerKind + ownerId) is allowed by the owner's module:
// the owner must be in the uploader's scope (else 404) and the uploader must have the right to act on it (else 403).

const env = useTestApp();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('evidence')]);

async function upload(cookie: string, fields: Record<string, string>) {
  const up = multipart(fields, { name: '凭证.png', type: 'image/png', data: PNG });
  return env.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie, ...up.headers },
    payload: up.payload,
  });
}

async function measureIn(villageCode: string, householdNo: string) {
  const staff = await env.login('township_staff');
  const body = householdRequest({
    villageCode,
    householdNo,
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    monitoringType: 'unstable',
    identificationPeriod: '2025-03',
    riskTypes: ['illness'],
  });
  const h = await createMonitoredHousehold(env, body);
  const m = await env.app.inject({
    method: 'POST',
    url: '/api/assistance/measures',
    headers: { cookie: staff },
    payload: {
      householdId: h.id,
      riskType: 'illness',
      category: 'health',
      subType: 'medicalPremiumSubsidy',
      department: '县医保局',
      startOn: '2025-03-15',
      amountFen: 38_000,
      status: 'ongoing',
    },
  });
  expect(m.statusCode, m.body).toBe(200);
  return m.json().id as number;
}

/** An identification case started by the township officer on a new household's clue; its first step's id. */
async function startedStep(staff: string, villageCode: string, householdNo: string) {
  const h = await env.app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie: staff },
    payload: householdRequest({ villageCode, householdNo }),
  });
  expect(h.statusCode, h.body).toBe(200);
  const consent = { signed: true, signedOn: '2025-03-01', signer: '王建国', method: 'fingerprint' };
  const clue = await env.app.inject({
    method: 'POST',
    url: '/api/clues/applications',
    headers: { cookie: staff },
    payload: { householdId: h.json().id, reason: '户主突发重病住院，自付费用高', riskTypes: ['illness'], consent },
  });
  expect(clue.statusCode, clue.body).toBe(200);
  const c = await env.app.inject({
    method: 'POST',
    url: '/api/cases/identifications',
    headers: { cookie: staff },
    payload: { clueId: clue.json().clueIds[0] },
  });
  expect(c.statusCode, c.body).toBe(200);
  const [{ id }] = await queryRows<{ id: number }>(
    env.services.db,
    sql`SELECT id FROM case_step WHERE case_id = ${c.json().id} ORDER BY id LIMIT 1`,
  );
  return Number(id);
}

describe('uploads that name their owner', () => {
  it("measures: another village's measure is out of scope (404), no write right is 403, the owner's village files it", async () => {
    const elsewhere = await measureIn('140521100202', '140521100202000901');
    const forged = await upload(await env.login('village_officer'), {
      ownerKind: 'assistanceMeasure',
      ownerId: String(elsewhere),
      orgCode: '140521100201',
    });
    expect(forged.statusCode, forged.body).toBe(404);
    expect(
      (await upload(await env.login('cadre'), { ownerKind: 'assistanceMeasure', ownerId: String(elsewhere) }))
        .statusCode,
    ).toBe(403);

    // The township may add evidence; the file is filed under the measure's village whatever orgCode is sent.
    const ok = await upload(await env.login('township_staff'), {
      ownerKind: 'assistanceMeasure',
      ownerId: String(elsewhere),
      orgCode: '140521100000',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ownerKind: 'assistanceMeasure', ownerId: elsewhere, orgCode: '140521100202' });
  });

  it("case steps: another village's step is 404, somebody else's step is 403, one's own step of an active case is allowed", async () => {
    const staff = await env.login('township_staff');
    const village = await env.login('village_officer');
    const here = await startedStep(staff, '140521100201', '140521100201000902');
    const elsewhere = await startedStep(staff, '140521100202', '140521100202000903');

    expect((await upload(village, { ownerKind: 'caseStep', ownerId: String(elsewhere) })).statusCode).toBe(404);
    expect((await upload(village, { ownerKind: 'caseStep', ownerId: '99999999' })).statusCode).toBe(404);
    // In his village, but recorded by the township: not his to add to.
    expect((await upload(village, { ownerKind: 'caseStep', ownerId: String(here) })).statusCode).toBe(403);

    const ok = await upload(staff, { ownerKind: 'caseStep', ownerId: String(elsewhere), orgCode: '140521100201' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ownerKind: 'caseStep', ownerId: elsewhere, orgCode: '140521100202' });

    // Once the case is no longer active, its steps take no more evidence.
    await env.services.db.execute(
      sql`UPDATE monitoring_case SET status = 'closed' WHERE id = (SELECT case_id FROM case_step WHERE id = ${elsewhere})`,
    );
    expect((await upload(staff, { ownerKind: 'caseStep', ownerId: String(elsewhere) })).statusCode).toBe(403);
  });

  it('an owner kind no module vouches for cannot name an owner id (400); without one it waits to be linked', async () => {
    const cookie = await env.login('village_officer');
    const named = await upload(cookie, { ownerKind: 'visit', ownerId: '1' });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.fields[0]).toMatchObject({ field: 'ownerId' });
    expect((await upload(cookie, { ownerKind: 'visit' })).statusCode).toBe(200);
  });
});
