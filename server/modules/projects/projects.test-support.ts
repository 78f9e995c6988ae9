import { expect } from 'vitest';
import type { TestEnv } from '#server/test/test-app.ts';

export const VILLAGE = '140521100201'; // 龙港镇东庄村 (village_officer)
export const OTHER_VILLAGE = '140521104201'; // a village of 嘉峰镇

export async function call(
  env: TestEnv,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  status = 200,
) {
  const res = await env.app.inject({ method, url, headers: { cookie }, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

/** A 四议两公开 record of the village, voted and published. */
export async function decidedDeliberation(
  env: TestEnv,
  cookie: string,
  villageCode = VILLAGE,
  purpose = 'project',
  subject = '东庄村光伏电站建设项目',
) {
  const d = await call(env, cookie, 'POST', '/api/deliberations', { villageCode, subject, purpose });
  const steps = [
    { step: 'proposal', heldOn: '2026-03-01', content: '村党支部提议', origin: 'masses' },
    { step: 'committee', heldOn: '2026-03-02', content: '两委会议商议同意' },
    {
      step: 'partyMeeting',
      heldOn: '2026-03-05',
      content: '党员大会审议',
      expected: 30,
      present: 24,
      votesFor: 22,
      votesAgainst: 1,
    },
    {
      step: 'villagersMeeting',
      heldOn: '2026-03-08',
      content: '村民代表会议决议',
      meetingKind: 'representatives',
      expected: 40,
      present: 36,
      votesFor: 33,
      votesAgainst: 2,
    },
    { step: 'resolutionPublished', heldOn: '2026-03-09', content: '决议在村务公开栏公开' },
  ];
  let last = d;
  for (const s of steps) last = await call(env, cookie, 'POST', `/api/deliberations/${d.id}/steps`, s);
  expect(last.status).toBe('published');
  return last.id as number;
}

export function projectBody(overrides: Record<string, unknown> = {}) {
  return {
    orgCode: VILLAGE,
    name: '东庄村村级光伏电站',
    type: 'industry',
    subType: '光伏扶贫',
    year: 2026,
    budget: { central: 40_000_000, provincial: 10_000_000, city: 0, county: 0 },
    beneficiaryHouseholds: 60,
    beneficiaryAlleviated: 25,
    beneficiaryVillages: [VILLAGE],
    farmerLinkage: '电站收益用于村级公益岗位，带动脱贫户务工增收',
    performanceTargets: [{ indicator: '年发电收益', value: '≥8万元' }],
    workForRelief: false,
    labourRemunerationFen: 0,
    ...overrides,
  };
}

/** Lets notices end at once (a county parameter change, as a county administrator would make it). */
export async function noNoticeWait(env: TestEnv) {
  const admin = await env.login('county_admin');
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/params',
    headers: { cookie: admin },
    payload: { key: 'projects.noticeDays', value: 0, effectiveFrom: '2020-01-01', note: 'test' },
  });
  // 409: already set by an earlier test of the file.
  expect([200, 409]).toContain(res.statusCode);
}

/** Drives a declared village project through the whole entry procedure to 入库. */
export async function admit(env: TestEnv, id: number) {
  const cookies = {
    village: await env.login('village_officer'),
    township: await env.login('township_staff'),
    county: await env.login('county_staff'),
    dept: await env.login('dept_medical'),
  };
  const order: [keyof typeof cookies, string][] = [
    ['village', 'declaration'],
    ['village', 'villageNotice'],
    ['township', 'townshipReview'],
    ['township', 'townshipNotice'],
    ['dept', 'departmentReview'],
    ['county', 'countyApproval'],
    ['county', 'countyNotice'],
    ['county', 'announcement'],
  ];
  let p = await call(env, cookies.county, 'GET', `/api/projects/${id}`);
  for (const [who, stage] of order) {
    expect(p.entryStage).toBe(stage);
    // 乡镇审核 and 县级审定 carry an opinion (意见).
    const opinion = stage === 'townshipReview' || stage === 'countyApproval' ? { reason: '同意入库' } : {};
    p = await call(env, cookies[who], 'POST', `/api/projects/${id}/entry`, {
      action: 'complete',
      version: p.version,
      ...opinion,
    });
  }
  expect(p).toMatchObject({ entryStage: 'admitted', status: 'admitted' });
  return p;
}
