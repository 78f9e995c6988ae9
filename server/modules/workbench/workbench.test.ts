import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { workbenchResponse, type WorkbenchKind, type WorkbenchResponse } from '#common/contracts/workbench.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { createWorkbenchService } from './workbench.service.ts';

const env = useTestApp();

const USERS = [
  'county_admin',
  'county_staff',
  'township_staff',
  'village_officer',
  'dept_medical',
  'cadre',
  'auditor',
] as const;
type User = (typeof USERS)[number];
const cookies = new Map<string, string>();
async function get(user: User, url: string) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  return env.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(user)! } });
}
async function post(user: User, url: string, payload: object) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  const res = await env.app.inject({ method: 'POST', url, headers: { cookie: cookies.get(user)! }, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const day = (offset: number) =>
  new Date(Date.parse(todayInChina() + 'T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
async function workbench(user: User): Promise<WorkbenchResponse> {
  const res = await get(user, '/api/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return workbenchResponse.parse(res.json());
}
const count = (w: WorkbenchResponse, kind: WorkbenchKind) =>
  w.items.filter((i) => i.kind === kind).reduce((n, i) => n + i.count, 0);

const monthsAgo = (n: number) => {
  const [y, m] = todayInChina().split('-').map(Number);
  const idx = y * 12 + (m - 1) - n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
};
let seq = 0;
/** A household monitored for seven months, no measure and no cadre: it counts as elimination-ready, missed, unpaired. */
async function monitoredIn(villageCode: string) {
  seq += 1;
  return createMonitoredHousehold(
    env,
    householdRequest({
      villageCode,
      householdNo: `${villageCode}9${String(seq).padStart(3, '0')}`,
      monitoringType: 'edge',
      identificationPeriod: monthsAgo(7),
      riskTypes: ['illness'],
    }),
  );
}

/** What each role may be shown: nothing outside its permissions. */
const ALLOWED: Record<User, readonly WorkbenchKind[]> = {
  county_admin: [
    'casesOverdue',
    'casesNearDue',
    'casesAtMyStage',
    'cluesToVerify',
    'eliminationsDue',
    'reviewsPending',
    'unpairedMonitored',
    'obligationsMissed',
    'indicatorsToFill',
    'indicatorsToApprove',
    'projectsWaiting',
  ],
  county_staff: [
    'casesOverdue',
    'casesNearDue',
    'casesAtMyStage',
    'cluesToVerify',
    'eliminationsDue',
    'reviewsPending',
    'unpairedMonitored',
    'obligationsMissed',
    'indicatorsToFill',
    'indicatorsToApprove',
    'projectsWaiting',
  ],
  township_staff: [
    'casesOverdue',
    'casesNearDue',
    'casesAtMyStage',
    'cluesToVerify',
    'eliminationsDue',
    'reviewsPending',
    'unpairedMonitored',
    'obligationsMissed',
    'indicatorsToFill',
    'indicatorsToApprove',
    'projectsWaiting',
  ],
  village_officer: [
    'casesOverdue',
    'casesNearDue',
    'casesAtMyStage',
    'cluesToVerify',
    'eliminationsDue',
    'obligationsMissed',
    'indicatorsToFill',
    'projectsWaiting',
  ],
  dept_medical: ['feedsToSend', 'projectsWaiting'],
  cadre: ['visitsDue', 'obligationsMissed', 'pairedHouseholds'],
  auditor: ['casesOverdue', 'casesNearDue', 'cluesToVerify', 'obligationsMissed'],
};

describe('GET /api/workbench', () => {
  it('answers every demo user with items of his role only, counted, most urgent first', async () => {
    const rank = { overdue: 0, near: 1, normal: 2 };
    for (const user of USERS) {
      const w = await workbench(user);
      expect(w.asOf).toBe(todayInChina());
      for (const item of w.items) {
        expect(ALLOWED[user], `${user}: ${item.kind}`).toContain(item.kind);
        expect(item.count).toBeGreaterThan(0);
        expect(item.link.startsWith('/')).toBe(true);
        expect(item.labelZh).not.toMatch(/[A-Za-z]{3,}/);
      }
      const ranks = w.items.map((i) => rank[i.severity]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('refuses a request without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/workbench' });
    expect(res.statusCode).toBe(401);
  });

  it('counts the cases time limits exactly as /api/cases/due does', async () => {
    for (const user of ['county_admin', 'township_staff', 'village_officer', 'auditor'] as const) {
      const due = (await get(user, '/api/cases/due')).json() as { groups: { overdue: number; nearDue: number }[] };
      const w = await workbench(user);
      expect(count(w, 'casesOverdue'), user).toBe(due.groups.reduce((n, g) => n + g.overdue, 0));
      expect(count(w, 'casesNearDue'), user).toBe(due.groups.reduce((n, g) => n + g.nearDue, 0));
    }
  });

  it('gives the cadre his paired households, the department its feeds, nobody else either', async () => {
    const cadre = await workbench('cadre');
    const space = (await get('cadre', '/api/assistance/workspace')).json() as { households: unknown[] };
    expect(count(cadre, 'pairedHouseholds')).toBe(space.households.length);
    expect((await workbench('county_admin')).items.some((i) => i.kind === 'pairedHouseholds')).toBe(false);
    const dept = await workbench('dept_medical');
    expect(dept.items.map((i) => i.kind)).toEqual(['feedsToSend']);
    expect((await workbench('county_staff')).items.some((i) => i.kind === 'feedsToSend')).toBe(false);
  });
});

describe('scope: every count is the actor’s own unit and below', () => {
  const KINDS = ['eliminationsDue', 'obligationsMissed', 'unpairedMonitored'] as const;
  async function snapshot() {
    const out = {} as Record<'county_admin' | 'township_staff' | 'village_officer', Record<string, number>>;
    for (const user of ['county_admin', 'township_staff', 'village_officer'] as const) {
      const w = await workbench(user);
      out[user] = Object.fromEntries(KINDS.map((k) => [k, count(w, k)]));
    }
    return out;
  }

  it('a village officer never counts another village’s households, a township never another township’s', async () => {
    const before = await snapshot();
    await monitoredIn('140521100202'); // same township (龙港镇), another village
    await monitoredIn('140521104201'); // another township
    const after = await snapshot();
    expect(after.village_officer).toEqual(before.village_officer);
    for (const k of KINDS) {
      expect(after.county_admin[k] - before.county_admin[k], `county ${k}`).toBe(2);
      expect(after.township_staff[k] - before.township_staff[k], `township ${k}`).toBe(1);
    }
    // The village officer's own village counts (he does not pair cadres: no unpaired item).
    await monitoredIn('140521100201');
    const own = await snapshot();
    expect(own.village_officer.eliminationsDue - after.village_officer.eliminationsDue).toBe(1);
    expect(own.village_officer.obligationsMissed - after.village_officer.obligationsMissed).toBe(1);
    expect(own.village_officer.unpairedMonitored).toBe(0);
  });
});

describe('scope of clues and cases', () => {
  const KINDS = ['cluesToVerify', 'casesOverdue', 'casesAtMyStage'] as const;
  async function snapshot() {
    const out = {} as Record<'county_admin' | 'township_staff' | 'village_officer', Record<string, number>>;
    for (const user of ['county_admin', 'township_staff', 'village_officer'] as const) {
      const w = await workbench(user);
      out[user] = Object.fromEntries(KINDS.map((k) => [k, count(w, k)]));
    }
    return out;
  }

  it('a clue and an overdue case in another village never reach the village officer’s counts', async () => {
    const h = await post(
      'county_staff',
      '/api/registry/households',
      householdRequest({ villageCode: '140521100202', householdNo: '1405211002029901' }),
    );
    const before = await snapshot();
    const apply = await post('county_staff', '/api/clues/applications', {
      householdId: h.id,
      reason: '因病支出大，生活困难',
      riskTypes: ['illness'],
      consent: { signed: true, signedOn: day(-20), signer: '王建', method: 'signature' },
    });
    const clueId = apply.clueIds[0] as number;
    const withClue = await snapshot();
    expect(withClue.village_officer).toEqual(before.village_officer);
    expect(withClue.township_staff.cluesToVerify - before.township_staff.cluesToVerify).toBe(1);
    expect(withClue.county_admin.cluesToVerify - before.county_admin.cluesToVerify).toBe(1);
    // Found 20 days ago, taken up by the township: past the 15-day limit, at 入户核实 (the village's stage).
    await env.services.db.execute(
      sql`UPDATE clue SET opened_at = (${day(-20)}::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE id = ${clueId}`,
    );
    await post('township_staff', '/api/cases/identifications', { clueId });
    const withCase = await snapshot();
    expect(withCase.village_officer).toEqual(before.village_officer);
    expect(withCase.township_staff.casesOverdue - before.township_staff.casesOverdue).toBe(1);
    expect(withCase.county_admin.casesOverdue - before.county_admin.casesOverdue).toBe(1);
    // 入户核实 is the village's stage: not the township's nor the county's to act on.
    expect(withCase.township_staff.casesAtMyStage).toBe(before.township_staff.casesAtMyStage);
  });
});

describe('forms and feeds', () => {
  it('counts indicator forms as the approvals board shows them', async () => {
    const defs = (await get('village_officer', '/api/indicators/definitions')).json() as {
      dataSets: { code: string; periodType: string; entryLevel: string }[];
    };
    const w = await workbench('village_officer');
    for (const ds of defs.dataSets.filter((d) => d.entryLevel === 'village')) {
      const period = ds.periodType === 'yearly' ? String(Number(todayInChina().slice(0, 4)) - 1) : monthsAgo(1);
      const rows = (
        await get('village_officer', `/api/indicators/approvals?dataSet=${ds.code}&period=${period}`)
      ).json() as { status: string }[];
      const item = w.items.find((i) => i.kind === 'indicatorsToFill' && i.link.includes(`dataSet=${ds.code}&`));
      expect(item?.count ?? 0, ds.code).toBe(rows.filter((r) => r.status === 'open').length);
    }
  });

  it('asks the department for the months of its window without a batch, in China time', async () => {
    // 2026-11-30 16:30 UTC is already 1 December in the county: the window is December back to October.
    const clock = () => new Date('2026-11-30T16:30:00Z');
    const services = createWorkbenchService({ ...env.services, clock });
    const actor = {
      id: 0,
      username: 'dept_medical',
      displayName: '县医保局数据员',
      role: 'department' as const,
      orgCode: '140521000000',
      orgName: '沁水县',
      feedSource: 'medical',
      scopePrefix: '140521',
    };
    const ctx = { actor } as Parameters<typeof services.get>[0];
    const w = await services.get(ctx);
    expect(w.asOf).toBe('2026-12-01');
    const hint = w.items.find((i) => i.kind === 'feedsToSend')?.hintZh ?? '';
    expect(hint).toContain('2026-12');
    expect(hint).not.toContain('2026-09');
  });

  it('drops a month from the feeds item once a batch of the source arrives', async () => {
    const before = count(await workbench('dept_medical'), 'feedsToSend');
    await env.services.db.execute(
      sql`INSERT INTO feed_batch (county_code, source, file_name, content_hash, record_count, new_count, matched_count, unmatched_count, org_code)
          VALUES ('140521000000', 'medical', 'test.xlsx', ${'f'.repeat(64)}, 0, 0, 0, 0, '140521000000')`,
    );
    const after = await workbench('dept_medical');
    expect(count(after, 'feedsToSend')).toBe(before - 1);
    // Another source's batch does not count for 医保.
    await env.services.db.execute(
      sql`INSERT INTO feed_batch (county_code, source, file_name, content_hash, record_count, new_count, matched_count, unmatched_count, org_code, created_at)
          VALUES ('140521000000', 'education', 'e.xlsx', ${'e'.repeat(64)}, 0, 0, 0, 0, '140521000000', now() - interval '1 month')`,
    );
    expect(count(await workbench('dept_medical'), 'feedsToSend')).toBe(count(after, 'feedsToSend'));
  });
});
