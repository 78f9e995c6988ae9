import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { householdRequest, memberInput, makeIdNumber } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { call, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';

const env = useTestApp();

let lastHeadId = '';
async function alleviatedHousehold(cookie: string, headBirth = '1970-05-10') {
  lastHeadId = makeIdNumber(headBirth, 'male');
  const body = householdRequest({
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    members: [
      memberInput({ name: '赵大山', idNumber: lastHeadId }),
      memberInput({
        name: '钱小梅',
        idNumber: makeIdNumber('1972-02-03', 'female'),
        relationship: 'spouse',
        phone: null,
      }),
    ],
  });
  return call(env, cookie, 'POST', '/api/registry/households', body);
}

describe('公益岗位 ledger', () => {
  it('sets up a post, hires by the rules, records a month, exits, and keeps the history', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');
    const post = await call(env, village, 'POST', '/api/posts', {
      orgCode: VILLAGE,
      name: '东庄村保洁员',
      postType: 'cleaner',
      funding: 'photovoltaic',
      monthlySubsidyFen: 50_000,
      slots: 2,
    });
    expect(post.occupied).toBe(0);
    // outside the village officer's scope
    await call(env, village, 'POST', '/api/posts', { ...postBody(), orgCode: OTHER_VILLAGE }, 404);

    const hh = await alleviatedHousehold(village);
    const [head, spouse] = hh.members;
    const hire = await call(env, village, 'POST', `/api/posts/${post.id}/hires`, {
      personId: head.personId,
      hiredOn: '2026-01-05',
      cadreFamily: false,
    });
    expect(hire).toMatchObject({ personName: '赵大山', householdId: hh.id, exitedOn: null });
    const afterHire = await call(env, village, 'GET', `/api/registry/households/${hh.id}`);
    expect(afterHire.members.find((m: { name: string }) => m.name === '赵大山').publicWelfarePost).toBe(true);

    // one post per household (posts.maxPerHousehold = 1): the spouse is refused on the field
    const refused = await env.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/hires`,
      headers: { cookie: village },
      payload: { personId: spouse.personId, hiredOn: '2026-01-05', cadreFamily: true },
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(['personId', 'cadreFamily']);

    // a month: February has 28 days in 2026
    await call(
      env,
      village,
      'POST',
      `/api/posts/hires/${hire.id}/months`,
      { period: '2026-02', daysWorked: 29, subsidyFen: 50_000 },
      400,
    );
    await call(
      env,
      village,
      'POST',
      `/api/posts/hires/${hire.id}/months`,
      { period: '2026-02', daysWorked: 28, subsidyFen: 50_001 },
      400,
    );
    const m = await call(env, village, 'POST', `/api/posts/hires/${hire.id}/months`, {
      period: '2026-02',
      daysWorked: 26,
      subsidyFen: 50_000,
      paidOn: '2026-03-05',
    });
    expect(m.paidFen).toBe(50_000);
    expect(m.monthRecords).toHaveLength(1);

    // exit, then the spouse may take the post
    const exited = await call(env, village, 'POST', `/api/posts/hires/${hire.id}/exit`, {
      exitedOn: '2026-03-31',
      reason: 'stableJob',
    });
    expect(exited.exitedOn).toBe('2026-03-31');
    await call(env, village, 'POST', `/api/posts/${post.id}/hires`, {
      personId: spouse.personId,
      hiredOn: '2026-04-01',
      cadreFamily: false,
    });

    // the registry's 公益岗位 flag follows the hires (set on a hire, cleared on the exit)
    const registry = await call(env, township, 'GET', `/api/registry/households/${hh.id}`);
    const flags = Object.fromEntries(
      registry.members.map((m: { name: string; publicWelfarePost: boolean }) => [m.name, m.publicWelfarePost]),
    );
    expect(flags).toEqual({ 赵大山: false, 钱小梅: true });

    const section = await call(env, township, 'GET', `/api/posts/households/${hh.id}`);
    expect(section.hires.map((h: { personName: string }) => h.personName)).toEqual(['钱小梅', '赵大山']);
    const list = await call(
      env,
      township,
      'GET',
      `/api/posts/hires?status=active&page=1&pageSize=10&orgCode=${VILLAGE}`,
    );
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(list.items.every((h: { exitedOn: string | null }) => h.exitedOn === null)).toBe(true);
    // A township's or the county's code filters by what lies beneath it (not as a raw prefix of 12 digits).
    const township12 = VILLAGE.slice(0, 9) + '000';
    const county12 = VILLAGE.slice(0, 6) + '000000';
    for (const code of [township12, county12]) {
      const wider = await call(env, township, 'GET', `/api/posts/hires?status=active&page=1&orgCode=${code}`);
      expect(wider.total, code).toBeGreaterThanOrEqual(list.total);
    }
    const wider = await call(env, township, 'GET', `/api/posts?page=1&orgCode=${township12}`);
    expect(wider.total).toBeGreaterThanOrEqual(1);
    const posts = await call(env, township, 'GET', `/api/posts?page=1&pageSize=5&postType=cleaner`);
    expect(posts.items.find((p: { id: number }) => p.id === post.id).occupied).toBe(1);
    await call(env, township, 'GET', '/api/posts?sort=nope', undefined, 400);

    const audit = await call(
      env,
      await env.login('county_admin'),
      'GET',
      `/api/audit?entity=welfare_post_hire&page=1&pageSize=50`,
    );
    expect(audit.total ?? audit.items.length).toBeGreaterThanOrEqual(3);
  });

  it('the cockpit 公益岗位在岗人数 is the hire list 在岗 count, at village and county; a past month as it stood', async () => {
    const village = await env.login('village_officer');
    const county = await env.login('county_staff');
    for (const [cookie, org] of [
      [village, VILLAGE],
      [county, '140521000000'],
    ]) {
      const list = await call(
        env,
        cookie,
        'GET',
        `/api/posts/hires?status=active&page=1&pageSize=1${org === VILLAGE ? `&orgCode=${org}` : ''}`,
      );
      const cockpit = await call(env, cookie, 'GET', `/api/indicators/cockpit?org=${org}`);
      const ind = cockpit.indicators.find((i: { code: string }) => i.code === 'WELFARE_POST_HIRES_N');
      expect(ind).toMatchObject({ value: list.total, unitZh: '人', target: null });
      expect(list.total).toBeGreaterThanOrEqual(1);
    }
    // February 2026: 赵大山 was on the post (hired 2026-01-05, exited 2026-03-31), 钱小梅 not yet (2026-04-01)
    const feb = await call(env, village, 'GET', `/api/indicators/cockpit?org=${VILLAGE}&period=2026-02`);
    expect(feb.indicators.find((i: { code: string }) => i.code === 'WELFARE_POST_HIRES_N').value).toBe(1);
  });

  it('refuses an ordinary household that is not monitored, and a person over the age limit; accepts a monitored one', async () => {
    const village = await env.login('village_officer');
    const post = await call(env, village, 'POST', '/api/posts', postBody());
    const ordinary = await call(env, village, 'POST', '/api/registry/households', householdRequest());
    const r1 = await env.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/hires`,
      headers: { cookie: village },
      payload: { personId: ordinary.members[0].personId, hiredOn: '2026-01-05', cadreFamily: false },
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields[0].messageZh).toContain('脱贫户或监测对象');

    const old = await alleviatedHousehold(village, '1965-01-04'); // 61 on 2026-01-05
    const r2 = await env.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/hires`,
      headers: { cookie: village },
      payload: { personId: old.members[0].personId, hiredOn: '2026-01-05', cadreFamily: false },
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['hiredOn']);

    const monitored = await createMonitoredHousehold(
      env,
      householdRequest({ monitoringType: 'edge', identificationPeriod: '2025-06', riskTypes: ['illness'] }),
    );
    await call(env, village, 'POST', `/api/posts/${post.id}/hires`, {
      personId: monitored.members[0].personId,
      hiredOn: '2026-01-05',
      cadreFamily: false,
    });
  });

  it('exports the filtered hires and imports a department sheet (dry run first, per-row errors)', async () => {
    const village = await env.login('village_officer');
    const hh = await alleviatedHousehold(village);
    const idNumber: string | null = lastHeadId;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['东庄村公益岗位人员花名册']);
    ws.addRow([
      '村代码',
      '岗位名称',
      '岗位类型',
      '资金来源',
      '月补贴(元)',
      '姓名',
      '身份证号',
      '聘用日期',
      '是否村干部家属',
    ]);
    ws.addRow([
      VILLAGE,
      '东庄村护林员',
      '护林员',
      '光伏电站收益',
      '600',
      '赵大山',
      idNumber ?? 'x',
      '2026-02-01',
      '否',
    ]);
    ws.addRow([
      VILLAGE,
      '东庄村护林员',
      '飞行员',
      '光伏电站收益',
      '600',
      '某人',
      '140521197001010000',
      '2026-02-01',
      '否',
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = async (dryRun: boolean) => {
      const boundary = '----p1';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="posts.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        buffer,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/posts/import?dryRun=${dryRun}`,
        headers: { cookie: village, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const dry = await upload(true);
    expect(dry.rows).toBe(2);
    expect(dry.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[4, '岗位类型']]);
    if (idNumber) expect(dry.created).toBe(1);
    const before = await call(env, village, 'GET', `/api/posts/households/${hh.id}`);
    expect(before.hires).toHaveLength(0);
    if (idNumber) {
      const real = await upload(false);
      expect(real.created).toBe(1);
      const after = await call(env, village, 'GET', `/api/posts/households/${hh.id}`);
      expect(after.hires[0].postName).toBe('东庄村护林员');
    }

    const res = await env.app.inject({
      method: 'GET',
      url: `/api/posts/hires/export.xlsx?orgCode=${VILLAGE}&status=active`,
      headers: { cookie: village },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(3).value).toBe('姓名');
    const list = await call(env, village, 'GET', `/api/posts/hires?orgCode=${VILLAGE}&status=active&page=1`);
    expect(sheet.rowCount - 2).toBe(list.total);
  });
});

function postBody() {
  return {
    orgCode: VILLAGE,
    name: '东庄村护路员',
    postType: 'roadKeeper',
    funding: 'linkageFund',
    monthlySubsidyFen: 60_000,
  };
}
