import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';
import { loadKeyVillagesDemo } from './key-villages.demo.ts';

// 重点帮扶村 and 示范村 (issue 15 item 1) through the HTTP API: the sheet from the registry's 脱贫人口, the collective
// income and the county's hand scores, ranked county-wide; the county's decision (文号, date, history) writes the
// indicators' KEY_VILLAGE / DEMO_VILLAGE groups and the resident teams' 重点帮扶村 flags, apart from the 5G target's
// 重点行政村; scope, field errors, audit, export = list.

const env = useTestApp();
const YEAR = 2025;
const SECOND = '140521100202'; // 龙港镇's second village

async function send(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200) {
  const res = await env.app.inject({ method, url, headers: { cookie }, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

const scores = (location: number, publicService: number, infrastructure: number, resources: number) => ({
  location,
  publicService,
  infrastructure,
  resources,
});
type Row = { orgCode: string; rank: number | null; score: number | null; decided: string | null; missing: string[] };

describe('重点帮扶村 scoring sheet and decision', () => {
  it('scores from the registry, the collective income and the county, ranks, decides, writes the groups and flags', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');

    // 脱贫人口: a three-person 脱贫户 in 东庄村; collective income: 东庄村 poor, the second village well off
    await send(
      village,
      'POST',
      '/api/registry/households',
      householdRequest({ kind: 'alleviated', alleviatedAttribute: 'general' }),
    );
    const income = (yuan: number) => ({
      assetFen: yuan * 100,
      photovoltaicFen: 0,
      landFen: 0,
      operationsFen: 0,
      otherFen: 0,
    });
    await send(township, 'PUT', `/api/collective-economy/villages/${VILLAGE}/${YEAR}`, income(10_000));
    await send(township, 'PUT', `/api/collective-economy/villages/${SECOND}/${YEAR}`, income(300_000));
    // the county scores both by hand (0–100, higher = better conditions)
    const east = await send(county, 'PUT', `/api/key-villages/scores/${VILLAGE}/${YEAR}`, {
      ...scores(20, 30, 40, 10),
      note: '山区',
    });
    expect(east.facts).toMatchObject({ alleviatedPopulation: 3, collectiveIncome: 1_000_000, location: 20 });
    expect(east.needs).toMatchObject({ alleviatedPopulation: 100, collectiveIncome: 100, location: 80, resources: 90 });
    await send(county, 'PUT', `/api/key-villages/scores/${SECOND}/${YEAR}`, scores(90, 90, 90, 90));
    // re-scoring updates in place (audited before/after)
    await send(county, 'PUT', `/api/key-villages/scores/${SECOND}/${YEAR}`, scores(90, 90, 90, 80));

    const list = await send(township, 'GET', `/api/key-villages?year=${YEAR}&page=1&pageSize=200`);
    expect(list.weights.map((w: { weight: number }) => w.weight)).toEqual([0.25, 0.2, 0.15, 0.15, 0.15, 0.1]);
    expect(list.weights.every((w: { notFound: boolean }) => w.notFound)).toBe(true);
    expect(list.countyVillages).toBeGreaterThan(list.total);
    expect(list.items.every((r: Row) => r.orgCode.startsWith('140521100'))).toBe(true);
    const first: Row = list.items[0];
    // 东庄村: every factor at full need except the hand scores → the county's first
    expect(first).toMatchObject({ orgCode: VILLAGE, rank: 1, missing: [] });
    expect(first.score).toBeCloseTo((0.25 * 100 + 0.2 * 100 + 0.15 * 80 + 0.15 * 70 + 0.15 * 60 + 0.1 * 90) / 1, 2);
    const second = list.items.find((r: Row) => r.orgCode === SECOND);
    expect(second.missing).toEqual([]);
    expect(second.rank).toBeGreaterThan(1);
    // an unscored village has the computed factors only and says what is missing
    const other = list.items.find((r: Row) => r.orgCode !== VILLAGE && r.orgCode !== SECOND);
    expect(other.missing).toEqual(['collectiveIncome', 'location', 'publicService', 'infrastructure', 'resources']);
    const unscored = await send(township, 'GET', `/api/key-villages?year=${YEAR}&status=unscored&page=1`);
    expect(unscored.total).toBe(list.total - 2);

    // the county decides: 东庄村 重点帮扶村, the second village 示范村
    const decided = await send(county, 'POST', '/api/key-villages/decisions', {
      year: YEAR,
      docNo: `沁乡振发〔${YEAR}〕3号`,
      decidedOn: `${YEAR}-04-01`,
      keyVillages: [VILLAGE, OTHER_VILLAGE],
      demoVillages: [SECOND],
    });
    expect(decided).toMatchObject({ inForce: true, keyCount: 2, demoCount: 1 });
    expect(decided.villages.find((v: { orgCode: string }) => v.orgCode === VILLAGE)).toMatchObject({
      kind: 'key',
      rank: 1,
    });
    // the indicators' groups follow; the 5G target's 重点行政村 is another group, untouched
    const groups = await send(county, 'GET', '/api/indicators/groups');
    const members = (code: string) =>
      groups.find((g: { code: string }) => g.code === code).members.map((m: { code: string }) => m.code);
    expect(members('KEY_VILLAGE')).toEqual([VILLAGE, OTHER_VILLAGE]);
    expect(members('DEMO_VILLAGE')).toEqual([SECOND]);
    expect(members('KEY_ADMIN_VILLAGE').length).toBeGreaterThan(0);
    const targets = await send(county, 'GET', '/api/indicators/targets');
    const fiveG = targets.filter((t: { indicator: string }) => t.indicator === 'VILLAGE_5G_SHARE');
    expect(fiveG.map((t: { scopeLabel: string }) => t.scopeLabel)).toEqual(['重点行政村']);
    // the township sees its own members only
    const townshipGroups = await send(township, 'GET', '/api/indicators/groups');
    expect(townshipGroups.find((g: { code: string }) => g.code === 'KEY_VILLAGE').members).toEqual([
      { code: VILLAGE, name: '东庄村' },
    ]);
    // the resident teams read 重点帮扶村 from the decision
    const flagged = await send(county, 'GET', '/api/resident-teams/villages?required=true&page=1&pageSize=50');
    expect(
      flagged.items.filter((v: { keyVillage: boolean }) => v.keyVillage).map((v: { orgCode: string }) => v.orgCode),
    ).toEqual([VILLAGE, OTHER_VILLAGE]);
    const after = await send(township, 'GET', `/api/key-villages?year=${YEAR}&status=key&page=1`);
    expect(after.items.map((r: Row) => r.orgCode)).toEqual([VILLAGE]);
    expect(after.inForce).toMatchObject({ docNo: `沁乡振发〔${YEAR}〕3号` });

    // an older year's decision recorded later is kept, not in force; a later one supersedes (history kept)
    await send(county, 'POST', '/api/key-villages/decisions', {
      year: YEAR - 1,
      docNo: '沁乡振发〔2024〕1号',
      decidedOn: `${YEAR - 1}-03-01`,
      keyVillages: [SECOND],
    });
    expect(members('KEY_VILLAGE')).toEqual([VILLAGE, OTHER_VILLAGE]);
    const regroup = await send(county, 'GET', '/api/indicators/groups');
    expect(
      regroup.find((g: { code: string }) => g.code === 'KEY_VILLAGE').members.map((m: { code: string }) => m.code),
    ).toEqual([VILLAGE, OTHER_VILLAGE]);
    const newer = await send(county, 'POST', '/api/key-villages/decisions', {
      year: YEAR,
      docNo: `沁乡振发〔${YEAR}〕9号`,
      decidedOn: `${YEAR}-10-01`,
      keyVillages: [SECOND],
      note: '调整',
    });
    expect(newer.inForce).toBe(true);
    const history = await send(township, 'GET', '/api/key-villages/decisions?page=1');
    expect(history.total).toBe(3);
    expect(history.items.map((d: { docNo: string; inForce: boolean }) => [d.docNo, d.inForce])).toEqual([
      [`沁乡振发〔${YEAR}〕9号`, true],
      [`沁乡振发〔${YEAR}〕3号`, false],
      ['沁乡振发〔2024〕1号', false],
    ]);
    const flagsNow = await send(county, 'GET', `/api/resident-teams/villages?orgCode=${VILLAGE}&page=1`);
    expect(flagsNow.items[0].keyVillage).toBe(false);
    // the township reads a decision's villages within its scope
    const detail = await send(township, 'GET', `/api/key-villages/decisions/${decided.id}`);
    expect(detail.villages.map((v: { orgCode: string }) => v.orgCode)).toEqual([VILLAGE, SECOND]);

    const audit = await send(county, 'GET', '/api/audit?entity=key_village_decision&page=1&pageSize=50');
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['decide', 'decide', 'decide']);
    const scoreAudit = await send(county, 'GET', '/api/audit?entity=key_village_score&page=1&pageSize=50');
    expect(scoreAudit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['create', 'update']),
    );
    const groupAudit = await send(county, 'GET', '/api/audit?entity=indicator_org_group&page=1&pageSize=50');
    expect(groupAudit.total).toBe(4);
  });

  it('only the county scores and decides; scope; field errors', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');
    const body = scores(50, 50, 50, 50);
    await send(township, 'PUT', `/api/key-villages/scores/${VILLAGE}/${YEAR}`, body, 403);
    await send(village, 'PUT', `/api/key-villages/scores/${VILLAGE}/${YEAR}`, body, 403);
    const decision = { year: YEAR, docNo: 'x', decidedOn: `${YEAR}-01-02`, keyVillages: [VILLAGE] };
    await send(township, 'POST', '/api/key-villages/decisions', decision, 403);
    await send(await env.login('auditor'), 'POST', '/api/key-villages/decisions', decision, 403);
    // a village officer's sheet is the own village
    const own = await send(village, 'GET', `/api/key-villages?year=${YEAR}&page=1`);
    expect(own.items.map((r: Row) => r.orgCode)).toEqual([VILLAGE]);
    const outside = await send(township, 'GET', `/api/key-villages?year=${YEAR}&orgCode=${OTHER_VILLAGE}&page=1`);
    expect(outside.total).toBe(0);

    const field = async (
      url: string,
      method: 'PUT' | 'POST' | 'GET',
      payload: object | undefined,
      fields: string[],
    ) => {
      const res = await send(county, method, url, payload, 400);
      expect(res.error.fields.map((f: { field: string }) => f.field)).toEqual(fields);
    };
    await field(`/api/key-villages/scores/${VILLAGE}/${YEAR}`, 'PUT', { ...body, location: 101 }, ['location']);
    await field(`/api/key-villages/scores/${VILLAGE}/${YEAR}`, 'PUT', { ...body, resources: 'x' }, ['resources']);
    await field(`/api/key-villages/scores/140521100000/${YEAR}`, 'PUT', body, ['orgCode']);
    await field(`/api/key-villages/scores/${VILLAGE}/2200`, 'PUT', body, ['params.year']);
    await field('/api/key-villages/decisions', 'POST', { ...decision, docNo: ' ' }, ['docNo']);
    await field('/api/key-villages/decisions', 'POST', { ...decision, keyVillages: [] }, ['keyVillages']);
    await field('/api/key-villages/decisions', 'POST', { ...decision, demoVillages: [VILLAGE] }, ['demoVillages']);
    await field('/api/key-villages/decisions', 'POST', { ...decision, keyVillages: ['140521100000'] }, ['keyVillages']);
    await field('/api/key-villages/decisions', 'POST', { ...decision, decidedOn: '2999-01-01' }, ['decidedOn']);
    await field('/api/key-villages/decisions', 'POST', { ...decision, decidedOn: '2025/01/01' }, ['decidedOn']);
    await field(`/api/key-villages?year=${YEAR}&sort=name`, 'GET', undefined, ['querystring.sort']);
    await send(county, 'GET', '/api/key-villages/decisions/999999', undefined, 404);
  });

  it('exports what the list shows (same filters), in rank order, with the weights', async () => {
    const county = await env.login('county_admin');
    await send(county, 'PUT', `/api/key-villages/scores/${VILLAGE}/${YEAR}`, scores(10, 10, 10, 10));
    const q = `year=${YEAR}&orgCode=140521100000`;
    const list = await send(county, 'GET', `/api/key-villages?${q}&page=1&pageSize=200`);
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/key-villages/export.xlsx?${q}`,
      headers: { cookie: county },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet, weights] = book.worksheets;
    expect(sheet.getRow(2).getCell(1).value).toBe('名次');
    expect(sheet.getRow(2).getCell(3).value).toBe('行政村');
    expect(sheet.rowCount - 2).toBe(list.total);
    expect(sheet.getRow(3).getCell(4).value).toBe(list.items[0].orgCode);
    expect(weights.rowCount - 2).toBe(6);
  });

  it('loads the demo once: scores, a decision in force, KEY_VILLAGE replaced by the decided villages', async () => {
    const { db, keyVillages } = env.services;
    await db.execute('DELETE FROM key_village_decision_item');
    await db.execute('DELETE FROM key_village_decision');
    await loadKeyVillagesDemo({ db, keyVillages });
    await loadKeyVillagesDemo({ db, keyVillages });
    const county = await env.login('county_admin');
    const decisions = await send(county, 'GET', '/api/key-villages/decisions?page=1');
    expect(decisions.total).toBe(1);
    const detail = await send(county, 'GET', `/api/key-villages/decisions/${decisions.items[0].id}`);
    const groups = await send(county, 'GET', '/api/indicators/groups');
    const key = groups
      .find((g: { code: string }) => g.code === 'KEY_VILLAGE')
      .members.map((m: { code: string }) => m.code);
    expect(key).toEqual(
      detail.villages
        .filter((v: { kind: string }) => v.kind === 'key')
        .map((v: { orgCode: string }) => v.orgCode)
        .sort(),
    );
    expect(key).toContain(VILLAGE);
    expect(detail.demoCount).toBe(2);
  });
});
