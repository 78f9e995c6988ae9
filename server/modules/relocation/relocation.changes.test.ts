import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateHouseholdRequest, HouseholdDetail } from '#common/contracts/registry.ts';
import { addDays } from '#common/domain/period.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

// 易地搬迁 entries ended (迁出, 亡故, 误登记) and corrected (wrong site or day) — end-dated, never deleted — and the
// department's 搬迁户名单 (.xlsx: 身份证号 姓名 安置点 搬迁入住日期 [备注]) imported after a dry run, through HTTP:
// scope (a village officer acts in his village only: 404), 400 per field, audit, history on the household section.

const env = useTestApp();
let staff: string;
let village: string;
let siteA: number;
let siteB: number;
const today = todayInChina();
const requests: CreateHouseholdRequest[] = [];
const households: HouseholdDetail[] = [];

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });
const register = (cookie: string, householdId: number, siteId: number, movedOn = '2019-12-01') =>
  call(cookie, 'POST', '/api/relocation/households', { householdId, siteId, movedOn });
const section = async (cookie: string, householdId: number) =>
  (await call(cookie, 'GET', `/api/relocation/by-household/${householdId}`)).json();
const auditOf = async (entityId: number) => {
  const admin = await env.login('county_admin');
  return (
    await call(admin, 'GET', `/api/audit?entity=relocated_household&entityId=${entityId}&page=1&pageSize=20`)
  ).json().items as { action: string; after: Record<string, unknown> }[];
};

async function household(villageCode: string): Promise<HouseholdDetail> {
  const req = householdRequest({
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    monitoringType: 'unstable',
    identificationPeriod: '2025-03',
    riskTypes: ['unstableEmployment'],
    villageCode,
  });
  const h = await createMonitoredHousehold(env, req);
  requests.push(req);
  households.push(h);
  return h;
}

