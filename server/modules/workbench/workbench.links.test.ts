import { describe, expect, it } from 'vitest';
import { workbenchResponse, type WorkbenchItem } from '#common/contracts/workbench.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { projectBody } from '../projects/projects.test-support.ts';

// Each workbench card links to a list whose total is the card's count (one query for both).

const env = useTestApp();
const cookies = new Map<string, string>();
async function get(user: string, url: string) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  const res = await env.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(user)! } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function item(user: string, kind: WorkbenchItem['kind']) {
  return workbenchResponse.parse(await get(user, '/api/workbench')).items.find((i) => i.kind === kind);
}
const monthsAgo = (n: number) => {
  const [y, m] = todayInChina().split('-').map(Number);
  const idx = y * 12 + (m - 1) - n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
};
let seq = 0;
async function monitored(identifiedMonthsAgo: number) {
  seq += 1;
  return createMonitoredHousehold(
    env,
    householdRequest({
      householdNo: `1405211002018${String(seq).padStart(3, '0')}`,
      monitoringType: 'edge',
      identificationPeriod: monthsAgo(identifiedMonthsAgo),
      riskTypes: ['illness'],
    }),
  );
}

describe('监测满 N 个月的户: the registry filter the card links to', () => {
  it('lists monitored households of at least N months (N from workflow.minMonthsBeforeElimination); the count is its total', async () => {
    const h5 = await monitored(5);
    const h6 = await monitored(6);
    const h12 = await monitored(12);
    for (const user of ['village_officer', 'township_staff']) {
      const card = await item(user, 'eliminationsDue');
      expect(card?.link).toBe('/registry?monitoringStatus=monitored&monitoredMonths=6');
      expect(card?.labelZh).toBe('监测满6个月的户');
      const list = await get(
        user,
        `/api/registry/households?monitoringStatus=monitored&monitoredMonths=6&pageSize=200`,
      );
      expect(card?.count).toBe(list.total);
      const ids = list.items.map((h: { id: number }) => h.id);
      expect(ids).toContain(h6.id);
      expect(ids).toContain(h12.id);
      expect(ids).not.toContain(h5.id);
      const all = await get(user, '/api/registry/households?monitoringStatus=monitored&pageSize=1');
      expect(all.total).toBeGreaterThan(list.total);
    }
  });

  it('refuses a month count that is not a positive whole number (400, not 500)', async () => {
    const admin = await env.login('county_admin');
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/registry/households?monitoredMonths=-1',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('未结对的监测户: the unpaired list the card links to', () => {
  it('lists exactly the monitored households without an active pairing; the count is its total', async () => {
    const a = await monitored(2);
    const b = await monitored(3);
    const cadres = await get('county_admin', '/api/assistance/cadres');
    const admin = await env.login('county_admin');
    const pair = await env.app.inject({
      method: 'POST',
      url: '/api/assistance/pairings',
      headers: { cookie: admin },
      payload: {
        householdId: b.id,
        cadreUserId: cadres[0].id,
        unit: '县农业农村局',
        phone: null,
        startOn: todayInChina(),
      },
    });
    expect(pair.statusCode, pair.body).toBe(200);
    for (const user of ['county_admin', 'township_staff']) {
      const card = await item(user, 'unpairedMonitored');
      expect(card?.link).toBe('/assistance/pairings?unpaired=1');
      const list = await get(user, '/api/assistance/unpaired');
      expect(card?.count).toBe(list.total);
      expect(list.items).toHaveLength(list.total);
      const ids = list.items.map((h: { householdId: number }) => h.householdId);
      expect(ids).toContain(a.id);
      expect(ids).not.toContain(b.id);
    }
  });
});

describe('项目库待办理: projects waiting at a step of the user’s role', () => {
  it('counts what /api/projects?mine=true lists, by role and unit level', async () => {
    const village = await env.login('village_officer');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { cookie: village },
      payload: projectBody({ name: '东庄村待申报项目' }),
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    for (const user of ['village_officer', 'township_staff', 'county_staff']) {
      const mine = await get(user, '/api/projects?mine=true');
      const card = await item(user, 'projectsWaiting');
      expect(card?.count ?? 0).toBe(mine.length);
      if (card) expect(card.link).toBe('/projects?mine=1');
      expect(mine.every((p: { canAct: boolean }) => p.canAct)).toBe(true);
      // At 村级申报 the village officer acts, not the township or the county.
      expect(mine.some((p: { id: number }) => p.id === id)).toBe(user === 'village_officer');
    }
  });
});
