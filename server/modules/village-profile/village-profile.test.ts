import { describe, expect, it } from 'vitest';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { call, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';

// 村情 (the cockpit's village view): every village programme's section, read from the module that owns it; scope,
// a village only, no future year.

const env = useTestApp();

describe('村情 (cockpit village view)', () => {
  it('shows each programme of the village, flags a required team that is missing, and keeps to scope', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');
    const profile = (cookie: string, org: string, status = 200, extra = '') =>
      call(env, cookie, 'GET', `/api/village-profile?org=${org}${extra}`, undefined, status);

    const empty = await profile(village, VILLAGE);
    expect(empty.sections.map((s: { key: string }) => s.key)).toEqual([
      'keyVillage',
      'residentTeam',
      'socialPairing',
      'collective',
      'consumer',
      'points',
      'petitions',
    ]);

    const fact = (p: typeof empty, section: string, key: string) =>
      p.sections.find((s: { key: string }) => s.key === section).facts.find((f: { key: string }) => f.key === key);
    expect(fact(empty, 'residentTeam', 'team')).toMatchObject({ value: null });
    // nothing received this year: a 零上访村
    expect(fact(empty, 'petitions', 'zero')).toMatchObject({ value: '是', tone: 'ok' });

    // the county requires a team (重点帮扶村): missing is a warning; once sent, the team and its 第一书记 show
    await call(env, county, 'POST', `/api/resident-teams/villages/${VILLAGE}/flags`, {
      keyVillage: true,
      relocationSite: false,
      weakParty: false,
    });
    const required = await profile(township, VILLAGE);
    expect(fact(required, 'residentTeam', 'team')).toMatchObject({ value: null, tone: 'warn' });
    expect(fact(required, 'residentTeam', 'required').value).toBe('重点帮扶村');
    await call(env, township, 'POST', '/api/resident-teams', {
      orgCode: VILLAGE,
      sendingUnit: '沁水县林业局',
      startedOn: '2025-03-01',
      members: [
        { name: '钱进', role: 'firstSecretary' },
        { name: '孙立', role: 'member' },
      ],
    });
    const sent = await profile(township, VILLAGE);
    expect(fact(sent, 'residentTeam', 'team').value).toContain('沁水县林业局');
    expect(fact(sent, 'residentTeam', 'team').tone).toBeUndefined();
    expect(fact(sent, 'residentTeam', 'firstSecretary').value).toBe('钱进');
    expect(fact(sent, 'residentTeam', 'members').value).toBe(2);
    // a past year reads the state at its last day: the team did not exist at the end of 2024
    const past = await profile(township, VILLAGE, 200, '&year=2024');
    expect(past.year).toBe(2024);
    expect(fact(past, 'residentTeam', 'team').value).toBeNull();

    // a 信访 received today: no longer a 零上访村, one open
    await call(env, township, 'POST', '/api/petitions', {
      orgCode: VILLAGE,
      kind: 'petition',
      source: 'letter',
      level: 'ordinary',
      receivedOn: todayInChina(),
      title: '反映低保评定不公',
      summary: '来信反映邻居家庭条件较好却享受低保。',
    });
    const petitioned = await profile(township, VILLAGE);
    expect(fact(petitioned, 'petitions', 'zero')).toMatchObject({ value: '否', tone: 'warn' });
    expect(fact(petitioned, 'petitions', 'open').value).toBe(1);

    // the county's key-village decision naming the village: the decision in force says so
    await call(env, county, 'POST', '/api/key-villages/decisions', {
      year: 2026,
      docNo: '沁乡振发〔2026〕1号',
      decidedOn: '2026-01-10',
      keyVillages: [VILLAGE],
      demoVillages: [],
    });
    const decided = await profile(village, VILLAGE, 200, '&year=2026');
    expect(fact(decided, 'keyVillage', 'status').value).toBe('重点帮扶村');
    expect(fact(decided, 'keyVillage', 'decision').value).toContain('沁乡振发〔2026〕1号');

    // scope: another village is not found for the village officer; a township or a future year is a field error
    await profile(village, OTHER_VILLAGE, 404);
    const town = await env.app.inject({
      method: 'GET',
      url: `/api/village-profile?org=${VILLAGE.slice(0, 9)}000`,
      headers: { cookie: township },
    });
    expect(town.statusCode).toBe(400);
    expect(town.json().error.fields[0].field).toBe('org');
    await profile(township, VILLAGE, 400, '&year=2999');
  });
});
