import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { competitionRanks } from '#common/domain/village-points/rules.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest, makeIdNumber, memberInput } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { call, decidedDeliberation, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';
import { loadVillagePointsDemo } from './village-points.demo.ts';

// 积分制 (issue 15 item 5) through the HTTP API: items adopted by a decided 四议两公开 of the village, awards to the
// village's households, redemptions never below zero, the ranking per village (equal points share a rank, as the pure
// rule), scope (404), field errors (400), audit and the ledger.

const env = useTestApp();

async function fieldsOf(cookie: string, url: string, payload: object): Promise<string[]> {
  const res = await env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  expect(res.statusCode, res.body).toBe(400);
  return (res.json().error.fields as { field: string }[]).map((f) => f.field);
}

describe('积分制', () => {
  it('items by 四议两公开, awards, redemptions not below zero, ranking, scope, audit, ledger', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');
    const county = await env.login('county_admin');
    const today = todayInChina();
    const year = Number(today.slice(0, 4));

    const decidedId = await decidedDeliberation(env, village, VILLAGE, 'other', '东庄村积分制管理办法');
    const pending = await call(env, village, 'POST', '/api/deliberations', {
      villageCode: VILLAGE,
      subject: '积分制修订（未表决）',
      purpose: 'other',
    });
    const item = (over: object = {}) => ({
      orgCode: VILLAGE,
      deliberationId: decidedId,
      name: '庭院整洁',
      category: 'environment',
      points: 5,
      ...over,
    });
    expect(await fieldsOf(village, '/api/village-points/rules', item({ deliberationId: pending.id }))).toEqual([
      'deliberationId',
    ]);
    expect(await fieldsOf(village, '/api/village-points/rules', item({ points: -5 }))).toEqual(['points']);
    expect(
      await fieldsOf(village, '/api/village-points/rules', { orgCode: 'x', name: '', category: 'fun', points: 1.5 }),
    ).toEqual(expect.arrayContaining(['orgCode', 'deliberationId', 'name', 'category', 'points']));
    await call(env, village, 'POST', '/api/village-points/rules', item({ orgCode: OTHER_VILLAGE }), 404);
    const tidy = await call(env, village, 'POST', '/api/village-points/rules', item());
    const care = await call(
      env,
      township,
      'POST',
      '/api/village-points/rules',
      item({ name: '孝老爱亲', category: 'filialPiety', points: 10 }),
    );
    const litter = await call(
      env,
      village,
      'POST',
      '/api/village-points/rules',
      item({ name: '乱倒垃圾', category: 'violation', points: -3 }),
    );
    expect(tidy).toMatchObject({ deliberationSubject: '东庄村积分制管理办法', awards: 0 });

    const make = (name: string, birth: string) =>
      call(
        env,
        village,
        'POST',
        '/api/registry/households',
        householdRequest({ members: [memberInput({ name, idNumber: makeIdNumber(birth, 'male') })] }),
      );
    const [a, b, c] = [
      await make('积分甲', '1960-01-02'),
      await make('积分乙', '1961-01-02'),
      await make('积分丙', '1962-01-02'),
    ];
    const award = (householdId: number, ruleId: number, over: object = {}) =>
      call(env, village, 'POST', '/api/village-points/awards', {
        householdId,
        ruleId,
        awardedOn: today,
        reason: '月度评定',
        ...over,
      });
    await award(a.id, care.id);
    await award(a.id, litter.id);
    await award(b.id, tidy.id);
    await award(b.id, tidy.id);
    const last = await award(c.id, care.id);
    expect(last).toMatchObject({ earned: 10, spent: 0, balance: 10 });
    expect(
      await fieldsOf(village, '/api/village-points/awards', {
        householdId: a.id,
        ruleId: tidy.id,
        awardedOn: '2999-01-01',
        reason: 'x',
      }),
    ).toEqual(['awardedOn']);
    expect(
      await fieldsOf(village, '/api/village-points/awards', {
        householdId: a.id,
        ruleId: tidy.id,
        awardedOn: today,
        reason: '',
      }),
    ).toEqual(['reason']);

    // redemptions: the balance (a: 10 - 3 = 7) is never taken below zero
    expect(
      await fieldsOf(village, '/api/village-points/redemptions', {
        householdId: a.id,
        goods: '洗衣粉',
        points: 8,
        redeemedOn: today,
      }),
    ).toEqual(['points']);
    const spent = await call(env, village, 'POST', '/api/village-points/redemptions', {
      householdId: a.id,
      goods: '洗衣粉',
      quantity: 1,
      points: 7,
      redeemedOn: today,
    });
    expect(spent).toMatchObject({ earned: 7, spent: 7, balance: 0 });
    expect(
      await fieldsOf(village, '/api/village-points/redemptions', {
        householdId: a.id,
        goods: '香皂',
        points: 1,
        redeemedOn: today,
      }),
    ).toEqual(['points']);
    expect(await call(env, village, 'GET', `/api/village-points/households/${a.id}`)).toMatchObject({ balance: 0 });

    // ranking: b 10, c 10, a 7 → 1, 1, 3 (as the pure rule)
    const ranking = await call(env, township, 'GET', `/api/village-points/ranking?orgCode=${VILLAGE}&year=${year}`);
    expect(ranking.items.map((r: { householdId: number }) => r.householdId).slice(2)).toEqual([a.id]);
    const earned = ranking.items.map((r: { earned: number }) => r.earned);
    expect(earned).toEqual([10, 10, 7]);
    expect(ranking.items.map((r: { rank: number }) => r.rank)).toEqual(competitionRanks(earned));
    expect(ranking.items[2]).toMatchObject({ balance: 0 });

    // scope: another township sees none of it
    const otherVillageRule = await call(env, county, 'POST', '/api/village-points/rules', {
      ...item({
        orgCode: OTHER_VILLAGE,
        deliberationId: await decidedDeliberation(env, county, OTHER_VILLAGE, 'other', '他村积分制'),
      }),
    });
    expect(
      await fieldsOf(county, '/api/village-points/awards', {
        householdId: a.id,
        ruleId: otherVillageRule.id,
        awardedOn: today,
        reason: 'x',
      }),
    ).toEqual(['householdId']);
    await call(
      env,
      village,
      'POST',
      '/api/village-points/awards',
      { householdId: a.id, ruleId: otherVillageRule.id, awardedOn: today, reason: 'x' },
      404,
    );
    const mine = await call(env, village, 'GET', '/api/village-points/rules?page=1&pageSize=200');
    expect(mine.items.every((r: { orgCode: string }) => r.orgCode === VILLAGE)).toBe(true);
    const awards = await call(env, village, 'GET', `/api/village-points/awards?householdId=${b.id}&page=1`);
    expect(awards.total).toBe(2);
    const bad = await env.app.inject({ url: '/api/village-points/awards?sort=reason', headers: { cookie: village } });
    expect(bad.statusCode).toBe(400);

    const audit = await call(env, county, 'GET', '/api/audit?entity=points&page=1&pageSize=50');
    expect(audit.items.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['award', 'redeem']));

    const res = await env.app.inject({
      url: `/api/village-points/export.xlsx?orgCode=${VILLAGE}`,
      headers: { cookie: township },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [rules, awardSheet, redemptions, rank] = book.worksheets;
    expect(rules.getRow(2).getCell(3).value).toBe('积分项目');
    expect(rules.rowCount - 2).toBe(3);
    expect(awardSheet.rowCount - 2).toBe(5);
    expect(redemptions.rowCount - 2).toBe(1);
    expect(rank.getRow(3).getCell(2).value).toBe(1);
  });
});

