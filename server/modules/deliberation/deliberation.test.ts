import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { call, VILLAGE } from '../projects/projects.test-support.ts';

const env = useTestApp();

async function upToParty(cookie: string, oneShoulder = false) {
  const d = await call(env, cookie, 'POST', '/api/deliberations', {
    villageCode: VILLAGE,
    subject: '村集体资产收益分配',
    purpose: 'assetIncome',
    oneShoulder,
  });
  await call(env, cookie, 'POST', `/api/deliberations/${d.id}/steps`, {
    step: 'proposal',
    heldOn: '2026-05-01',
    content: '群众建议',
    origin: 'masses',
  });
  const c = await call(env, cookie, 'POST', `/api/deliberations/${d.id}/steps`, {
    step: 'committee',
    heldOn: '2026-05-02',
    content: '两委商议',
  });
  return c;
}

describe('四议两公开 records through the API', () => {
  it('a party meeting below 2/3 attendance is recorded as not passed and closes the record', async () => {
    const village = await env.login('village_officer');
    const d = await upToParty(village);
    const r = await call(env, village, 'POST', `/api/deliberations/${d.id}/steps`, {
      step: 'partyMeeting',
      heldOn: '2026-05-03',
      content: '党员大会',
      expected: 30,
      present: 19,
      votesFor: 19,
    });
    expect(r.status).toBe('failed');
    expect(r.steps.at(-1)).toMatchObject({ passed: false, attendanceMet: false, majorityMet: true });
    expect(r.nextStep).toBeNull();
    const refused = await call(
      env,
      village,
      'POST',
      `/api/deliberations/${d.id}/steps`,
      {
        step: 'villagersMeeting',
        heldOn: '2026-05-04',
        content: 'x',
        meetingKind: 'villagers',
        expected: 150,
        present: 80,
        votesFor: 70,
      },
      400,
    );
    expect(refused.error.fields[0].field).toBe('step');
  });

  it('exactly 2/3 attendance and more than half of members pass; out-of-order steps and impossible counts are refused', async () => {
    const village = await env.login('village_officer');
    const d = await upToParty(village, true);
    expect(d.steps[1].merged).toBe(true);
    const skip = await call(
      env,
      village,
      'POST',
      `/api/deliberations/${d.id}/steps`,
      { step: 'resolutionPublished', heldOn: '2026-05-03', content: '公开' },
      400,
    );
    expect(skip.error.fields[0].messageZh).toContain('党员大会审议');
    await call(
      env,
      village,
      'POST',
      `/api/deliberations/${d.id}/steps`,
      { step: 'partyMeeting', heldOn: '2026-05-03', content: '党员大会', expected: 30, present: 31, votesFor: 20 },
      400,
    );
    const ok = await call(env, village, 'POST', `/api/deliberations/${d.id}/steps`, {
      step: 'partyMeeting',
      heldOn: '2026-05-03',
      content: '党员大会',
      expected: 30,
      present: 20,
      votesFor: 16,
      votesAgainst: 4,
    });
    expect(ok.steps.at(-1)).toMatchObject({ passed: true, attendanceMet: true, majorityMet: true });
    const half = await call(env, village, 'POST', `/api/deliberations/${d.id}/steps`, {
      step: 'villagersMeeting',
      heldOn: '2026-05-05',
      content: '村民代表会议',
      meetingKind: 'representatives',
      expected: 40,
      present: 38,
      votesFor: 20,
    });
    expect(half.status).toBe('failed');
    const audit = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'deliberation' AND entity_id = ${String(d.id)}`,
    );
    expect(audit[0].n).toBe(5); // create + four steps recorded; refused ones leave no trace
  });

  it.each([
    ['村民会议 of adults: exactly half present does not open', 'villagers', 300, 150, 140, 'failed', false],
    ['村民会议 of adults: half + 1 present', 'villagers', 300, 151, 140, 'resolved', true],
    ['户代表 村民会议: 2/3 − 1 of households', 'householdRepresentatives', 90, 59, 50, 'failed', false],
    ['户代表 村民会议: exactly 2/3 of households', 'householdRepresentatives', 90, 60, 50, 'resolved', true],
    ['村民代表会议: 2/3 − 1 of members', 'representatives', 30, 19, 19, 'failed', false],
    ['村民代表会议: exactly 2/3 of members', 'representatives', 30, 20, 16, 'resolved', true],
    ['村民代表会议: 2/3 + 1 of members', 'representatives', 30, 21, 16, 'resolved', true],
  ] as const)(
    'quorum (村民委员会组织法 arts. 22, 26): %s',
    async (_, meetingKind, expected, present, votesFor, status, attendanceMet) => {
      const village = await env.login('village_officer');
      const d = await upToParty(village);
      await call(env, village, 'POST', `/api/deliberations/${d.id}/steps`, {
        step: 'partyMeeting',
        heldOn: '2026-05-03',
        content: '党员大会',
        expected: 30,
        present: 25,
        votesFor: 20,
      });
      const r = await call(env, village, 'POST', `/api/deliberations/${d.id}/steps`, {
        step: 'villagersMeeting',
        heldOn: '2026-05-04',
        content: '决议',
        meetingKind,
        expected,
        present,
        votesFor,
      });
      expect(r.status).toBe(status);
      expect(r.steps.at(-1)).toMatchObject({ meetingKind, attendanceMet });
    },
  );

  it('the quorum is the county parameter in force', async () => {
    const admin = await env.login('county_admin');
    const set = await env.app.inject({
      method: 'POST',
      url: '/api/params',
      headers: { cookie: admin },
      payload: { key: 'deliberation.representativesQuorum', value: 0.8, effectiveFrom: '2021-01-01' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const village = await env.login('village_officer');
    const d = await upToParty(village);
    await call(env, village, 'POST', `/api/deliberations/${d.id}/steps`, {
      step: 'partyMeeting',
      heldOn: '2026-05-03',
      content: '党员大会',
      expected: 30,
      present: 25,
      votesFor: 20,
    });
    const r = await call(env, village, 'POST', `/api/deliberations/${d.id}/steps`, {
      step: 'villagersMeeting',
      heldOn: '2026-05-04',
      content: '决议',
      meetingKind: 'representatives',
      expected: 30,
      present: 23,
      votesFor: 20,
    });
    expect(r.steps.at(-1)).toMatchObject({ attendanceMet: false });
    expect(r.status).toBe('failed');
  });

  it('the township records for its villages; a village elsewhere is not found', async () => {
    const township = await env.login('township_staff');
    await call(env, township, 'POST', '/api/deliberations', {
      villageCode: VILLAGE,
      subject: '乡镇代录',
      purpose: 'other',
    });
    await call(
      env,
      township,
      'POST',
      '/api/deliberations',
      { villageCode: '140521104201', subject: '外乡镇', purpose: 'other' },
      404,
    );
    await call(
      env,
      township,
      'POST',
      '/api/deliberations',
      { villageCode: '140521100000', subject: '乡镇本级', purpose: 'other' },
      400,
    );
  });
});
