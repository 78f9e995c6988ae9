import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '#server/demo.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { loadAssistanceDemo } from '../assistance/assistance.demo.ts';
import { QINSHUI_COUNTY_CODE } from '../org/qinshui.ts';
import { loadProjectsDemo } from '../projects/demo.ts';
import { createImportService } from '../registry/import/import.service.ts';
import { DEMO_SEED, loadDemoHouseholds } from '../registry/import/demo-loader.ts';
import { loadCasesDemo } from './cases.demo.ts';

// issue #16 point 2: in the demo county (300 households, as `npm start` loads it) every open case waits where a demo
// user can act, and 东庄村's officer has a clue he can start an identification from (it failed with 409
// "该户已有识别认定在办理中" for every clue offered to him).

const env = useTestApp();

async function call(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await env.login(username);
  return env.app.inject({ method, url, headers: { cookie }, payload });
}

beforeAll(async () => {
  const s = env.services;
  await loadDemoHouseholds(s.db, createImportService(s.db, s.box, s.jobs), QINSHUI_COUNTY_CODE, 300, DEMO_SEED);
  await loadProjectsDemo(s);
  await loadAssistanceDemo(s);
  expect(await loadCasesDemo(s)).toBe(4);
}, 300_000);

describe('the demo cases', () => {
  it('each open case can be acted on by a demo user', async () => {
    const cases = (await call('county_admin', 'GET', '/api/cases?limit=200')).json().items as { id: number }[];
    expect(cases).toHaveLength(4);
    for (const c of cases) {
      const actors: string[] = [];
      for (const u of DEMO_USERS) {
        const res = await call(u.username, 'GET', `/api/cases/${c.id}`);
        if (res.statusCode === 200 && res.json().allowedActions.length > 0) actors.push(u.username);
      }
      expect(actors, `case #${c.id}`).not.toEqual([]);
    }
  });

  it('东庄村 has a clue its officer can start an identification from', async () => {
    const clues = (await call('village_officer', 'GET', '/api/clues?status=open&limit=200')).json().items as {
      id: number;
      householdId: number | null;
      activeCaseId: number | null;
    }[];
    const free = clues.filter((c) => c.householdId !== null && c.activeCaseId === null);
    expect(free).toHaveLength(1);
    const started = await call('village_officer', 'POST', '/api/cases/identifications', { clueId: free[0].id });
    expect(started.statusCode, started.body).toBe(200);
  });
});
