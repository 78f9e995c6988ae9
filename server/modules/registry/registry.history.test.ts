import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest, makeIdNumber, memberInput } from '#server/test/factories.ts';
import { createMonitoredHousehold, givesMonitoringStatus } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

// History is never lost: edits keep who/when/why/before/after, memberships are end-dated, not deleted.

const env = useTestApp();

async function createHousehold(cookie: string, overrides = {}) {
  // A monitoring status comes only from the national import (the API refuses it on create).
  if (givesMonitoringStatus(overrides)) return createMonitoredHousehold(env, householdRequest(overrides));
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: householdRequest(overrides),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const timeline = async (cookie: string, id: number) =>
  (await env.app.inject({ url: `/api/registry/households/${id}/timeline`, headers: { cookie } })).json();

describe('editing a household', () => {
  it('records who, when, why and only the changed fields; a stale version is refused', async () => {
    const cookie = await env.login('county_staff');
    const h = await createHousehold(cookie);
    const payload = {
      villageCode: h.villageCode,
      kind: 'ordinary',
      housingGrade: 'C',
      waterSafe: true,
      address: h.address,
      phone: '13912345678',
      schoolDropout: false,
      housingUnsafe: true,
      medicalUninsured: false,
      version: 1,
      reason: '住建部门鉴定为C级危房',
    };
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}`,
      headers: { cookie },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ housingGrade: 'C', version: 2 });
    const [change] = await timeline(cookie, h.id);
    expect(change).toMatchObject({
      action: 'update',
      reason: '住建部门鉴定为C级危房',
      actorName: '县乡村振兴局业务员',
      before: { housingGrade: 'B', housingUnsafe: false },
      after: { housingGrade: 'C', housingUnsafe: true },
      reviewStatus: 'none',
    });
    const stale = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}`,
      headers: { cookie },
      payload,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('requires a reason', async () => {
    const cookie = await env.login('county_staff');
    const h = await createHousehold(cookie);
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}`,
      headers: { cookie },
      payload: { villageCode: h.villageCode, kind: 'ordinary', version: 1, reason: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'reason', messageZh: '请填写修改原因' });
  });

  it("holds a village officer's edit for township review", async () => {
    const village = await env.login('village_officer');
    const h = await createHousehold(village);
    const township = await env.login('township_staff');
    const pending = (await env.app.inject({ url: '/api/registry/reviews', headers: { cookie: township } })).json();
    const mine = pending.find((p: { householdId: number }) => p.householdId === h.id);
    expect(mine).toMatchObject({ action: 'create', reviewStatus: 'pending' });
    expect((await env.app.inject({ url: '/api/registry/reviews', headers: { cookie: village } })).statusCode).toBe(403);
    const noNote = await env.app.inject({
      method: 'POST',
      url: `/api/registry/reviews/${mine.id}`,
      headers: { cookie: township },
      payload: { decision: 'rejected' },
    });
    expect(noNote.statusCode).toBe(400);
    const ok = await env.app.inject({
      method: 'POST',
      url: `/api/registry/reviews/${mine.id}`,
      headers: { cookie: township },
      payload: { decision: 'confirmed' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await timeline(township, h.id))[0]).toMatchObject({
      reviewStatus: 'confirmed',
      reviewedBy: '龙港镇业务员',
    });
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/registry/reviews/${mine.id}`,
      headers: { cookie: township },
      payload: { decision: 'confirmed' },
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('the 待审核 list as a paged list (issue 16 point 5)', () => {
  it('pages with a total, sorts by a whitelisted key, refuses another, and exports what is filtered', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');
    const get = (url: string) => env.app.inject({ url, headers: { cookie: township } });
    const VILLAGE_CODE = '140521100201';
    const list = async (q: string) => (await get(`/api/registry/reviews?orgCode=${VILLAGE_CODE}&${q}`)).json();
    const before = (await list('page=1')).total as number;
    const created: { id: number; householdNo: string }[] = [];
    for (let i = 0; i < 3; i++) created.push(await createHousehold(village));
    const first = await list('page=1&pageSize=2&sort=householdNo&order=desc');
    expect(first).toMatchObject({ total: before + 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0].householdNo >= first.items[1].householdNo).toBe(true);
    expect(first.items[0]).toMatchObject({ reviewStatus: 'pending', villageName: expect.any(String) });
    const bad = await get('/api/registry/reviews?page=1&sort=reason');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('querystring.sort');

    const pending = (await list('page=1&pageSize=200')).items as { id: number; householdId: number }[];
    const change = pending.find((p) => p.householdId === created[0].id)!;
    const ok = await env.app.inject({
      method: 'POST',
      url: `/api/registry/reviews/${change.id}`,
      headers: { cookie: township },
      payload: { decision: 'confirmed' },
    });
    expect(ok.statusCode).toBe(200);
    const confirmed = await list('status=confirmed&page=1');
    expect(confirmed.items.map((r: { id: number }) => r.id)).toContain(change.id);

    const res = await get(`/api/registry/reviews/export.xlsx?orgCode=${VILLAGE_CODE}&status=confirmed`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const nos: string[] = [];
    book.worksheets[0].eachRow((row, n) => {
      if (n > 2) nos.push(String(row.getCell(2).value));
    });
    expect(nos).toHaveLength(confirmed.total);
    expect(nos).toContain(created[0].householdNo);
    expect(nos).not.toContain(created[1].householdNo);
  });
});

describe('the monitoring status is read-only in an edit (identification / elimination only)', () => {
  const edit = (cookie: string, h: { id: number; villageCode: string; kind: string; version: number }, extra: object) =>
    env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}`,
      headers: { cookie },
      payload: { villageCode: h.villageCode, kind: h.kind, version: h.version, reason: '核对基本信息', ...extra },
    });

  it.each([
    [
      'sets 监测对象类别 and 识别监测时间',
      { monitoringType: 'edge', identificationPeriod: '2025-06' },
      ['monitoringType', 'identificationPeriod'],
    ],
    ['sets risks', { riskTypes: ['illness'] }, ['riskTypes']],
    [
      'marks 风险消除',
      { eliminationPeriod: '2025-06', eliminationMode: 'naturalElimination' },
      ['eliminationPeriod', 'eliminationMode'],
    ],
  ])('an edit that %s is refused field by field; nothing changes', async (_name, extra, fields) => {
    const cookie = await env.login('county_staff');
    const h = await createHousehold(cookie);
    const res = await edit(cookie, h, { ...extra, address: '改了地址' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(fields);
    expect(res.json().error.fields[0].messageZh).toContain('只能通过识别认定或风险消除程序修改');
    const after = (await env.app.inject({ url: `/api/registry/households/${h.id}`, headers: { cookie } })).json();
    expect(after).toMatchObject({ monitoringStatus: 'none', monitoringType: null, address: h.address, version: 1 });
    expect(await timeline(cookie, h.id)).toHaveLength(1);
  });

  it('a monitored household keeps its status through an edit that leaves the fields out or sends them back; clearing is refused', async () => {
    const cookie = await env.login('county_staff');
    const h = await createHousehold(cookie, {
      monitoringType: 'edge',
      identificationPeriod: '2025-03',
      riskTypes: ['illness', 'lackOfLabour'],
    });
    const omitted = await edit(cookie, h, { address: '第二村民小组 8 号' });
    expect(omitted.statusCode, omitted.body).toBe(200);
    expect(omitted.json()).toMatchObject({
      monitoringStatus: 'monitored',
      monitoringType: 'edge',
      identificationPeriod: '2025-03',
      riskTypes: ['illness', 'lackOfLabour'],
      address: '第二村民小组 8 号',
    });
    const sentBack = await edit(cookie, omitted.json(), {
      monitoringType: 'edge',
      identificationPeriod: '2025-03',
      riskTypes: ['lackOfLabour', 'illness'],
      eliminationPeriod: null,
      housingGrade: 'C',
    });
    expect(sentBack.statusCode, sentBack.body).toBe(200);
    const cleared = await edit(cookie, sentBack.json(), {
      monitoringType: null,
      identificationPeriod: null,
      riskTypes: [],
    });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'monitoringType',
      'identificationPeriod',
      'riskTypes',
    ]);
    const [last] = await timeline(cookie, h.id);
    expect(last.after).not.toHaveProperty('monitoringType');
  });
});

describe('membership changes keep history', () => {
  it('members who stay go by personId: their ID number and phone are kept without typing them again', async () => {
    const cookie = await env.login('county_staff');
    const h = await createHousehold(cookie);
    const req = householdRequest();
    const { idNumber: _id, phone: _phone, ...headFacts } = req.members[0];
    const keep = { ...headFacts, personId: h.members[0].personId, name: h.members[0].name, workMonths: 10 };
    const newcomer = memberInput({
      name: '王小宝',
      idNumber: makeIdNumber('2020-02-02', 'male'),
      relationship: 'son',
      education: null,
      schooling: 'preschoolChild',
      labourSkill: 'none',
      workMonths: null,
      workPlace: null,
      phone: null,
    });
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}/members`,
      headers: { cookie },
      payload: { members: [keep, newcomer], version: 1, reason: '核对家庭成员' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const head = res.json().members.find((m: { personId: number }) => m.personId === h.members[0].personId);
    expect(head).toMatchObject({
      idMasked: h.members[0].idMasked,
      phoneMasked: h.members[0].phoneMasked,
      workMonths: 10,
    });
    expect(h.members[0].phoneMasked).not.toBeNull();

    const stranger = await createHousehold(cookie);
    const notHere = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}/members`,
      headers: { cookie },
      payload: { members: [{ ...keep, personId: stranger.members[0].personId }], version: 2, reason: '核对家庭成员' },
    });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().error.fields[0]).toMatchObject({ field: 'members[0].personId' });
    const otherId = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}/members`,
      headers: { cookie },
      payload: {
        members: [{ ...keep, idNumber: makeIdNumber('1968-03-12', 'male') }],
        version: 2,
        reason: '核对家庭成员',
      },
    });
    expect(otherId.statusCode).toBe(400);
    expect(otherId.json().error.fields[0]).toMatchObject({
      field: 'members[0].idNumber',
      messageZh: expect.stringContaining('与登记不符'),
    });
    const noId = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}/members`,
      headers: { cookie },
      payload: { members: [keep, { ...newcomer, idNumber: undefined }], version: 2, reason: '核对家庭成员' },
    });
    expect(noId.statusCode).toBe(400);
    expect(noId.json().error.fields[0]).toMatchObject({
      field: 'members[1].idNumber',
      messageZh: '新增成员须填写身份证号码',
    });
  });

  it('replacing members end-dates the one who left and keeps the row', async () => {
    const cookie = await env.login('county_staff');
    const h = await createHousehold(cookie);
    const req = householdRequest();
    const reveal = async (personId: number) =>
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/registry/households/${h.id}/members/${personId}/reveal-id`,
          headers: { cookie },
        })
      ).json().idNumber;
    const headId = await reveal(h.members[0].personId);
    const daughterId = await reveal(h.members[2].personId);
    const next = [
      { ...req.members[0], name: h.members[0].name, idNumber: headId },
      { ...req.members[2], name: h.members[2].name, idNumber: daughterId },
    ];
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}/members`,
      headers: { cookie },
      payload: { members: next, version: 1, reason: '配偶户籍迁出' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members.map((m: { name: string }) => m.name)).toEqual([h.members[0].name, h.members[2].name]);
    const rows = await queryRows<{ valid_to: string | null; end_reason: string | null }>(
      env.services.db,
      sql`SELECT valid_to::text, end_reason FROM membership WHERE household_id = ${h.id} AND person_id = ${h.members[1].personId}`,
    );
    expect(rows).toEqual([{ valid_to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), end_reason: '配偶户籍迁出' }]);
  });

  it('moves a member to another household, splits and merges, and both timelines show it', async () => {
    const cookie = await env.login('county_staff');
    const a = await createHousehold(cookie);
    const b = await createHousehold(cookie);
    const move = await env.app.inject({
      method: 'POST',
      url: `/api/registry/households/${a.id}/members/${a.members[2].personId}/move`,
      headers: { cookie },
      payload: { toHouseholdNo: b.householdNo, relationship: 'other', reason: '随亲属生活' },
    });
    expect(move.statusCode, move.body).toBe(200);
    const bAfter = (await env.app.inject({ url: `/api/registry/households/${b.id}`, headers: { cookie } })).json();
    expect(bAfter.members).toHaveLength(4);
    expect((await timeline(cookie, a.id))[0]).toMatchObject({ action: 'move.out', after: { to: b.householdNo } });
    expect((await timeline(cookie, b.id))[0]).toMatchObject({ action: 'move.in', after: { from: a.householdNo } });

    const split = await env.app.inject({
      method: 'POST',
      url: `/api/registry/households/${b.id}/split`,
      headers: { cookie },
      payload: {
        newHouseholdNo: `${b.householdNo}S`,
        members: [{ personId: b.members[1].personId, relationship: 'head' }],
        reason: '分户另立',
      },
    });
    expect(split.statusCode, split.body).toBe(200);
    const found = (
      await env.app.inject({ url: `/api/registry/households?q=${b.householdNo}S`, headers: { cookie } })
    ).json().items;
    expect(found).toMatchObject([
      { householdNo: `${b.householdNo}S`, headName: b.members[1].name, size: 1, villageCode: b.villageCode },
    ]);
    expect((await timeline(cookie, b.id))[0]).toMatchObject({ action: 'split.out', reason: '分户另立' });
    const headless = await env.app.inject({
      method: 'POST',
      url: `/api/registry/households/${b.id}/split`,
      headers: { cookie },
      payload: {
        newHouseholdNo: `${b.householdNo}T`,
        members: [{ personId: b.members[0].personId, relationship: 'head' }],
        reason: '户主分出',
      },
    });
    expect(headless.statusCode).toBe(400);
    expect(headless.json().error.fields.map((f: { field: string }) => f.field)).toContain('members');
  });

  it('merging closes the other household but keeps it and its people', async () => {
    const cookie = await env.login('county_staff');
    const a = await createHousehold(cookie);
    const b = await createHousehold(cookie, {
      members: [
        memberInput({
          name: '孤寡老人',
          idNumber: makeIdNumber('1940-02-02', 'male'),
          labourSkill: 'none',
          workMonths: null,
          workPlace: null,
        }),
      ],
    });
    const merge = await env.app.inject({
      method: 'POST',
      url: `/api/registry/households/${a.id}/merge`,
      headers: { cookie },
      payload: {
        fromHouseholdNo: b.householdNo,
        relationships: { [b.members[0].personId]: 'father' },
        reason: '父亲并入儿子户',
      },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    const closed = await queryRows<{ closed_on: string | null; n: number }>(
      env.services.db,
      sql`SELECT closed_on::text, (SELECT count(*)::int FROM membership m WHERE m.household_id = h.id) AS n FROM household h WHERE h.id = ${b.id}`,
    );
    expect(closed[0]).toMatchObject({ closed_on: expect.any(String), n: 1 });
    const aAfter = (await env.app.inject({ url: `/api/registry/households/${a.id}`, headers: { cookie } })).json();
    expect(aAfter.members.map((m: { relationship: string }) => m.relationship)).toContain('father');
  });
});

describe('income and quality', () => {
  it('saves a year with the current household size and shows the change', async () => {
    const cookie = await env.login('county_staff');
    const h = await createHousehold(cookie);
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}/income`,
      headers: { cookie },
      payload: {
        year: 2026,
        wageIncome: 1_000_000,
        businessIncome: 0,
        propertyIncome: 0,
        transferIncome: 100,
        businessCost: 0,
        insurancePayout: 0,
        eligibleOutOfPocket: 0,
        reason: '2026年收入核实',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().incomes[0]).toMatchObject({
      year: 2026,
      netIncome: 1_000_100,
      perCapitaNetIncome: 333_367,
      householdSize: 3,
    });
  });

  it('reports data-quality findings per village', async () => {
    const cookie = await env.login('county_staff');
    await createHousehold(cookie, {
      members: [memberInput({ labourSkill: 'none', workMonths: 6, workPlace: '晋城市' })],
    });
    const report = (await env.app.inject({ url: '/api/registry/quality', headers: { cookie } })).json();
    const village = report.find((r: { orgCode: string }) => r.orgCode === '140521100201');
    expect(village.households).toBeGreaterThan(0);
    expect(village.householdsWithFindings).toBeGreaterThan(0);
    expect(Object.keys(village.byRule).length).toBeGreaterThan(0);
  });
});