async function sheet(rows: (string | Date)[][], header = ['身份证号', '姓名', '安置点', '搬迁入住日期', '备注']) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('搬迁户名单');
  ws.addRow(['沁水县易地扶贫搬迁户名单（县发改局）']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(cookie: string, file: Buffer, dryRun: boolean) {
  const boundary = '----relocation' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return env.app.inject({
    method: 'POST',
    url: `/api/relocation/import?dryRun=${dryRun}`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

beforeAll(async () => {
  staff = await env.login('county_staff');
  village = await env.login('village_officer');
  for (const name of ['东庄移民新村安置点', '龙港镇区集中安置点']) {
    const res = await call(staff, 'POST', '/api/relocation/sites', {
      orgCode: '140521100201',
      name,
      plannedHouseholds: 50,
    });
    expect(res.statusCode).toBe(200);
    if (name.startsWith('东庄')) siteA = res.json().id;
    else siteB = res.json().id;
  }
  await household('140521100201'); // 0: ended as moved away
  await household('140521100201'); // 1: corrected
  await household('140521101201'); // 2: another village (the village officer's 404)
  await household('140521100201'); // 3: import adds (by the spouse's ID)
  await household('140521100201'); // 4: import finds already there
  await household('140521100201'); // 5: import adds (by the head's ID)
});

describe('ending an entry', () => {
  it('refuses bad input field by field (400), a day before the move-in or after today, and out of scope (404)', async () => {
    const [h0, , h2] = households;
    expect((await register(village, h0.id, siteA, '2019-11-15')).statusCode).toBe(200);
    expect((await register(staff, h2.id, siteA)).statusCode).toBe(200);
    const id = (await section(village, h0.id)).relocation.id;
    const bad = await call(village, 'POST', `/api/relocation/households/${id}/end`, {
      endedOn: '2020-13-01',
      reason: 'correction',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['endedOn', 'reason']);
    const other = await call(village, 'POST', `/api/relocation/households/${id}/end`, {
      endedOn: '2021-01-01',
      reason: 'other',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0]).toMatchObject({ field: 'note' });
    for (const [endedOn, message] of [
      ['2019-11-14', '结束日期不能早于入住日期'],
      [addDays(today, 1), '结束日期不能晚于今天'],
    ]) {
      const res = await call(village, 'POST', `/api/relocation/households/${id}/end`, { endedOn, reason: 'movedAway' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0]).toMatchObject({ field: 'endedOn', messageZh: message });
    }
    const otherVillage = (await section(staff, h2.id)).relocation.id;
    const outside = await call(village, 'POST', `/api/relocation/households/${otherVillage}/end`, {
      endedOn: '2021-01-01',
      reason: 'movedAway',
    });
    expect(outside.statusCode).toBe(404);
    const reader = await env.login('auditor');
    const forbidden = await call(reader, 'POST', `/api/relocation/households/${id}/end`, {
      endedOn: '2021-01-01',
      reason: 'movedAway',
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('ends on the move-in day itself (boundary), audited, greyed in the history with its reason; twice is 409', async () => {
    const h0 = households[0];
    const id = (await section(village, h0.id)).relocation.id;
    const res = await call(village, 'POST', `/api/relocation/households/${id}/end`, {
      endedOn: '2019-11-15',
      reason: 'movedAway',
      note: '随子女迁往晋城市区',
    });
    expect(res.statusCode).toBe(200);
    const body = await section(village, h0.id);
    expect(body.relocation).toBeNull();
    expect(body.status).toBeNull();
    expect(body.history).toEqual([
      expect.objectContaining({
        id,
        endedOn: '2019-11-15',
        endReason: 'movedAway',
        endNote: '随子女迁往晋城市区',
      }),
    ]);
    const list = (await call(staff, 'GET', `/api/relocation/households?page=1&pageSize=200&siteId=${siteA}`)).json();
    expect(list.items.map((r: { householdId: number }) => r.householdId)).not.toContain(h0.id);
    expect(await auditOf(id)).toContainEqual(
      expect.objectContaining({
        action: 'end',
        after: { endedOn: '2019-11-15', reason: 'movedAway', note: '随子女迁往晋城市区' },
      }),
    );
    const again = await call(village, 'POST', `/api/relocation/households/${id}/end`, {
      endedOn: '2020-01-01',
      reason: 'movedAway',
    });
    expect(again.statusCode).toBe(409);
    // Ended, the household can be registered again (e.g. it came back).
    expect((await register(village, h0.id, siteB, '2022-05-01')).statusCode).toBe(200);
    expect((await section(village, h0.id)).history).toHaveLength(2);
  });
});

describe('correcting an entry', () => {
  it('ends the wrong row as a correction and opens the right one in one step (audited)', async () => {
    const h1 = households[1];
    expect((await register(village, h1.id, siteA, '2019-12-01')).statusCode).toBe(200);
    const wrong = (await section(village, h1.id)).relocation.id;
    const same = await call(village, 'POST', `/api/relocation/households/${wrong}/correct`, {
      siteId: siteA,
      movedOn: '2019-12-01',
    });
    expect(same.statusCode).toBe(400);
    const future = await call(village, 'POST', `/api/relocation/households/${wrong}/correct`, {
      siteId: siteB,
      movedOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('movedOn');
    const noSite = await call(village, 'POST', `/api/relocation/households/${wrong}/correct`, {
      siteId: 999_999,
      movedOn: '2019-10-01',
    });
    expect(noSite.statusCode).toBe(400);
    expect(noSite.json().error.fields[0].field).toBe('siteId');
    const res = await call(village, 'POST', `/api/relocation/households/${wrong}/correct`, {
      siteId: siteB,
      movedOn: '2019-10-01',
      note: '名单核对：实际安置在镇区',
    });
    expect(res.statusCode).toBe(200);
    const right = res.json().id;
    expect(right).not.toBe(wrong);
    const body = await section(village, h1.id);
    expect(body.relocation).toMatchObject({ id: right, siteId: siteB, movedOn: '2019-10-01' });
    expect(body.history).toEqual([
      expect.objectContaining({ id: right, endedOn: null, endReason: null }),
      expect.objectContaining({
        id: wrong,
        siteId: siteA,
        endedOn: today,
        endReason: 'correction',
        endNote: '名单核对：实际安置在镇区',
      }),
    ]);
    expect(await auditOf(right)).toContainEqual(
      expect.objectContaining({
        action: 'correct',
        after: expect.objectContaining({ siteId: siteB, movedOn: '2019-10-01' }),
      }),
    );
    // The corrected (ended) row cannot be corrected or ended again.
    const stale = await call(village, 'POST', `/api/relocation/households/${wrong}/correct`, {
      siteId: siteB,
      movedOn: '2019-09-01',
    });
    expect(stale.statusCode).toBe(409);
    const otherVillage = (await section(staff, households[2].id)).relocation.id;
    const outside = await call(village, 'POST', `/api/relocation/households/${otherVillage}/correct`, {
      siteId: siteB,
      movedOn: '2019-10-01',
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe('搬迁户名单 import (.xlsx)', () => {
  it('dry run: per row add / already there / error with its reason; nothing written', async () => {
    const [, , , h3, h4] = households;
    expect((await register(staff, h4.id, siteA, '2019-11-15')).statusCode).toBe(200);
    const spouse3 = requests[3].members[1];
    const head4 = requests[4].members[0];
    const head5 = requests[5].members[0];
    const file = await sheet([
      [spouse3.idNumber!, spouse3.name, '东庄移民新村安置点', '2019/11/15', '县发改局名单'],
      [head4.idNumber!, head4.name, '东庄移民新村安置点', '2019-11-15', ''],
      [head5.idNumber!, head5.name, '不存在的安置点', '2019-11-15', ''],
      [head5.idNumber!, '张冒名', '龙港镇区集中安置点', '2019-11-15', ''],
      ['140521196803120000', '李四', '龙港镇区集中安置点', '2019-11-15', ''],
      [requests[2].members[0].idNumber!, requests[2].members[0].name, '龙港镇区集中安置点', '2019-11-15', ''],
      [head5.idNumber!, head5.name, '龙港镇区集中安置点', '明年', ''],
    ]);
    const res = await upload(village, file, true);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ dryRun: true, rows: 7, created: 1, present: 1 });
    expect(r.results.map((x: { outcome: string }) => x.outcome)).toEqual([
      'add',
      'present',
      'error',
      'error',
      'error',
      'error',
      'error',
    ]);
    expect(r.results[0]).toMatchObject({ row: 3, householdNo: h3.householdNo, movedOn: '2019-11-15' });
    const errors = r.errors.map((e: { row: number; field: string }) => [e.row, e.field]);
    expect(errors).toEqual([
      [5, '安置点'],
      [6, '姓名'],
      [7, '身份证号'],
      [8, '身份证号'], // another village: outside the village officer's scope
      [9, '搬迁入住日期'],
    ]);
    expect(r.errors[0].message).toContain('不存在的安置点');
    expect((await section(village, h3.id)).relocation).toBeNull();
    // The commit of a sheet with errors writes nothing either.
    const refused = (await upload(village, file, false)).json();
    expect(refused).toMatchObject({ dryRun: false, created: 0 });
    expect((await section(village, h3.id)).relocation).toBeNull();
  });

  it('a clean sheet: dry run, then the import adds, skips those present, is audited; again it adds nothing', async () => {
    const [, , , h3, h4, h5] = households;
    const spouse3 = requests[3].members[1];
    const head4 = requests[4].members[0];
    const head5 = requests[5].members[0];
    const file = await sheet([
      [spouse3.idNumber!, spouse3.name, '东庄移民新村安置点', new Date(Date.UTC(2019, 10, 15)), '县发改局名单'],
      [head4.idNumber!, head4.name, '东庄移民新村安置点', '2019-11-15', ''],
      [head5.idNumber!, head5.name, '龙港镇区集中安置点', '2020年3月20日', ''],
      [requests[5].members[1].idNumber!, requests[5].members[1].name, '龙港镇区集中安置点', '2020-03-20', ''],
    ]);
    const dry = (await upload(village, file, true)).json();
    expect(dry).toMatchObject({ dryRun: true, rows: 4, created: 2, present: 2, errors: [] });
    const done = (await upload(village, file, false)).json();
    expect(done).toMatchObject({ dryRun: false, rows: 4, created: 2, present: 2, errors: [] });
    const s3 = await section(village, h3.id);
    expect(s3.relocation).toMatchObject({ siteId: siteA, movedOn: '2019-11-15' });
    expect(s3.history[0].note).toBe('县发改局名单');
    expect((await section(village, h5.id)).relocation).toMatchObject({ siteId: siteB, movedOn: '2020-03-20' });
    expect((await section(village, h4.id)).history).toHaveLength(1);
    expect(await auditOf(s3.relocation.id)).toContainEqual(
      expect.objectContaining({ action: 'import', after: expect.objectContaining({ siteId: siteA, row: 3 }) }),
    );
    const again = (await upload(village, file, false)).json();
    expect(again).toMatchObject({ created: 0, present: 4, errors: [] });
  });

  it('a sheet without the header is a 400 naming it; the template opens with the header', async () => {
    const res = await upload(village, await sheet([['x', 'y']], ['证件号', '姓名']), true);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messageZh ?? res.body).toContain('身份证号、姓名、安置点、搬迁入住日期');
    const tpl = await call(village, 'GET', '/api/relocation/import/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(1).values).toEqual([
      undefined,
      '身份证号',
      '姓名',
      '安置点',
      '搬迁入住日期',
      '备注',
    ]);
  });
});
