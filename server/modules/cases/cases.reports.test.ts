import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { chromiumPath } from '#server/lib/pdf.ts';
import { householdRequest, memberInput, makeIdNumber } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

const env = useTestApp();

type User = 'county_admin' | 'county_staff' | 'township_staff' | 'village_officer' | 'auditor' | 'dept_medical';
const cookies = new Map<string, string>();
async function call(user: User, method: 'GET' | 'POST', url: string, payload?: object) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  return env.app.inject({ method, url, headers: { cookie: cookies.get(user)! }, payload });
}
const day = (offset: number) =>
  new Date(Date.parse(todayInChina() + 'T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
const monthsAgo = (n: number) => {
  const [y, m] = todayInChina().split('-').map(Number);
  const idx = y * 12 + (m - 1) - n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
};
const consent = { signed: true, signedOn: day(-12), signer: '赵大明', method: 'signature' };

async function act(user: User, id: number, action: string, fields: object = {}, extra: object = {}) {
  const detail = (await call('county_admin', 'GET', `/api/cases/${id}`)).json();
  const res = await call(user, 'POST', `/api/cases/${id}/actions`, {
    action,
    version: detail.version,
    fields,
    ...extra,
  });
  return res;
}

/** The rest of the procedure after verification, with the notice backdated to have hung its days. */
async function walkFrom(stage: string, id: number, kind: 'identification' | 'elimination') {
  const steps: [string, User, object][] = [
    ['comparison', 'township_staff', { monitoringType: 'edge' }],
    ['villageReview', 'village_officer', { meetingOn: day(-8), attendance: 19, agreed: true, result: '一致同意' }],
    [
      'publicNotice',
      'village_officer',
      { objections: [{ receivedOn: day(-3), content: '村民询问该户收入情况', handling: '已解释说明，无异议' }] },
    ],
    ['townshipReview', 'township_staff', { opinion: '审核通过' }],
    ['countyApproval', 'county_staff', { opinion: kind === 'identification' ? '同意纳入监测' : '同意风险消除' }],
    ['announcement', 'township_staff', { announcedOn: day(0) }],
  ];
  // The case began 12 days ago: its 评议 and 公示 dates lie inside it.
  await env.services.db.execute(sql`UPDATE monitoring_case SET started_on = ${day(-12)} WHERE id = ${id}`);
  let started = false;
  for (const [s, user, fields] of steps) {
    if (s === stage) started = true;
    if (!started || (kind === 'elimination' && s === 'comparison')) continue;
    if (s === 'publicNotice')
      expect((await act('village_officer', id, 'startNotice', { startedOn: day(-5) })).statusCode).toBe(200);
    const res = await act(user, id, 'complete', fields);
    expect(res.statusCode, `${s}: ${res.body}`).toBe(200);
  }
}

async function newHousehold(overrides = {}) {
  const res = await call('county_staff', 'POST', '/api/registry/households', householdRequest(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; householdNo: string; villageCode: string; countyCode: string };
}

async function monitoredHousehold(identifiedMonthsAgo: number, overrides = {}) {
  const h = await createMonitoredHousehold(
    env,
    householdRequest({
      monitoringType: 'edge',
      identificationPeriod: monthsAgo(identifiedMonthsAgo),
      riskTypes: ['illness'],
      ...overrides,
    }),
  );
  return h as typeof h & { countyCode: string };
}

async function addMeasure(householdId: number, riskType = 'illness') {
  await env.services.db
    .execute(sql`INSERT INTO assistance_measure (county_code, household_id, village_code, risk_type, category, start_on, status)
    VALUES ('140521000000', ${householdId}, '140521100201', ${riskType}, 'health', ${day(-100)}, 'ongoing')`);
}

async function identify(householdId: number, riskType: string) {
  const apply = await call('county_staff', 'POST', '/api/clues/applications', {
    householdId,
    reason: '家庭成员意外受伤，开支大',
    riskTypes: [riskType],
    consent,
  });
  expect(apply.statusCode, apply.body).toBe(200);
  const c = (
    await call('township_staff', 'POST', '/api/cases/identifications', { clueId: apply.json().clueIds[0] })
  ).json();
  expect(
    (await act('village_officer', c.id, 'complete', { findings: '核实属实', riskTypes: [riskType] })).statusCode,
  ).toBe(200);
  return c;
}

describe('risk elimination', () => {
  it('帮扶消除 walks the mirrored procedure, stores the snapshot; a different new risk re-opens monitoring under it', async () => {
    const h = await monitoredHousehold(7);
    await addMeasure(h.id);
    const start = await call('village_officer', 'POST', '/api/cases/eliminations', {
      householdId: h.id,
      mode: 'assistedElimination',
    });
    expect(start.statusCode, start.body).toBe(200);
    const c = start.json();
    // Before 入户核实 only the rigid-spending confirmation is missing.
    expect(
      c.criteria.filter((x: { ok: boolean | null }) => x.ok === false).map((x: { code: string }) => x.code),
    ).toEqual(['rigidSpending']);
    const missing = await act('village_officer', c.id, 'complete', { findings: '收入稳定' });
    expect(missing.json().error.fields[0].field).toBe('rigidSpendingResolved');
    expect(
      (
        await act('village_officer', c.id, 'complete', {
          findings: '收入稳定，医疗费用已报销',
          rigidSpendingResolved: true,
        })
      ).statusCode,
    ).toBe(200);
    await walkFrom('villageReview', c.id, 'elimination');
    const done = (await call('county_admin', 'GET', `/api/cases/${c.id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      household: { monitoringStatus: 'eliminated', eliminationPeriod: day(0).slice(0, 7) },
    });
    expect(done.data.snapshot).toMatchObject({
      income: { year: 2025, perCapitaFen: 1_500_000 },
      waterSafe: true,
      housingUnsafe: false,
      schoolDropout: false,
      medicalUninsured: false,
    });
    const [row] = await queryRows<{ elimination_mode: string }>(
      env.services.db,
      sql`SELECT elimination_mode FROM household WHERE id = ${h.id}`,
    );
    expect(row.elimination_mode).toBe('assistedElimination');

    // A new risk of another type: identification again, monitoring re-opens under the new type.
    const again = await identify(h.id, 'accident');
    expect(again.data).toMatchObject({ reopening: true, repeatRisk: false });
    await walkFrom('comparison', again.id, 'identification');
    const reopened = (await call('county_admin', 'GET', `/api/cases/${again.id}`)).json();
    expect(reopened.household).toMatchObject({
      monitoringStatus: 'monitored',
      riskTypes: ['accident'],
      eliminationPeriod: null,
    });
    const changes = await queryRows<{ action: string }>(
      env.services.db,
      sql`SELECT action FROM registry_change WHERE household_id = ${h.id} ORDER BY id`,
    );
    expect(changes.map((x) => x.action)).toEqual(expect.arrayContaining(['eliminate', 'reidentify']));
  });

  it('shows which criteria fail and refuses to pass verification: 5 months, no measure', async () => {
    const h = await monitoredHousehold(5);
    const c = (
      await call('village_officer', 'POST', '/api/cases/eliminations', {
        householdId: h.id,
        mode: 'assistedElimination',
      })
    ).json();
    const failing = c.criteria
      .filter((x: { ok: boolean | null }) => x.ok === false)
      .map((x: { code: string }) => x.code);
    expect(failing).toEqual(expect.arrayContaining(['monitoredMonths', 'assistanceMeasure']));
    const res = await act('village_officer', c.id, 'complete', { findings: '核实', rigidSpendingResolved: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'criteria.monitoredMonths',
      'criteria.assistanceMeasure',
    ]);
  });

  it('自然消除 needs its reason but not the months or a measure', async () => {
    const h = await monitoredHousehold(2);
    expect(
      (
        await call('village_officer', 'POST', '/api/cases/eliminations', {
          householdId: h.id,
          mode: 'naturalElimination',
        })
      ).statusCode,
    ).toBe(400);
    const c = (
      await call('village_officer', 'POST', '/api/cases/eliminations', {
        householdId: h.id,
        mode: 'naturalElimination',
        naturalReason: '患病成员已康复并返岗务工',
      })
    ).json();
    expect(
      (await act('village_officer', c.id, 'complete', { findings: '核实属实', rigidSpendingResolved: true }))
        .statusCode,
    ).toBe(200);
  });

  it('a whole household without labour ability cannot be eliminated', async () => {
    const h = await monitoredHousehold(8);
    await addMeasure(h.id);
    await env.services.db.execute(sql`UPDATE household SET whole_household_no_labour = true WHERE id = ${h.id}`);
    const res = await call('village_officer', 'POST', '/api/cases/eliminations', {
      householdId: h.id,
      mode: 'assistedElimination',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.messageZh).toContain('整户无劳动能力');
  });
});

describe('notices, time limits, zeroing and ledgers', () => {
  it('the notice lists the village households in the wording used, without IDs, phones or health facts; PDF renders', async () => {
    const idNumber = makeIdNumber('1966-01-02', 'male');
    const h = await newHousehold({
      phone: '13812345678',
      members: [memberInput({ name: '孙有福', idNumber, phone: '13812345678' })],
    });
    const apply = await call('county_staff', 'POST', '/api/clues/applications', {
      householdId: h.id,
      reason: '户主确诊尿毒症，需长期透析',
      riskTypes: ['illness'],
      consent,
    });
    const c = (
      await call('village_officer', 'POST', '/api/cases/identifications', { clueId: apply.json().clueIds[0] })
    ).json();
    expect((await call('village_officer', 'GET', `/api/cases/${c.id}/notices/publicity.html`)).statusCode).toBe(409);
    expect(
      (await act('village_officer', c.id, 'complete', { findings: '户主患病住院，确诊尿毒症', riskTypes: ['illness'] }))
        .statusCode,
    ).toBe(200);
    await walkFrom('comparison', c.id, 'identification');
    const page = await call('village_officer', 'GET', `/api/cases/${c.id}/notices/publicity.html`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const html = page.body;
    expect(html).toContain('防止返贫监测对象识别认定公示');
    expect(html).toContain('孙有福');
    expect(html).toContain('因病');
    expect(html).toContain('不少于5天');
    expect(html).not.toContain(idNumber);
    expect(html).not.toContain('13812345678');
    expect(html).not.toMatch(/尿毒症|透析|住院/);
    expect(html).not.toMatch(/\d{7,}/);
    const ann = await call('township_staff', 'GET', `/api/cases/${c.id}/notices/announcement.html`);
    expect(ann.body).toContain('人民政府关于');
    if (existsSync(chromiumPath())) {
      const pdf = await call('township_staff', 'GET', `/api/cases/${c.id}/notices/announcement.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 60_000);

  it('lists overdue and near-due cases per village with days elapsed (calendar days across month ends)', async () => {
    const h1 = await newHousehold();
    const h2 = await newHousehold();
    const a1 = await call('county_staff', 'POST', '/api/clues/applications', {
      householdId: h1.id,
      reason: '因病支出大，生活困难',
      riskTypes: ['illness'],
      consent,
    });
    const a2 = await call('county_staff', 'POST', '/api/clues/applications', {
      householdId: h2.id,
      reason: '因病支出大，生活困难',
      riskTypes: ['illness'],
      consent,
    });
    // First clues found 16 and 13 days ago.
    await env.services.db.execute(
      sql`UPDATE clue SET opened_at = (${day(-16)}::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE id = ${a1.json().clueIds[0]}`,
    );
    await env.services.db.execute(
      sql`UPDATE clue SET opened_at = (${day(-13)}::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE id = ${a2.json().clueIds[0]}`,
    );
    const c1 = (
      await call('village_officer', 'POST', '/api/cases/identifications', { clueId: a1.json().clueIds[0] })
    ).json();
    const c2 = (
      await call('village_officer', 'POST', '/api/cases/identifications', { clueId: a2.json().clueIds[0] })
    ).json();
    expect(c1.timeLimit).toMatchObject({ elapsed: 16, remaining: -1, status: 'overdue', dueOn: day(-1) });
    expect(c2.timeLimit).toMatchObject({ elapsed: 13, remaining: 2, status: 'nearDue' });
    const due = (await call('township_staff', 'GET', '/api/cases/due')).json();
    const village = due.groups.find((g: { villageCode: string }) => g.villageCode === '140521100201');
    expect(village.overdue).toBeGreaterThanOrEqual(1);
    expect(village.cases.find((x: { id: number }) => x.id === c1.id)).toMatchObject({
      elapsed: 16,
      status: 'overdue',
      stage: '入户核实',
    });
    const overdueList = (await call('county_staff', 'GET', '/api/cases?due=overdue')).json();
    expect(overdueList.items.map((x: { id: number }) => x.id)).toContain(c1.id);
    expect(overdueList.items.map((x: { id: number }) => x.id)).not.toContain(c2.id);

    const board = (await call('township_staff', 'GET', '/api/cases/zeroing')).json();
    expect(board.rows.every((r: { code: string }) => r.code.startsWith('140521100'))).toBe(true);
    const v = board.rows.find((r: { code: string }) => r.code === '140521100201');
    expect(v.overdue).toBeGreaterThanOrEqual(1);
    expect(v.byStage['identification.verification']).toBeGreaterThanOrEqual(2);
    expect(v.clueAge.over15).toBeGreaterThanOrEqual(1);
    expect(board.total.openClues).toBeGreaterThanOrEqual(v.openClues);
    expect((await call('dept_medical', 'GET', '/api/cases/zeroing')).statusCode).toBe(403);
  });

  it('counts monitored households by months since identification on the board', async () => {
    const before = (await call('township_staff', 'GET', '/api/cases/zeroing')).json().total.monitoredAge;
    await monitoredHousehold(5);
    await monitoredHousehold(6);
    await monitoredHousehold(12);
    const after = (await call('township_staff', 'GET', '/api/cases/zeroing')).json().total.monitoredAge;
    expect({
      m0to5: after.m0to5 - before.m0to5,
      m6to11: after.m6to11 - before.m6to11,
      m12plus: after.m12plus - before.m12plus,
    }).toEqual({ m0to5: 1, m6to11: 1, m12plus: 1 });
  });

  it('exports the monitored and elimination ledgers as xlsx, scoped and audited', async () => {
    await monitoredHousehold(3);
    const res = await call('township_staff', 'GET', '/api/cases/ledgers/monitored.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('监测对象台账');
    // Row 1 is the title (ledger, unit, day), row 2 the header, frozen and filtered.
    expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^监测对象台账\u3000\u3000单位：.+\u3000\u3000导出日期：/);
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['户编号', '监测对象类别', '识别监测时间']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.rowCount).toBeGreaterThan(2);
    const townships = new Set<string>();
    sheet.eachRow((row, n) => n > 2 && townships.add(String(row.getCell(1).value)));
    expect([...townships]).toEqual(['龙港镇']);
    const elim = await call('county_staff', 'GET', '/api/cases/ledgers/eliminated.xlsx');
    expect(elim.statusCode).toBe(200);
    expect((await call('auditor', 'GET', '/api/cases/ledgers/monitored.xlsx')).statusCode).toBe(403);
    const audit = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'caseLedger' AND action = 'export'`,
    );
    expect(audit[0].n).toBe(2);
  });
});
