import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdDetail } from '#common/contracts/registry.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { multipartUpload } from '../feeds/feeds.test-support.ts';

// Employment and training through HTTP: jobs with follow-ups, training with certificates, workshops, the
// figures of a month, the household section, the ledgers (what the list filters), scope and field errors.

const env = useTestApp();
let staff: string;
let village: string;
let h: HouseholdDetail;
let other: HouseholdDetail;
let request: ReturnType<typeof householdRequest>;

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });

beforeAll(async () => {
  staff = await env.login('county_staff');
  village = await env.login('village_officer');
  request = householdRequest({
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    monitoringType: 'unstable',
    identificationPeriod: '2025-03',
    riskTypes: ['unstableEmployment'],
    villageCode: '140521100201',
  });
  h = await createMonitoredHousehold(env, request);
  // Another township's household: outside the village officer's scope.
  other = await createMonitoredHousehold(
    env,
    householdRequest({
      kind: 'alleviated',
      alleviatedAttribute: 'general',
      monitoringType: 'unstable',
      identificationPeriod: '2025-03',
      riskTypes: ['illness'],
      villageCode: '140521101201',
    }),
  );
});

describe('jobs', () => {
  let jobId: number;

  it('records a job for a member; the household and village come from the registry', async () => {
    const head = h.members[0];
    const res = await call(village, 'POST', '/api/employment/jobs', {
      personId: head.personId,
      placeKind: 'outOfProvince',
      place: '河北省石家庄市',
      employer: '某建筑公司',
      startOn: '2025-01-01',
      monthlyIncomeFen: 450_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json();
    jobId = row.id;
    expect(row).toMatchObject({ householdId: h.id, villageCode: '140521100201', personName: head.name });
  });

  it('refuses an end before the start, field by field, in Chinese and English', async () => {
    const res = await call(village, 'POST', '/api/employment/jobs', {
      personId: h.members[1].personId,
      placeKind: 'county',
      place: '县城',
      startOn: '2025-05-01',
      endOn: '2025-04-30',
      monthlyIncomeFen: 100,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('结束日期不能早于开始日期');
    expect(res.body).toContain('endOn');
  });

  it('a person outside the scope answers 404', async () => {
    const res = await call(village, 'POST', '/api/employment/jobs', {
      personId: other.members[0].personId,
      placeKind: 'county',
      place: '县城',
      startOn: '2025-05-01',
      monthlyIncomeFen: 100,
    });
    expect(res.statusCode).toBe(404);
  });

  it('a follow-up 离岗 ends the job on that day; the edit is audited with before and after', async () => {
    const res = await call(village, 'POST', `/api/employment/jobs/${jobId}/follow-ups`, {
      on: '2025-09-30',
      status: 'left',
      note: '回乡',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endOn: '2025-09-30', lastFollowUpStatus: 'left' });
    const saved = res.json() as Record<string, unknown>;
    const edit = await call(village, 'PUT', `/api/employment/jobs/${jobId}`, {
      ...saved,
      endOn: null,
      reason: '复工',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const stale = await call(village, 'PUT', `/api/employment/jobs/${jobId}`, { ...saved, reason: '旧版本' });
    expect(stale.statusCode).toBe(409);
    const audit = await call(await env.login('county_admin'), 'GET', '/api/audit?entity=employment_record');
    expect(audit.body).toContain('复工');
  });

  it('the list is paged with its total and filters; the export writes the same rows', async () => {
    const page = await call(staff, 'GET', '/api/employment/jobs?page=1&pageSize=20&placeKind=outOfProvince');
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.items.every((r: { placeKind: string }) => r.placeKind === 'outOfProvince')).toBe(true);
    const none = await call(staff, 'GET', '/api/employment/jobs?page=1&placeKind=province');
    expect(none.json().total).toBe(0);
    const bad = await call(staff, 'GET', '/api/employment/jobs?page=1&sort=nope');
    expect(bad.statusCode).toBe(400);

    const xlsx = await call(staff, 'GET', '/api/employment/jobs/export.xlsx?placeKind=outOfProvince');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(2).value).toBe('姓名');
    expect(sheet.rowCount - 2).toBe(body.total);
    expect(sheet.getRow(3).getCell(11).value).toBe(4500);
  });

  it('another township does not see the job', async () => {
    const cookie = await env.login('township_staff');
    const own = await call(cookie, 'GET', '/api/employment/jobs?page=1');
    expect(own.json().total).toBeGreaterThanOrEqual(1);
    const res = await call(village, 'GET', '/api/employment/jobs?page=1&orgCode=140521101201');
    expect(res.statusCode).toBe(404);
  });
});

describe('training, workshops, figures and the household section', () => {
  it('a certificate needs its date; a certified training counts for 持证率', async () => {
    const bad = await call(village, 'POST', '/api/employment/trainings', {
      personId: h.members[0].personId,
      kind: 'employmentSkill',
      course: '电工',
      startOn: '2025-03-01',
      endOn: '2025-03-20',
      certificateKind: 'skillLevel',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('certifiedOn');
    for (const [i, certified] of [
      [0, true],
      [1, false],
    ] as const) {
      const res = await call(village, 'POST', '/api/employment/trainings', {
        personId: h.members[i].personId,
        kind: 'employmentSkill',
        course: '电工',
        startOn: '2025-03-01',
        endOn: '2025-03-20',
        ...(certified ? { certificateKind: 'skillLevel', certificateNo: 'S-1', certifiedOn: '2025-04-01' } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const list = await call(staff, 'GET', '/api/employment/trainings?page=1&certified=yes');
    expect(list.json().total).toBe(1);
  });

  it('workshops: assisted employees not above the total; a village code is required', async () => {
    const bad = await call(staff, 'POST', '/api/employment/workshops', {
      villageCode: '140521100201',
      name: '东庄村扶贫车间',
      operator: '某服装厂',
      employeesTotal: 3,
      employeesAssisted: 4,
    });
    expect(bad.statusCode).toBe(400);
    const township = await call(staff, 'POST', '/api/employment/workshops', {
      villageCode: '140521100000',
      name: '镇车间',
      operator: '某厂',
      employeesTotal: 3,
      employeesAssisted: 1,
    });
    expect(township.statusCode).toBe(400);
    const ok = await call(staff, 'POST', '/api/employment/workshops', {
      villageCode: '140521100201',
      name: '东庄村扶贫车间',
      operator: '某服装厂',
      employeesTotal: 12,
      employeesAssisted: 8,
      subsidyFen: 2_000_000,
      subsidyPaidOn: '2025-06-30',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const list = await call(village, 'GET', '/api/employment/workshops?page=1');
    expect(list.json().items.map((w: { name: string }) => w.name)).toContain('东庄村扶贫车间');
  });

  it('figures of a month: labourers employed, certificates over the trained, people away', async () => {
    const res = await call(village, 'GET', '/api/employment/figures?period=2025-08');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    // The head worked away all of August 2025 (left 2025-09-30, then reopened).
    expect(f.employed).toBeGreaterThanOrEqual(1);
    expect(f.workingAway).toBeGreaterThanOrEqual(1);
    expect(f.certificateRate.numerator).toBeGreaterThanOrEqual(1);
    expect(f.certificateRate.denominator).toBeGreaterThanOrEqual(2);
    expect(f.minDaysInMonth).toBe(15);
  });

  it('the cockpit computes 就业率, 持证率 and 外出务工人数 from the same rule, at village and county', async () => {
    for (const [cookie, org] of [
      [village, '140521100201'],
      [staff, '140521000000'],
    ]) {
      const f = (await call(cookie, 'GET', `/api/employment/figures?period=2025-08&orgCode=${org}`)).json();
      const res = await call(cookie, 'GET', `/api/indicators/cockpit?org=${org}&period=2025-08`);
      expect(res.statusCode, res.body).toBe(200);
      const of = (code: string) => res.json().indicators.find((i: { code: string }) => i.code === code);
      expect(of('EMPLOYMENT_RATE')).toMatchObject({ numerator: f.employed, denominator: f.labourers, target: null });
      expect(of('CERTIFICATE_RATE')).toMatchObject({
        numerator: f.certificateRate.numerator,
        denominator: f.certificateRate.denominator,
      });
      expect(of('WORKING_AWAY_N')).toMatchObject({ period: '2025-08', value: f.workingAway });
      expect(f.workingAway).toBeGreaterThanOrEqual(1);
    }
  });

  it('the household section lists members with labour, employment and certificates', async () => {
    const res = await call(village, 'GET', `/api/employment/households/${h.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const head = s.members.find((m: { personId: number }) => m.personId === h.members[0].personId);
    expect(head).toMatchObject({ labourer: true, employedThisMonth: true, certified: true, stable: true });
    expect(s.jobs[0].followUps).toHaveLength(1);
    expect(s.trainings).toHaveLength(2);
    const out = await call(village, 'GET', `/api/employment/households/${other.id}`);
    expect(out.statusCode).toBe(404);
  });
});

describe("import of the 人社 office's .xlsx", () => {
  async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('务工');
    sheet.addRow(['2026年务工人员花名册']); // a title row above the header
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const header = [
    '姓名',
    '身份证号',
    '务工地点类别',
    '务工地点',
    '就业单位',
    '工种',
    '开始日期',
    '结束日期',
    '月收入（元）',
  ];
  const upload = async (dryRun: '0' | '1', content: Buffer) => {
    const { payload, headers } = multipartUpload('务工.xlsx', content);
    return env.app.inject({
      method: 'POST',
      url: `/api/employment/import/jobs?dryRun=${dryRun}`,
      headers: { ...headers, cookie: staff },
      payload,
    });
  };

  it('lists per-row errors with the spreadsheet row and column; a real import with errors writes nothing', async () => {
    const head = request.members[0];
    const file = await workbook([
      header,
      [
        head.name,
        head.idNumber,
        '省外',
        '江苏省苏州市',
        '某工厂',
        '普工',
        new Date(Date.UTC(2026, 0, 5)),
        null,
        '5200.50',
      ],
      ['无名', '140521199001010011', '省外', '苏州', null, null, '2026-01-05', null, '100'],
      [head.name, head.idNumber, '国外', '苏州', null, null, '2026/1/5', null, '100'],
      [head.name, head.idNumber, '县内', '县城', null, null, '2026-02-30', null, '1.234'],
    ]);
    const before = (await call(staff, 'GET', '/api/employment/jobs?page=1')).json().total;
    const res = await upload('0', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.rows).toBe(4);
    expect(report.created).toBe(0);
    const at = (row: number) =>
      report.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column);
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual(['身份证号']);
    expect(at(5)).toEqual(['务工地点类别']);
    expect(at(6).sort()).toEqual(['开始日期', '月收入（元）'].sort());
    expect((await call(staff, 'GET', '/api/employment/jobs?page=1')).json().total).toBe(before);
  });

  it('a clean file: the dry run counts, the real import creates the rows as imported', async () => {
    const head = request.members[0];
    const file = await workbook([
      header,
      [head.name, head.idNumber, '省内县外', '太原市', '某公司', null, '2026-01-05', '2026-06-30', 3800],
    ]);
    const dry = (await upload('1', file)).json();
    expect(dry).toMatchObject({ dryRun: true, rows: 1, created: 0, errors: [] });
    const real = (await upload('0', file)).json();
    expect(real).toMatchObject({ dryRun: false, created: 1, errors: [] });
    const list = (await call(staff, 'GET', '/api/employment/jobs?page=1&q=太原市')).json();
    expect(list.items[0]).toMatchObject({ source: 'import', monthlyIncomeFen: 380_000, endOn: '2026-06-30' });
  });

  it('the template has the header the import reads', async () => {
    const res = await call(staff, 'GET', '/api/employment/import/jobs/template.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(1).values).toEqual([undefined, ...header]);
  });
});
