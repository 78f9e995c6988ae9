import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays } from '#common/domain/period.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest, makeIdNumber, memberInput } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { loadPetitionsDemo } from './petitions.demo.ts';

// 涉贫舆情与信访 (issue 15 item 6) through the HTTP API: an event with its deadline from petitions.handlingDays, steps,
// closure, households concerned (a clue of channel petition for one at risk, through the monitoring module), the
// overdue list on the China day, 零上访 villages per township, scope (404), field errors (400), audit, exports.

const env = useTestApp();
const VILLAGE = '140521100201'; // 龙港镇东庄村 (village_officer)
const OTHER_TOWNSHIP_VILLAGE = '140521104201'; // a village of 嘉峰镇

async function send(cookie: string, method: 'GET' | 'POST', url: string, payload?: object, status = 200) {
  const res = await env.app.inject({ method, url, headers: { cookie }, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

async function fieldsOf(cookie: string, url: string, payload: object): Promise<string[]> {
  const res = await env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  expect(res.statusCode, res.body).toBe(400);
  const fields = res.json().error.fields as { field: string; messageZh: string; messageEn: string }[];
  for (const f of fields) {
    expect(f.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    expect(f.messageEn).toBeTruthy();
  }
  return fields.map((f) => f.field);
}

const event = (over: object = {}) => ({
  orgCode: VILLAGE,
  kind: 'petition',
  source: 'letter',
  level: 'ordinary',
  receivedOn: todayInChina(),
  title: '反映低保评定不公',
  summary: '来信反映邻居家庭条件较好却享受低保。',
  ...over,
});

describe('涉贫舆情与信访', () => {
  it('registers an event with its deadline, records steps and the closure, and lists the overdue on the China day', async () => {
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');
    const county = await env.login('county_admin');
    const today = todayInChina();

    const fresh = await send(village, 'POST', '/api/petitions', event());
    // petitions.handlingDays: 15 (not found in the plan; documented default)
    expect(fresh).toMatchObject({ deadlineOn: addDays(today, 15), overdue: false, daysLeft: 15, closedOn: null });
    expect(fresh.steps).toMatchObject([{ action: 'accept', stepOn: today }]);
    const old = await send(
      township,
      'POST',
      '/api/petitions',
      event({
        kind: 'publicOpinion',
        source: 'internet',
        level: 'serious',
        receivedOn: addDays(today, -16),
        title: '网帖',
      }),
    );
    expect(old).toMatchObject({ deadlineOn: addDays(today, -1), overdue: true, daysLeft: -1 });
    // the deadline day itself is still in time
    const edge = await send(
      township,
      'POST',
      '/api/petitions',
      event({ receivedOn: addDays(today, -15), title: '临界' }),
    );
    expect(edge).toMatchObject({ deadlineOn: today, overdue: false, daysLeft: 0 });
    // an assigning office's own deadline
    const assigned = await send(
      county,
      'POST',
      '/api/petitions',
      event({
        source: 'assigned',
        receivedOn: addDays(today, -10),
        deadlineOn: addDays(today, -2),
        reference: '晋信转〔2026〕3号',
      }),
    );
    expect(assigned.overdue).toBe(true);

    const overdue = await send(village, 'GET', '/api/petitions?status=overdue&page=1');
    expect(overdue.items.map((r: { id: number }) => r.id).sort()).toEqual([old.id, assigned.id].sort());
    expect(overdue.total).toBe(2);

    // steps: within the event's dates; then closure; a closed event takes no more
    expect(
      await fieldsOf(village, `/api/petitions/${old.id}/steps`, {
        stepOn: addDays(today, -17),
        action: 'verify',
        note: '核实',
      }),
    ).toEqual(['stepOn']);
    const stepped = await send(village, 'POST', `/api/petitions/${old.id}/steps`, {
      stepOn: addDays(today, -5),
      action: 'verify',
      note: '入户核实',
    });
    expect(stepped.steps.map((s: { action: string }) => s.action)).toEqual(['accept', 'verify']);
    const closed = await send(township, 'POST', `/api/petitions/${old.id}/close`, {
      closedOn: today,
      closureResult: 'explained',
      closureNote: '已回应网民关切',
    });
    expect(closed).toMatchObject({ closedOn: today, closureResult: 'explained', overdue: false, daysLeft: null });
    await send(
      township,
      'POST',
      `/api/petitions/${old.id}/close`,
      { closedOn: today, closureResult: 'resolved', closureNote: 'x' },
      409,
    );
    expect(
      await fieldsOf(village, `/api/petitions/${old.id}/steps`, { stepOn: today, action: 'followUp', note: '回访' }),
    ).toEqual(['stepOn']);
    const stillOverdue = await send(county, 'GET', '/api/petitions?status=overdue&page=1');
    expect(stillOverdue.items.map((r: { id: number }) => r.id)).toEqual([assigned.id]);

    const audit = await send(county, 'GET', '/api/audit?entity=petition_event&page=1&pageSize=50');
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['create', 'recordStep', 'conclude']),
    );
  });

  it('refuses bad input field by field, and keeps villages out of scope (404)', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');
    const today = todayInChina();
    expect(
      await fieldsOf(village, '/api/petitions', {
        orgCode: '14052110020',
        kind: 'rumour',
        source: 'pigeon',
        level: 'huge',
        receivedOn: '2026/01/01',
        title: '',
        summary: '',
      }),
    ).toEqual(expect.arrayContaining(['orgCode', 'kind', 'source', 'level', 'receivedOn', 'title', 'summary']));
    expect(await fieldsOf(village, '/api/petitions', event({ receivedOn: addDays(today, 1) }))).toEqual(['receivedOn']);
    expect(
      await fieldsOf(
        village,
        '/api/petitions',
        event({ receivedOn: addDays(today, -3), deadlineOn: addDays(today, -4) }),
      ),
    ).toEqual(['deadlineOn']);
    expect(await fieldsOf(township, '/api/petitions', event({ orgCode: '140521100000' }))).toEqual(['orgCode']);
    // another township's village: out of scope for the village and the township
    await send(village, 'POST', '/api/petitions', event({ orgCode: OTHER_TOWNSHIP_VILLAGE }), 404);
    await send(township, 'POST', '/api/petitions', event({ orgCode: OTHER_TOWNSHIP_VILLAGE }), 404);
    const county = await env.login('county_admin');
    const elsewhere = await send(
      county,
      'POST',
      '/api/petitions',
      event({ orgCode: OTHER_TOWNSHIP_VILLAGE, title: '别处' }),
    );
    await send(village, 'GET', `/api/petitions/${elsewhere.id}`, undefined, 404);
    await send(
      township,
      'POST',
      `/api/petitions/${elsewhere.id}/steps`,
      { stepOn: today, action: 'verify', note: 'x' },
      404,
    );
    const mine = await send(village, 'GET', '/api/petitions?page=1&pageSize=200');
    expect(mine.items.every((r: { orgCode: string }) => r.orgCode === VILLAGE)).toBe(true);
    const bad = await env.app.inject({ url: '/api/petitions?status=late&sort=title', headers: { cookie: village } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['querystring.sort', 'querystring.status']);
    const badZero = await env.app.inject({
      url: '/api/petitions/zero-petition?zero=maybe',
      headers: { cookie: village },
    });
    expect(badZero.statusCode).toBe(400);
  });

  it('links the households concerned and opens a petition-channel clue for one at risk', async () => {
    const village = await env.login('village_officer');
    const county = await env.login('county_admin');
    const hh = await send(
      village,
      'POST',
      '/api/registry/households',
      householdRequest({ members: [memberInput({ name: '赵信访', idNumber: makeIdNumber('1962-03-04', 'male') })] }),
    );
    const ev = await send(village, 'POST', '/api/petitions', event({ source: 'hotline12317', title: '12317来电' }));
    // a household of another village is refused on the field; a household out of scope is 404
    const other = await send(
      county,
      'POST',
      '/api/petitions',
      event({ orgCode: OTHER_TOWNSHIP_VILLAGE, title: '他村事项' }),
    );
    expect(await fieldsOf(county, `/api/petitions/${other.id}/households`, { householdId: hh.id })).toEqual([
      'householdId',
    ]);
    expect(await fieldsOf(village, `/api/petitions/${ev.id}/households`, { householdId: 'x' })).toEqual([
      'householdId',
    ]);
    await send(village, 'POST', `/api/petitions/${ev.id}/households`, { householdId: 999_999_999 }, 404);

    const linked = await send(village, 'POST', `/api/petitions/${ev.id}/households`, {
      householdId: hh.id,
      note: '来电人',
    });
    expect(linked.householdsConcerned).toMatchObject([
      { householdId: hh.id, headName: '赵信访', atRisk: false, clueIds: [] },
    ]);
    expect(await fieldsOf(village, `/api/petitions/${ev.id}/households`, { householdId: hh.id })).toEqual([
      'householdId',
    ]);
    expect(await fieldsOf(village, `/api/petitions/${ev.id}/households/${hh.id}/clue`, { riskTypes: [] })).toEqual([
      'riskTypes',
    ]);
    const { clueIds } = await send(village, 'POST', `/api/petitions/${ev.id}/households/${hh.id}/clue`, {
      riskTypes: ['unsafeHousing', 'illness'],
    });
    expect(clueIds).toHaveLength(2);
    const clues = await send(village, 'GET', `/api/clues?channel=petition&householdId=${hh.id}`);
    const items = (clues.items ?? clues) as { id: number; riskType: string }[];
    expect(items.map((c) => c.id).sort()).toEqual([...clueIds].sort());
    // the one way in for petitions (the older /api/clues/petitions is gone): the household's clue, channel petition
    const clue = await send(village, 'GET', `/api/clues/${clueIds[0]}`);
    expect(clue).toMatchObject({ householdId: hh.id, villageCode: VILLAGE, channels: ['petition'] });
    expect(clue.signals.map((x: { channel: string }) => x.channel)).toEqual(['petition']);
    const detail = await send(village, 'GET', `/api/petitions/${ev.id}`);
    expect(detail.householdsConcerned[0]).toMatchObject({ atRisk: true, riskTypes: ['illness', 'unsafeHousing'] });
    expect(detail).toMatchObject({ households: 1, atRiskHouseholds: 1 });
    // the same risk again joins the open clue
    const again = await send(village, 'POST', `/api/petitions/${ev.id}/households/${hh.id}/clue`, {
      riskTypes: ['illness'],
    });
    expect(clueIds).toContain(again.clueIds[0]);
    const byHousehold = await send(village, 'GET', `/api/petitions?householdId=${hh.id}&page=1`);
    expect(byHousehold.items.map((r: { id: number }) => r.id)).toEqual([ev.id]);
    const audit = await send(county, 'GET', '/api/audit?entity=petition_event&page=1&pageSize=100');
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['addHousehold', 'raiseClue']),
    );
  });

  it('counts 零上访 villages per township for a year (舆情 does not count) and exports both ledgers', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const year = Number(todayInChina().slice(0, 4));
    await send(county, 'POST', '/api/petitions', event({ receivedOn: `${year - 1}-06-01`, title: '去年信访' }));
    const zeroLastYear = await send(
      township,
      'GET',
      `/api/petitions/zero-petition?year=${year - 1}&orgCode=${VILLAGE}&page=1`,
    );
    expect(zeroLastYear.items).toMatchObject([{ orgCode: VILLAGE, petitions: 1, zeroPetition: false }]);

    const now = await send(township, 'GET', `/api/petitions/zero-petition?year=${year}&page=1&pageSize=200`);
    const dongzhuang = now.items.find((r: { orgCode: string }) => r.orgCode === VILLAGE);
    expect(dongzhuang.zeroPetition).toBe(false);
    expect(now.items.every((r: { orgCode: string }) => r.orgCode.startsWith('140521100'))).toBe(true);
    expect(now.townships).toHaveLength(1);
    const t = now.townships[0];
    expect(t.villages).toBe(now.total);
    expect(t.zeroVillages).toBe(now.items.filter((r: { zeroPetition: boolean }) => r.zeroPetition).length);
    const onlyZero = await send(township, 'GET', `/api/petitions/zero-petition?year=${year}&zero=1&page=1`);
    expect(onlyZero.total).toBe(t.zeroVillages);
    // a 舆情 only village stays 零上访
    const zeroVillage = onlyZero.items[0].orgCode as string;
    await send(
      township,
      'POST',
      '/api/petitions',
      event({ orgCode: zeroVillage, kind: 'publicOpinion', source: 'media' }),
    );
    const after = await send(
      township,
      'GET',
      `/api/petitions/zero-petition?year=${year}&orgCode=${zeroVillage}&page=1`,
    );
    expect(after.items).toMatchObject([{ petitions: 0, publicOpinion: 1, zeroPetition: true }]);

    // the cockpit's 零上访村数: per village 1/0, summed to the township and the county, as on this page
    type Cockpit = {
      indicators: { code: string; value: number | null; trend: { period: string; value: number | null }[] }[];
      children: { code: string; cells: Record<string, { value: number | null }> }[];
    };
    const CODE = 'ZERO_PETITION_VILLAGES_N';
    const cockpit = async (cookie: string, org: string) =>
      (await send(cookie, 'GET', `/api/indicators/cockpit?org=${org}&period=${year}-12`)) as Cockpit;
    const ofTownship = await cockpit(township, '140521100000');
    expect(ofTownship.indicators.find((i) => i.code === CODE)!.value).toBe(t.zeroVillages);
    const inVillage = (org: string) => ofTownship.children.find((c) => c.code === org)!.cells[CODE].value;
    expect(inVillage(VILLAGE)).toBe(0);
    expect(inVillage(zeroVillage)).toBe(1);
    const whole = await send(county, 'GET', `/api/petitions/zero-petition?year=${year}&page=1`);
    const countyZero = whole.townships.reduce((n: number, x: { zeroVillages: number }) => n + x.zeroVillages, 0);
    expect(countyZero).toBeGreaterThan(0);
    const ofCounty = (await cockpit(county, '140521000000')).indicators.find((i) => i.code === CODE)!;
    expect(ofCounty.value).toBe(countyZero);
    // before the register's first event (last year) there is no figure, not every village 零上访
    expect(ofCounty.trend.find((p) => p.period === String(year - 1))?.value).toBeGreaterThan(0);
    expect(ofCounty.trend.find((p) => p.period === String(year - 2))?.value).toBeNull();
    const res = await env.app.inject({ url: '/api/petitions/export.xlsx?kind=petition', headers: { cookie: county } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [events, steps, households] = book.worksheets;
    expect(events.getRow(2).getCell(1).value).toBe('事项编号');
    expect(events.getRow(2).getCell(5).value).toBe('来源');
    const list = await send(county, 'GET', '/api/petitions?kind=petition&page=1');
    expect(events.rowCount - 2).toBe(list.total);
    expect(steps.getRow(2).getCell(5).value).toBe('环节');
    expect(households.getRow(2).getCell(4).value).toBe('户编号');

    const zres = await env.app.inject({
      url: `/api/petitions/zero-petition/export.xlsx?year=${year}`,
      headers: { cookie: township },
    });
    expect(zres.statusCode).toBe(200);
    const zbook = new ExcelJS.Workbook();
    await zbook.xlsx.load(zres.rawPayload as unknown as ArrayBuffer);
    expect(zbook.worksheets[0].getRow(2).getCell(7).value).toBe('零上访');
    expect(zbook.worksheets[0].rowCount - 2).toBe(now.total);
    const audit = await send(county, 'GET', '/api/audit?entity=petition_event&action=export&page=1&pageSize=50');
    expect(audit.items.length).toBeGreaterThanOrEqual(1);
  });

  it('loads the demo once: four events in 龙港镇, one overdue, a petition clue for the 12317 caller', async () => {
    const { db, petitions } = env.services;
    const county = await env.login('county_admin');
    await db.execute('DELETE FROM petition_household');
    await db.execute('DELETE FROM petition_step');
    await db.execute('DELETE FROM petition_event');
    const children = await send(county, 'GET', '/api/org/units/140521100000/children');
    const codes = ((children.items ?? children) as { code: string; level: string; validTo?: string | null }[])
      .filter((u) => u.level === 'village' && !u.validTo)
      .map((u) => u.code)
      .filter((c) => c !== VILLAGE)
      .slice(0, 2);
    for (const [i, code] of [VILLAGE, ...codes].entries())
      await send(
        county,
        'POST',
        '/api/registry/households',
        householdRequest({
          villageCode: code,
          householdNo: `${code}09${i}1`,
          members: [memberInput({ name: `演示${i}`, idNumber: makeIdNumber(`197${i}-05-06`, 'female') })],
        }),
      );
    await loadPetitionsDemo({ db, petitions });
    await loadPetitionsDemo({ db, petitions });
    const all = await send(county, 'GET', '/api/petitions?page=1');
    expect(all.total).toBe(4);
    expect(all.items.every((r: { orgCode: string }) => r.orgCode.startsWith('140521100'))).toBe(true);
    const overdue = await send(county, 'GET', '/api/petitions?status=overdue&page=1');
    expect(overdue.items).toMatchObject([{ orgCode: VILLAGE, kind: 'publicOpinion' }]);
    const atRisk = all.items.find((r: { atRiskHouseholds: number }) => r.atRiskHouseholds === 1);
    expect(atRisk).toMatchObject({ source: 'hotline12317' });
  });
});
