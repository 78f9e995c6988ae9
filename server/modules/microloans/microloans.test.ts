import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { householdRequest, makeIdNumber, memberInput } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { call, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';
import { loadMicroloansDemo } from './microloans.demo.ts';

const env = useTestApp();

let lastHeadId = '';
async function alleviatedHousehold(cookie: string) {
  lastHeadId = makeIdNumber('1975-03-12', 'male');
  return call(
    env,
    cookie,
    'POST',
    '/api/registry/households',
    householdRequest({
      kind: 'alleviated',
      alleviatedAttribute: 'general',
      members: [memberInput({ name: '孙大河', idNumber: lastHeadId })],
    }),
  );
}

const loan = (householdId: number, over: Record<string, unknown> = {}) => ({
  householdId,
  bank: '沁水县农村商业银行',
  purpose: 'breeding',
  amountFen: 3_000_000,
  termMonths: 12,
  rateBp: 420,
  issuedOn: '2025-01-01',
  ...over,
});

async function fieldsOf(cookie: string, method: 'POST', url: string, payload: unknown): Promise<string[]> {
  const res = await env.app.inject({ method, url, headers: { cookie }, payload: payload as object });
  expect(res.statusCode, res.body).toBe(400);
  const fields = res.json().error.fields as { field: string; messageZh: string; messageEn: string }[];
  for (const f of fields) expect(f.messageZh && f.messageEn).toBeTruthy();
  return fields.map((f) => f.field);
}

describe('小额信贷 ledger', () => {
  it('demo: four loans in 龙港镇, one of them overdue, one extended (idempotent)', async () => {
    const village = await env.login('village_officer');
    for (let i = 0; i < 4; i += 1) await alleviatedHousehold(village);
    await loadMicroloansDemo(env.services);
    await loadMicroloansDemo(env.services);
    const township = await env.login('township_staff');
    const all = await call(env, township, 'GET', '/api/microloans?page=1&pageSize=50');
    expect(all.total).toBe(5);
    const overdue = await call(env, township, 'GET', '/api/microloans?status=overdue&page=1');
    expect(overdue.total).toBe(1);
    expect(overdue.items[0].outstandingFen).toBe(2_000_000);
    const renewed = await call(env, township, 'GET', '/api/microloans?status=renewed&page=1');
    expect(renewed.total).toBe(1);
  });

  it('the cockpit 小额信贷余额 and 逾期率 are the list 未还本金 and its overdue part, at village and county', async () => {
    const sum = (rows: { outstandingFen: number }[]) => rows.reduce((n, r) => n + r.outstandingFen, 0);
    for (const [user, org] of [
      ['village_officer', VILLAGE],
      ['county_staff', '140521000000'],
    ]) {
      const cookie = await env.login(user);
      const owed = sum((await call(env, cookie, 'GET', '/api/microloans?page=1&pageSize=200')).items);
      const overdue = sum((await call(env, cookie, 'GET', '/api/microloans?status=overdue&page=1&pageSize=200')).items);
      const cockpit = await call(env, cookie, 'GET', `/api/indicators/cockpit?org=${org}`);
      const of = (code: string) => cockpit.indicators.find((i: { code: string }) => i.code === code);
      expect(of('MICROLOAN_BALANCE')).toMatchObject({ numerator: owed, unitZh: '万元', target: null });
      expect(of('MICROLOAN_BALANCE').value).toBeCloseTo(owed / 1_000_000, 6);
      expect(of('MICROLOAN_OVERDUE_RATE')).toMatchObject({ numerator: overdue, denominator: owed, target: null });
      if (user === 'county_staff') expect(overdue).toBe(2_000_000);
    }
  });

  it('lends within the limits, repays, pays the computed subsidy, lists the overdue, renews, keeps the history', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');
    const hh = await alleviatedHousehold(village);

    // limits: 50,000 yuan and 36 months inclusive; purposes of production only
    expect(await fieldsOf(village, 'POST', '/api/microloans', loan(hh.id, { amountFen: 5_000_001 }))).toEqual([
      'amountFen',
    ]);
    expect(await fieldsOf(village, 'POST', '/api/microloans', loan(hh.id, { termMonths: 37 }))).toEqual(['termMonths']);
    expect(await fieldsOf(village, 'POST', '/api/microloans', loan(hh.id, { purpose: 'wedding' }))).toEqual([
      'purpose',
    ]);
    const ordinary = await call(env, village, 'POST', '/api/registry/households', householdRequest());
    expect(await fieldsOf(village, 'POST', '/api/microloans', loan(ordinary.id))).toEqual(['householdId']);

    const created = await call(env, village, 'POST', '/api/microloans', loan(hh.id));
    expect(created).toMatchObject({ dueOn: '2026-01-01', status: 'active', outstandingFen: 3_000_000 });
    // the cap is per household: 30,000 owed + 20,000.01 more is refused
    expect(await fieldsOf(village, 'POST', '/api/microloans', loan(hh.id, { amountFen: 2_000_001 }))).toEqual([
      'amountFen',
    ]);

    // repayment of 10,000 yuan on 2025-02-15; more than owed is refused
    expect(
      await fieldsOf(village, 'POST', `/api/microloans/${created.id}/repayments`, {
        on: '2025-02-15',
        amountFen: 3_000_001,
      }),
    ).toEqual(['amountFen']);
    await call(env, village, 'POST', `/api/microloans/${created.id}/repayments`, {
      on: '2025-02-15',
      amountFen: 1_000_000,
    });

    // subsidy 2025-01-01 → 2025-04-01: (30,000 × 45 + 20,000 × 45) × 4.2 % ÷ 360 = 262.50 yuan (share 1)
    const quote = await call(env, township, 'GET', `/api/microloans/${created.id}/subsidy?to=2025-04-01`);
    expect(quote).toMatchObject({ from: '2025-01-01', days: 90, interestFen: 26_250, subsidyFen: 26_250, share: 1 });
    const paid = await call(env, village, 'POST', `/api/microloans/${created.id}/subsidies`, { to: '2025-04-01' });
    expect(paid.subsidyPaidFen).toBe(26_250);
    expect(paid.subsidyFrom).toBe('2025-04-01');
    // not again for the same days, not past the due date
    expect(await fieldsOf(village, 'POST', `/api/microloans/${created.id}/subsidies`, { to: '2025-03-01' })).toEqual([
      'to',
    ]);
    expect(await fieldsOf(village, 'POST', `/api/microloans/${created.id}/subsidies`, { to: '2026-02-01' })).toEqual([
      'to',
    ]);

    // due 2026-01-01 with 20,000 owed: overdue
    const overdue = await call(
      env,
      township,
      'GET',
      `/api/microloans?status=overdue&orgCode=${VILLAGE}&page=1&pageSize=50`,
    );
    const row = overdue.items.find((r: { id: number }) => r.id === created.id);
    expect(row).toMatchObject({ overdue: true, outstandingFen: 2_000_000, borrowerName: '孙大河' });
    expect(row.overdueDays).toBeGreaterThan(0);
    expect(overdue.items.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    await call(env, township, 'GET', '/api/microloans?sort=nope', undefined, 400);

    // 展期 12 months: the 20,000 owed continues from the old due date
    expect(
      await fieldsOf(village, 'POST', `/api/microloans/${created.id}/renew`, { kind: 'extension', termMonths: 37 }),
    ).toEqual(['termMonths']);
    const extended = await call(env, village, 'POST', `/api/microloans/${created.id}/renew`, {
      kind: 'extension',
      termMonths: 12,
    });
    expect(extended).toMatchObject({
      amountFen: 2_000_000,
      issuedOn: '2026-01-01',
      dueOn: '2027-01-01',
      renewalKind: 'extension',
      renewedFromId: created.id,
      overdue: false,
    });
    await call(env, village, 'POST', `/api/microloans/${created.id}/renew`, { kind: 'extension', termMonths: 6 }, 409);

    // repaid in full: closed
    const settled = await call(env, village, 'POST', `/api/microloans/${extended.id}/repayments`, {
      on: '2026-03-01',
      amountFen: 2_000_000,
    });
    expect(settled).toMatchObject({ status: 'repaid', outstandingFen: 0 });

    const section = await call(env, township, 'GET', `/api/microloans/households/${hh.id}`);
    expect(section.eligible).toBe(true);
    expect(section.loans.map((l: { status: string }) => l.status).sort()).toEqual(['renewed', 'repaid']);
    const old = section.loans.find((l: { id: number }) => l.id === created.id);
    expect(old.events.map((e: { kind: string }) => e.kind)).toEqual(['repayment', 'subsidy']);

    const audit = await call(
      env,
      await env.login('county_admin'),
      'GET',
      `/api/audit?entity=micro_loan&page=1&pageSize=50`,
    );
    const actions = audit.items.map((a: { action: string }) => a.action);
    for (const a of ['create', 'repay', 'subsidy', 'renew']) expect(actions).toContain(a);
  });

  it('lends to a monitored household; 续贷 re-checks the limits; other scopes see nothing', async () => {
    const village = await env.login('village_officer');
    const monitored = await createMonitoredHousehold(
      env,
      householdRequest({ monitoringType: 'edge', identificationPeriod: '2025-06', riskTypes: ['illness'] }),
    );
    const first = await call(
      env,
      village,
      'POST',
      '/api/microloans',
      loan(monitored.id, { amountFen: 5_000_000, termMonths: 36, issuedOn: '2025-07-01' }),
    );
    expect(first.dueOn).toBe('2028-07-01');
    expect(
      await fieldsOf(village, 'POST', `/api/microloans/${first.id}/renew`, {
        kind: 'reloan',
        termMonths: 12,
        amountFen: 5_000_001,
        issuedOn: '2026-07-01',
      }),
    ).toEqual(['amountFen']);
    const re = await call(env, village, 'POST', `/api/microloans/${first.id}/renew`, {
      kind: 'reloan',
      termMonths: 24,
      amountFen: 4_000_000,
      issuedOn: '2026-07-01',
    });
    expect(re).toMatchObject({ renewalKind: 'reloan', renewedFromId: first.id, dueOn: '2028-07-01' });

    // a loan in a 嘉峰镇 village: the 东庄村 officer neither sees nor repays it
    const county = await env.login('county_staff');
    const far = await call(
      env,
      county,
      'POST',
      '/api/registry/households',
      householdRequest({
        householdNo: `${OTHER_VILLAGE}0${String(Date.now()).slice(-5)}`,
        villageCode: OTHER_VILLAGE,
        kind: 'alleviated',
        alleviatedAttribute: 'general',
      }),
    );
    const farLoan = await call(env, county, 'POST', '/api/microloans', loan(far.id));
    await call(env, village, 'GET', `/api/microloans/${farLoan.id}`, undefined, 404);
    await call(
      env,
      village,
      'POST',
      `/api/microloans/${farLoan.id}/repayments`,
      { on: '2025-02-01', amountFen: 1 },
      404,
    );
    const mine = await call(env, village, 'GET', '/api/microloans?page=1&pageSize=200');
    expect(mine.items.every((r: { orgCode: string }) => r.orgCode === VILLAGE)).toBe(true);
  });

  it('exports the filtered loans and imports a bank sheet (dry run first, per-row errors)', async () => {
    const village = await env.login('village_officer');
    const hh = await alleviatedHousehold(village);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['沁水县农村商业银行脱贫人口小额信贷放款明细']);
    ws.addRow([
      '借款人姓名',
      '身份证号',
      '贷款银行',
      '贷款金额(元)',
      '贷款期限(月)',
      '年利率(%)',
      '放款日期',
      '贷款用途',
    ]);
    ws.addRow(['孙大河', lastHeadId, '沁水县农村商业银行', '30000', '24', '3.45', '2025-05-10', '种植业']);
    ws.addRow(['孙大河', lastHeadId, '沁水县农村商业银行', '60000', '24', '3.45', '2025-05-10', '种植业']);
    ws.addRow(['某人', '140521197001010000', '沁水县农村商业银行', '10000', '12', '3.45', '2025-05-10', '婚嫁']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = async (dryRun: boolean) => {
      const boundary = '----ml';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="loans.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        buffer,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/microloans/import?dryRun=${dryRun}`,
        headers: { cookie: village, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const dry = await upload(true);
    expect(dry.rows).toBe(3);
    expect(dry.created).toBe(1);
    expect(dry.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, '贷款金额(元)'],
      [5, '贷款用途'],
    ]);
    expect((await call(env, village, 'GET', `/api/microloans/households/${hh.id}`)).loans).toHaveLength(0);
    const real = await upload(false);
    expect(real.created).toBe(1);
    const after = await call(env, village, 'GET', `/api/microloans/households/${hh.id}`);
    expect(after.loans[0]).toMatchObject({
      amountFen: 3_000_000,
      rateBp: 345,
      purpose: 'planting',
      borrowerName: '孙大河',
    });

    const template = await env.app.inject({
      method: 'GET',
      url: '/api/microloans/import/template.xlsx',
      headers: { cookie: village },
    });
    expect(template.statusCode).toBe(200);
    const tbook = new ExcelJS.Workbook();
    await tbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const headerRow = tbook.worksheets[0].getRow(1).values as unknown[];
    expect(headerRow.slice(1)).toEqual([
      '借款人姓名',
      '身份证号',
      '贷款银行',
      '贷款金额(元)',
      '贷款期限(月)',
      '年利率(%)',
      '放款日期',
      '贷款用途',
    ]);

    const res = await env.app.inject({
      method: 'GET',
      url: `/api/microloans/export.xlsx?orgCode=${VILLAGE}&status=active`,
      headers: { cookie: village },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(4).value).toBe('借款人');
    const list = await call(env, village, 'GET', `/api/microloans?orgCode=${VILLAGE}&status=active&page=1`);
    expect(sheet.rowCount - 2).toBe(list.total);
    // A township's code filters by what lies beneath it (not as a raw 12-digit prefix).
    const township = `/api/microloans?orgCode=${VILLAGE.slice(0, 9)}000&status=active&page=1`;
    expect((await call(env, village, 'GET', township)).total).toBe(list.total);
  });
});