describe('积分制 on the cockpit', () => {
  it('counts villages with an item adopted by a decided 四议两公开 (1/0 a village), summed to township and county', async () => {
    const county = await env.login('county_admin');
    const year = Number(todayInChina().slice(0, 4));
    const CODE = 'POINTS_VILLAGES_N';
    type Cockpit = {
      indicators: { code: string; value: number | null; trend: { period: string; value: number | null }[] }[];
      children: { code: string; cells: Record<string, { value: number | null }> }[];
    };
    const cockpit = async (org: string) =>
      (await call(env, county, 'GET', `/api/indicators/cockpit?org=${org}&period=${year}-12`)) as Cockpit;
    // 东庄村's items (the test above) were adopted by a record whose resolution was published on 2026-03-09, and one
    // item of a 嘉峰镇 village by another; 龙港镇's second village has a decided record but no item
    const bare = '140521100202';
    await decidedDeliberation(env, county, bare, 'other', '东庄村以外某村议事');
    const ofCounty = await cockpit('140521000000');
    const ofTownship = await cockpit('140521100000');
    const own = (c: Cockpit) => c.indicators.find((i) => i.code === CODE)!;
    const child = (c: Cockpit, org: string) => c.children.find((u) => u.code === org)!.cells[CODE].value;
    expect(child(ofTownship, VILLAGE)).toBe(1);
    expect(child(ofTownship, bare)).toBe(0);
    expect(own(ofTownship).value).toBe(1);
    expect(child(ofCounty, '140521104000')).toBe(1);
    expect(own(ofCounty).value).toBe(2);
    // before the resolution was published nobody used the items
    expect(own(ofCounty).trend.find((p) => p.period === '2025')?.value).toBe(0);
  });
});

describe('积分制 demo', () => {
  it('loads once in 东庄村 (items by a decided 四议两公开, awards, a redemption)', async () => {
    const { db, villagePoints, deliberation } = env.services;
    const county = await env.login('county_admin');
    for (const t of ['points_redemption', 'points_award', 'points_rule']) await db.execute(`DELETE FROM ${t}`);
    for (let i = 0; i < 4; i++)
      await call(
        env,
        county,
        'POST',
        '/api/registry/households',
        householdRequest({
          members: [memberInput({ name: `演示户${i}`, idNumber: makeIdNumber(`198${i}-03-04`, 'female') })],
        }),
      );
    await loadVillagePointsDemo({ db, villagePoints, deliberation });
    await loadVillagePointsDemo({ db, villagePoints, deliberation });
    expect((await call(env, county, 'GET', '/api/village-points/rules?page=1')).total).toBe(5);
    expect((await call(env, county, 'GET', '/api/village-points/redemptions?page=1')).total).toBe(1);
    const ranking = await call(env, county, 'GET', `/api/village-points/ranking?orgCode=${VILLAGE}`);
    expect(ranking.items.length).toBeGreaterThanOrEqual(4);
  });
});
