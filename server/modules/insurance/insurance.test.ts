import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { coverageReason } from '#common/domain/insurance/coverage.ts';
import { linePerCapita, type IncomeYearRecord } from '#common/domain/monitoring/income-line.ts';
import { householdRequest, makeIdNumber, memberInput } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { call, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';

const env = useTestApp();

let lastHeadId = '';
function request(kind: 'alleviated' | 'ordinary', birth = '1970-05-10') {
  lastHeadId = makeIdNumber(birth, 'male');
  return householdRequest({
    kind,
    ...(kind === 'alleviated' ? { alleviatedAttribute: 'general' } : {}),
    members: [
      memberInput({ name: '孙保田', idNumber: lastHeadId }),
      memberInput({
        name: '李春花',
        idNumber: makeIdNumber('1972-02-03', 'female'),
        relationship: 'spouse',
        phone: null,
      }),
    ],
  });
}

type Income = IncomeYearRecord & { insurancePayout: number };
async function incomeOf(cookie: string, householdId: number, year: number): Promise<Income> {
  const detail = await call(env, cookie, 'GET', `/api/registry/households/${householdId}`);
  return detail.incomes.find((i: { year: number }) => i.year === year);
}

describe('防贫保险 ledger', () => {
  it('insures by year, lists the uncovered households by the rule, and refuses a second policy', async () => {
    const village = await env.login('village_officer');
    const township = await env.login('township_staff');
    const alleviated = await call(env, village, 'POST', '/api/registry/households', request('alleviated'));
    const ordinary = await call(env, village, 'POST', '/api/registry/households', request('ordinary', '1980-01-01'));
    const monitored = await createMonitoredHousehold(env, {
      ...request('ordinary', '1975-03-03'),
      monitoringType: 'edge',
      riskTypes: ['illness'],
      identificationPeriod: '2025-06',
    });

    const before = await call(
      env,
      township,
      'GET',
      `/api/insurance/uncovered?year=2025&orgCode=${VILLAGE}&pageSize=200&page=1`,
    );
    const ids = (p: { items: { householdId: number; reason: string }[] }) =>
      new Map(p.items.map((i) => [i.householdId, i.reason]));
    expect(ids(before).get(alleviated.id)).toBe('alleviated');
    expect(ids(before).get(monitored.id)).toBe('monitored');
    expect(ids(before).has(ordinary.id)).toBe(false);
    // the SQL list and the pure rule agree household by household
    for (const h of [alleviated, ordinary, monitored])
      expect(ids(before).has(h.id)).toBe(
        coverageReason(
          { kind: h.kind, monitoringStatus: h.monitoringStatus ?? 'none', closed: false },
          'alleviatedAndMonitored',
        ) !== null,
      );

    const policy = await call(env, village, 'POST', '/api/insurance/policies', {
      householdId: alleviated.id,
      year: 2025,
      insurer: '中国人寿财险沁水支公司',
      premiumFen: 10_000,
    });
    expect(policy).toMatchObject({ householdId: alleviated.id, year: 2025, headName: '孙保田', claims: 0 });
    const dup = await env.app.inject({
      method: 'POST',
      url: '/api/insurance/policies',
      headers: { cookie: village },
      payload: { householdId: alleviated.id, year: 2025, insurer: 'x' },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0].field).toBe('year');
    // outside the village officer's scope
    const other = await call(
      env,
      township,
      'GET',
      `/api/insurance/uncovered?year=2025&orgCode=${OTHER_VILLAGE}&page=1`,
    );
    expect(other.items.every((i: { orgCode: string }) => i.orgCode.startsWith(OTHER_VILLAGE))).toBe(true);

    const after = await call(
      env,
      township,
      'GET',
      `/api/insurance/uncovered?year=2025&orgCode=${VILLAGE}&pageSize=200&page=1`,
    );
    expect(ids(after).has(alleviated.id)).toBe(false);
    expect(after.total).toBe(before.total - 1);
    const sheet = await env.app.inject({
      method: 'GET',
      url: `/api/insurance/uncovered/export.xlsx?year=2025&orgCode=${VILLAGE}`,
      headers: { cookie: township },
    });
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount - 2).toBe(after.total);
    const list = await call(env, township, 'GET', `/api/insurance/policies?year=2025&orgCode=${VILLAGE}&page=1`);
    expect(list.items.map((p: { householdId: number }) => p.householdId)).toContain(alleviated.id);
  });

  it('the cockpit 防贫保险参保率: must-insure less insured is the 参保核对 list, insured the policy list, at village and county', async () => {
    for (const [user, org] of [
      ['village_officer', VILLAGE],
      ['county_staff', '140521000000'],
    ]) {
      const cookie = await env.login(user);
      const uncovered = await call(env, cookie, 'GET', '/api/insurance/uncovered?year=2025&page=1');
      const policies = await call(env, cookie, 'GET', '/api/insurance/policies?year=2025&page=1');
      const cockpit = await call(env, cookie, 'GET', `/api/indicators/cockpit?org=${org}&period=2025-12`);
      const ind = cockpit.indicators.find((i: { code: string }) => i.code === 'INSURANCE_COVERAGE_RATE');
      expect(ind).toMatchObject({ period: '2025', numerator: policies.total, target: null });
      expect(ind.denominator - ind.numerator).toBe(uncovered.total);
      expect(policies.total).toBeGreaterThanOrEqual(1);
    }
  });

  it('a paid claim is 理赔收入 of the year paid: per-capita income with and without it', async () => {
    const village = await env.login('village_officer');
    const hh = await call(env, village, 'POST', '/api/registry/households', request('alleviated', '1966-06-06'));
    // no policy for 2025 yet: the claim is refused on the household
    const noPolicy = await env.app.inject({
      method: 'POST',
      url: '/api/insurance/claims',
      headers: { cookie: village },
      payload: { householdId: hh.id, cause: 'illness', claimedOn: '2025-06-01', amountFen: 300_000 },
    });
    expect(noPolicy.statusCode).toBe(400);
    expect(noPolicy.json().error.fields[0].field).toBe('householdId');
    await call(env, village, 'POST', '/api/insurance/policies', {
      householdId: hh.id,
      year: 2025,
      insurer: '人保财险',
    });
    const claim = await call(env, village, 'POST', '/api/insurance/claims', {
      householdId: hh.id,
      cause: 'illness',
      claimedOn: '2025-06-01',
      amountFen: 300_000,
    });
    expect(claim).toMatchObject({ status: 'filed', policyYear: 2025 });

    const without = await incomeOf(village, hh.id, 2025);
    // paid before reported: field error
    await call(
      env,
      village,
      'POST',
      `/api/insurance/claims/${claim.id}/decision`,
      { to: 'paid', paidOn: '2025-05-01', amountFen: 300_000 },
      400,
    );
    const paid = await call(env, village, 'POST', `/api/insurance/claims/${claim.id}/decision`, {
      to: 'paid',
      paidOn: '2025-07-01',
      amountFen: 300_000,
    });
    expect(paid.claim.status).toBe('paid');
    expect(paid.income).toEqual({
      applied: true,
      year: 2025,
      beforeFen: without.insurancePayout,
      afterFen: without.insurancePayout + 300_000,
      outcome: 'added',
    });
    const withClaim = await incomeOf(village, hh.id, 2025);
    expect(withClaim.insurancePayout).toBe(without.insurancePayout + 300_000);
    // 家庭人均纯收入 ('net', the monitoring default) is unchanged; the adjusted figure (+理赔 −合规自付) rises by
    // 3,000 yuan ÷ 2 people = 1,500 yuan a head
    expect(linePerCapita(withClaim, 'net')).toBe(linePerCapita(without, 'net'));
    expect(linePerCapita(withClaim, 'adjusted')! - linePerCapita(without, 'adjusted')!).toBe(150_000);
    // the household's timeline names the payment
    const timeline = await call(env, village, 'GET', `/api/registry/households/${hh.id}/timeline`);
    expect(JSON.stringify(timeline)).toContain('防贫保险理赔已赔付');

    // decided once only
    await call(
      env,
      village,
      'POST',
      `/api/insurance/claims/${claim.id}/decision`,
      { to: 'refused', note: '重复' },
      409,
    );
    // a refusal needs its reason
    const second = await call(env, village, 'POST', '/api/insurance/claims', {
      householdId: hh.id,
      cause: 'accident',
      claimedOn: '2025-08-01',
      amountFen: 50_000,
    });
    await call(env, village, 'POST', `/api/insurance/claims/${second.id}/decision`, { to: 'refused', note: '' }, 400);
    const refused = await call(env, village, 'POST', `/api/insurance/claims/${second.id}/decision`, {
      to: 'refused',
      note: '不属于保险责任',
    });
    expect(refused).toMatchObject({ claim: { status: 'refused', note: '不属于保险责任' }, income: null });
    expect((await incomeOf(village, hh.id, 2025)).insurancePayout).toBe(withClaim.insurancePayout);

    // paid in a year without an income record: not added, and said so
    await call(env, village, 'POST', '/api/insurance/policies', {
      householdId: hh.id,
      year: 2026,
      insurer: '人保财险',
    });
    const third = await call(env, village, 'POST', '/api/insurance/claims', {
      householdId: hh.id,
      cause: 'disaster',
      claimedOn: '2026-01-10',
      amountFen: 20_000,
    });
    const late = await call(env, village, 'POST', `/api/insurance/claims/${third.id}/decision`, {
      to: 'paid',
      paidOn: '2026-01-20',
      amountFen: 20_000,
    });
    expect(late.income).toMatchObject({ applied: false, year: 2026, outcome: 'noIncomeRecord' });

    const section = await call(env, village, 'GET', `/api/insurance/households/${hh.id}`);
    expect(section.policies.map((p: { year: number }) => p.year)).toEqual([2026, 2025]);
    expect(section.claims).toHaveLength(3);
    expect(section.policies[1].paidFen).toBe(300_000);
    const audit = await call(env, await env.login('county_admin'), 'GET', '/api/audit?entity=insurance_claim&page=1');
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['pay', 'refuse', 'report']),
    );
  });

  it('a payment already typed into 理赔收入 by hand is not counted twice: the officer says whether it is', async () => {
    const village = await env.login('village_officer');
    const hh = await call(env, village, 'POST', '/api/registry/households', request('alleviated', '1964-04-04'));
    await call(env, village, 'POST', '/api/insurance/policies', {
      householdId: hh.id,
      year: 2025,
      insurer: '人保财险',
    });
    // the collector typed a 3,000-yuan claim payment into the 2025 income by hand
    const { id: _id, ...record } = (await incomeOf(village, hh.id, 2025)) as Income & { id?: number };
    await call(env, village, 'PUT', `/api/registry/households/${hh.id}/income`, {
      ...record,
      year: 2025,
      insurancePayout: 300_000,
      reason: '录入理赔收入',
    });
    const claimOf = async (claimedOn: string, amountFen: number) =>
      call(env, village, 'POST', '/api/insurance/claims', {
        householdId: hh.id,
        cause: 'illness',
        claimedOn,
        amountFen,
      });
    const decide = (id: number, body: object, status = 200) =>
      call(env, village, 'POST', `/api/insurance/claims/${id}/decision`, body, status);
    const first = await claimOf('2025-03-01', 300_000);
    const pay = { to: 'paid', paidOn: '2025-04-01', amountFen: 300_000 };
    // not said: a field error naming the hand-typed amount, nothing paid
    const asked = await env.app.inject({
      method: 'POST',
      url: `/api/insurance/claims/${first.id}/decision`,
      headers: { cookie: village },
      payload: pay,
    });
    expect(asked.statusCode).toBe(400);
    expect(asked.json().error.fields[0]).toMatchObject({ field: 'alreadyInIncome' });
    expect(asked.json().error.fields[0].messageZh).toContain('3000.00');
    const section = await call(env, village, 'GET', `/api/insurance/households/${hh.id}`);
    expect(section.claims.find((c: { id: number }) => c.id === first.id).status).toBe('filed');
    // said included: paid, 理赔收入 unchanged
    const counted = await decide(first.id, { ...pay, alreadyInIncome: true });
    expect(counted.income).toMatchObject({ applied: false, outcome: 'alreadyCounted', beforeFen: 300_000 });
    expect((await incomeOf(village, hh.id, 2025)).insurancePayout).toBe(300_000);
    // a second payment: the hand-typed 3,000 is now spoken for by nothing the ledger added, so it is asked again;
    // saying it is included is refused when the hand part is smaller than the payment
    const second = await claimOf('2025-05-01', 400_000);
    const pay2 = { to: 'paid', paidOn: '2025-06-01', amountFen: 400_000 };
    await decide(second.id, { ...pay2, alreadyInIncome: true }, 400);
    const added = await decide(second.id, { ...pay2, alreadyInIncome: false });
    expect(added.income).toMatchObject({ applied: true, outcome: 'added', beforeFen: 300_000, afterFen: 700_000 });
    // a third payment: the ledger's 4,000 is known, the hand part (3,000) still is not: asked again
    const third = await claimOf('2025-07-01', 100_000);
    await decide(third.id, { to: 'paid', paidOn: '2025-08-01', amountFen: 100_000 }, 400);
    const third2 = await decide(third.id, {
      to: 'paid',
      paidOn: '2025-08-01',
      amountFen: 100_000,
      alreadyInIncome: false,
    });
    expect((await incomeOf(village, hh.id, 2025)).insurancePayout).toBe(800_000);
    expect(third2.income.outcome).toBe('added');
  });

  it('exports the filtered claims and imports the insurer’s claim list (dry run first, per-row errors)', async () => {
    const village = await env.login('village_officer');
    const hh = await call(env, village, 'POST', '/api/registry/households', request('alleviated', '1968-08-08'));
    const idNumber = lastHeadId;
    await call(env, village, 'POST', '/api/insurance/policies', {
      householdId: hh.id,
      year: 2025,
      insurer: '人保财险',
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['防贫保险理赔清单']);
    ws.addRow(['身份证号', '姓名', '出险原因', '报案日期', '理赔金额(元)', '理赔状态', '赔付日期']);
    ws.addRow([idNumber, '孙保田', '因病', '2025-09-01', '1200.50', '已赔付', '2025-09-20']);
    ws.addRow([idNumber, '孙保田', '飞来横祸', '2025-09-02', '100', '已报案', '']);
    ws.addRow(['140521197001010000', '某人', '因灾', '2025-09-03', '100', '已报案', '']);
    const first = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = async (dryRun: boolean, buffer = first) => {
      const boundary = '----i1';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="claims.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        buffer,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/insurance/claims/import?dryRun=${dryRun}`,
        headers: { cookie: village, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const before = await incomeOf(village, hh.id, 2025);
    const dry = await upload(true);
    expect(dry).toMatchObject({ rows: 3, created: 1, paid: 1 });
    expect(dry.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, '出险原因'],
      [5, '身份证号'],
    ]);
    expect((await call(env, village, 'GET', `/api/insurance/households/${hh.id}`)).claims).toHaveLength(0);
    const real = await upload(false);
    expect(real).toMatchObject({ created: 1, paid: 1 });
    expect((await incomeOf(village, hh.id, 2025)).insurancePayout).toBe(before.insurancePayout + 120_050);
    // the same sheet again: nothing reported or paid twice
    const again = await upload(false);
    expect(again).toMatchObject({ created: 0, paid: 0 });
    // the optional 已计入收入 column: 是 refused where no hand-typed 理赔收入 holds the payment, anything else named
    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet('Sheet1');
    ws2.addRow(['身份证号', '姓名', '出险原因', '报案日期', '理赔金额(元)', '理赔状态', '赔付日期', '已计入收入']);
    ws2.addRow([idNumber, '孙保田', '因病', '2025-10-01', '500', '已赔付', '2025-10-20', '是']);
    ws2.addRow([idNumber, '孙保田', '因病', '2025-10-02', '500', '已赔付', '2025-10-20', '可能']);
    const counted = await upload(true, Buffer.from(await wb2.xlsx.writeBuffer()));
    expect(counted.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, '已计入收入'],
      [3, '已计入收入'],
    ]);

    const res = await env.app.inject({
      method: 'GET',
      url: `/api/insurance/claims/export.xlsx?orgCode=${VILLAGE}&status=paid`,
      headers: { cookie: village },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(8).value).toBe('理赔金额(元)');
    const list = await call(env, village, 'GET', `/api/insurance/claims?orgCode=${VILLAGE}&status=paid&page=1`);
    expect(sheet.rowCount - 2).toBe(list.total);
    // A township's code filters by what lies beneath it (not as a raw 12-digit prefix).
    const township = `/api/insurance/claims?orgCode=${VILLAGE.slice(0, 9)}000&status=paid&page=1`;
    expect((await call(env, village, 'GET', township)).total).toBe(list.total);
    await call(env, village, 'GET', `/api/insurance/claims?sort=bogus&page=1`, undefined, 400);
  });
});
