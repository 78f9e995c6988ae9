import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { call, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';

// 驻村工作队 and 第一书记 on the API: the villages the county flagged and those lacking a team, a team sent, refused
// twice and with two first secretaries, attendance against the minimum (parameter, default 20 days), rotation with
// history, the work log, who may set the flags, scope, audit, and the ledger (rows = the list's members).

const env = useTestApp();

async function inject(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return env.app.inject({ method, url, headers: { cookie }, payload });
}

describe('驻村工作队', () => {
  it('lists the villages lacking a team, sends one, records attendance and the log, rotates with history', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');

    // the county flags 东庄村 (重点帮扶村) and a second village of 龙港镇 (软弱涣散村); neither has a team yet
    const all = await call(env, township, 'GET', '/api/resident-teams/villages?page=1&pageSize=5');
    const weakCode: string = all.items.find((v: { orgCode: string }) => v.orgCode !== VILLAGE).orgCode;
    const flag = async (orgCode: string, flags: object) =>
      expect((await inject(county, 'POST', `/api/resident-teams/villages/${orgCode}/flags`, flags)).statusCode).toBe(
        200,
      );
    await flag(VILLAGE, { keyVillage: true, relocationSite: false, weakParty: false });
    await flag(weakCode, { keyVillage: false, relocationSite: false, weakParty: true });
    const required = await call(env, township, 'GET', '/api/resident-teams/villages?required=true&page=1');
    expect(required.total).toBe(2);
    const lacking = await call(env, township, 'GET', '/api/resident-teams/villages?lacking=1&page=1');
    expect(lacking.items.map((v: { orgCode: string; requirements: string[] }) => [v.orgCode, v.requirements])).toEqual([
      [VILLAGE, ['keyVillage']],
      [weakCode, ['weakParty']],
    ]);
    const own = await call(env, village, 'GET', '/api/resident-teams/villages?page=1');
    expect(own.items.map((v: { orgCode: string }) => v.orgCode)).toEqual([VILLAGE]);

    // two first secretaries are refused; outside the village officer's scope is not found
    const twoSecretaries = await inject(township, 'POST', '/api/resident-teams', {
      orgCode: weakCode,
      sendingUnit: '县林业局',
      startedOn: '2025-03-01',
      members: [
        { name: '甲', role: 'firstSecretary' },
        { name: '乙', role: 'firstSecretary' },
      ],
    });
    expect(twoSecretaries.statusCode).toBe(400);
    expect(twoSecretaries.json().error.fields[0].field).toBe('members');
    await call(
      env,
      village,
      'POST',
      '/api/resident-teams',
      {
        orgCode: OTHER_VILLAGE,
        sendingUnit: '县林业局',
        startedOn: '2025-03-01',
        members: [{ name: '甲', role: 'member' }],
      },
      404,
    );

    const team = await call(env, township, 'POST', '/api/resident-teams', {
      orgCode: weakCode,
      sendingUnit: '沁水县林业局',
      startedOn: '2025-03-01',
      members: [
        { name: '钱进', role: 'firstSecretary' },
        { name: '孙立', role: 'member', unit: '沁水县水务局' },
      ],
    });
    expect(team).toMatchObject({ firstSecretary: '钱进', members: 2, endedOn: null, minDaysPerMonth: 20 });
    const after = await call(env, township, 'GET', '/api/resident-teams/villages?lacking=true&page=1');
    expect(after.items.map((v: { orgCode: string }) => v.orgCode)).toEqual([VILLAGE]);
    // a second team in the village is refused: rotate instead
    const again = await inject(township, 'POST', '/api/resident-teams', {
      orgCode: weakCode,
      sendingUnit: '县林业局',
      startedOn: '2026-01-01',
      members: [{ name: '甲', role: 'member' }],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['orgCode']);

    // attendance: February 2026 has 28 days; a month before the member came is refused; 15 days is 5 short of 20
    const [secretary, member] = team.memberList;
    const days = async (memberId: number, period: string, daysInVillage: number) =>
      inject(township, 'POST', `/api/resident-teams/${team.id}/attendance`, { memberId, period, daysInVillage });
    const feb = await days(secretary.id, '2026-02', 29);
    expect(feb.statusCode).toBe(400);
    expect(feb.json().error.fields[0].field).toBe('daysInVillage');
    expect((await days(secretary.id, '2025-01', 10)).json().error.fields[0].field).toBe('period');
    expect((await days(member.id, '2026-03', 15)).statusCode).toBe(200);
    const corrected = (await days(secretary.id, '2026-03', 22)).json();
    expect(
      corrected.attendance.map((a: { memberName: string; shortfall: number; minDays: number }) => [
        a.memberName,
        a.minDays,
        a.shortfall,
      ]),
    ).toEqual([
      ['钱进', 20, 0],
      ['孙立', 20, 5],
    ]);

    const logged = await call(env, township, 'POST', `/api/resident-teams/${team.id}/logs`, {
      loggedOn: '2026-03-10',
      content: '入户走访脱贫户8户',
    });
    expect(logged.logList).toHaveLength(1);

    // rotation: the next team may not start before the old one leaves
    const early = await inject(township, 'POST', `/api/resident-teams/${team.id}/rotate`, {
      endedOn: '2026-06-30',
      next: {
        sendingUnit: '沁水县交通局',
        startedOn: '2026-06-01',
        members: [{ name: '周全', role: 'firstSecretary' }],
      },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['next.startedOn']);
    const next = await call(env, township, 'POST', `/api/resident-teams/${team.id}/rotate`, {
      endedOn: '2026-06-30',
      endNote: '任期届满',
      next: {
        sendingUnit: '沁水县交通局',
        startedOn: '2026-07-01',
        members: [{ name: '周全', role: 'firstSecretary' }],
      },
    });
    expect(next).toMatchObject({ sendingUnit: '沁水县交通局', firstSecretary: '周全', endedOn: null });
    expect(
      next.history.map((h: { sendingUnit: string; endedOn: string | null }) => [h.sendingUnit, h.endedOn]),
    ).toEqual([
      ['沁水县交通局', null],
      ['沁水县林业局', '2026-06-30'],
    ]);
    const old = await call(env, township, 'GET', `/api/resident-teams/${team.id}`);
    expect(old.memberList.every((m: { leftOn: string | null }) => m.leftOn === '2026-06-30')).toBe(true);
    expect(old.attendance).toHaveLength(2);
    await call(
      env,
      township,
      'POST',
      `/api/resident-teams/${team.id}/logs`,
      { loggedOn: '2026-07-02', content: 'x' },
      409,
    );

    // the village officer reads only his village's teams
    const mine = await call(env, village, 'GET', '/api/resident-teams?page=1');
    expect(mine.total).toBe(0);
    await call(env, village, 'GET', `/api/resident-teams/${next.id}`, undefined, 404);

    const audit = await call(env, county, 'GET', `/api/audit?entity=resident_team&page=1&pageSize=50`);
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'attendance', 'log', 'rotate']));
  });

  it('lets only the county set the flags, and exports the teams and the villages', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const flags = { keyVillage: false, relocationSite: true, weakParty: false };
    expect(
      (await inject(township, 'POST', `/api/resident-teams/villages/${OTHER_VILLAGE}/flags`, flags)).statusCode,
    ).toBe(404);
    expect((await inject(township, 'POST', `/api/resident-teams/villages/${VILLAGE}/flags`, flags)).statusCode).toBe(
      403,
    );
    const set = await inject(county, 'POST', `/api/resident-teams/villages/${OTHER_VILLAGE}/flags`, flags);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ orgCode: OTHER_VILLAGE, relocationSite: true, lacking: true });

    const list = await call(env, county, 'GET', '/api/resident-teams?status=active&page=1&pageSize=200');
    // The county's code filters by what lies beneath it (not as a raw 12-digit prefix).
    const byCounty = await call(
      env,
      county,
      'GET',
      `/api/resident-teams?status=active&page=1&orgCode=${VILLAGE.slice(0, 6)}000000`,
    );
    expect(byCounty.total).toBe(list.total);
    const res = await inject(county, 'GET', '/api/resident-teams/export.xlsx?status=active');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [teams, attendance, villages] = book.worksheets;
    expect(attendance.getRow(2).getCell(5).value).toBe('在村天数');
    expect(teams.getRow(2).getCell(6).value).toBe('姓名');
    const memberCount = list.items.reduce((n: number, t: { members: number }) => n + t.members, 0);
    expect(teams.rowCount - 2).toBe(memberCount);
    const required = await call(env, county, 'GET', '/api/resident-teams/villages?required=1&page=1');
    expect(villages.rowCount - 2).toBe(required.total);
  });
});
