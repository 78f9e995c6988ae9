import { describe, expect, it } from 'vitest';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { fundChecks } from '../funds/funds.service.ts';
import { loadProjectsDemo } from './demo.ts';

const env = useTestApp();

describe('demo projects', () => {
  it('loads once: projects, allocations, a completed PV station with its asset and income', async () => {
    await loadProjectsDemo(env.services);
    await loadProjectsDemo(env.services);
    const county = await env.login('county_staff');
    const projects = (await env.app.inject({ url: '/api/projects', headers: { cookie: county } })).json();
    expect(projects).toHaveLength(5);
    const assets = (await env.app.inject({ url: '/api/assets', headers: { cookie: county } })).json();
    expect(assets).toHaveLength(5);
    const pv = assets.find((a: { photovoltaic: boolean }) => a.photovoltaic);
    expect(pv).toMatchObject({ category: 'operating', incomeFen: 9_600_000, custodian: '东庄村民委员会' });
    const checks = await fundChecks(env.services.db, '140521000000', Number(todayInChina().slice(0, 4)));
    expect(checks.checks.map((c) => c.status)).toEqual(['met', 'atRisk', 'met']);
  });
});
