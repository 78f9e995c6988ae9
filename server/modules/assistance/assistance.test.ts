import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evaluateObligations, type ObligationHousehold } from '#common/domain/assistance/obligations.ts';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest, memberInput, makeIdNumber } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { multipart } from '../attachments/attachments.test-support.ts';
import { startObligationSchedule } from './assistance.schedule.ts';

const env = useTestApp();

const post = async (cookie: string, url: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = async (cookie: string, url: string) => env.app.inject({ url, headers: { cookie } });

// A monitored household comes from the national import (the API refuses a monitoring status on create).
async function monitored(_cookie: string, overrides: Record<string, unknown> = {}) {
  const body = householdRequest({
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    monitoringType: 'unstable',
    identificationPeriod: '2025-03',
    riskTypes: ['illness', 'unsafeHousing'],
    ...overrides,
  });
  return createMonitoredHousehold(env, body);
}

const cadreId = async () =>
  (await queryRows<{ id: number }>(env.services.db, sql`SELECT id FROM app_user WHERE username = 'cadre'`))[0].id;
const measure = (householdId: number, o: Record<string, unknown> = {}) => ({
  householdId,
  riskType: 'illness',
  category: 'health',
  subType: 'medicalPremiumSubsidy',
  department: '县医保局',
  startOn: '2025-03-15',
  amountFen: 38_000,
  status: 'ongoing',
  ...o,
});

describe('pairing (结对帮扶)', () => {
  it('pairs a cadre, shows the household on his workspace only, and keeps history on reassignment', async () => {
    const staff = await env.login('county_staff');
    const h = await monitored(staff);
    const other = await monitored(staff);
    const cadre = await cadreId();
    const first = await post(staff, '/api/assistance/pairings', {
      householdId: h.id,
      cadreUserId: cadre,
      unit: '县乡村振兴局',
      phone: '13912340000',
      startOn: '2025-04-01',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ cadreName: '帮扶干部（龙港镇）', phoneMasked: '139****0000', endOn: null });
    expect(first.body).not.toContain('13912340000');

    const cadreCookie = await env.login('cadre');
    const ws = (await get(cadreCookie, '/api/assistance/workspace')).json();
    expect(ws.households.map((x: { householdId: number }) => x.householdId)).toEqual([h.id]);
    expect(ws.households[0]).toMatchObject({
      visitDue: true,
      lastVisitOn: null,
      riskTypes: ['illness', 'unsafeHousing'],
    });
    expect((await get(cadreCookie, `/api/assistance/households/${h.id}`)).statusCode).toBe(200);
    // Same township, not paired: not his.
    expect((await get(cadreCookie, `/api/assistance/households/${other.id}`)).statusCode).toBe(404);

    // A second cadre takes over: reason required; the first pairing ends the day before.
    const admin = await env.login('county_admin');
    const created = await post(admin, '/api/users', {
      username: 'cadre_two',
      displayName: '第二帮扶干部',
      role: 'cadre',
      orgCode: '140521100000',
      password: 'Cadre#Pass0102',
    });
    expect(created.statusCode, created.body).toBe(200);
    const noReason = await post(staff, '/api/assistance/pairings', {
      householdId: h.id,
      cadreUserId: created.json().id,
      unit: '龙港镇政府',
      startOn: '2025-09-01',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    const second = await post(staff, '/api/assistance/pairings', {
      householdId: h.id,
      cadreUserId: created.json().id,
      unit: '龙港镇政府',
      startOn: '2025-09-01',
      reason: '干部岗位调整',
    });
    expect(second.statusCode, second.body).toBe(200);
    const history = (await get(staff, `/api/assistance/pairings?householdId=${h.id}&activeOnly=false`)).json().items;
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ cadreUserId: cadre, endOn: '2025-08-31', endReason: '干部岗位调整' });
    expect((await get(cadreCookie, `/api/assistance/households/${h.id}`)).statusCode).toBe(404);
    const audit = await queryRows<{ action: string }>(
      env.services.db,
      sql`SELECT action FROM audit_log WHERE entity = 'cadre_pairing' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['pair', 'reassign']);
  });

  it('refuses an ordinary household that is not monitored', async () => {
    const staff = await env.login('county_staff');
    const res = await post(staff, '/api/registry/households', householdRequest());
    const paired = await post(staff, '/api/assistance/pairings', {
      householdId: res.json().id,
      cadreUserId: await cadreId(),
      unit: '县乡村振兴局',
      startOn: '2025-04-01',
    });
    expect(paired.statusCode).toBe(400);
  });
});

describe('measures (帮扶措施)', () => {
  it('records a measure with its audit row; field errors for a risk the household lacks, an over-cap loan and a stale edit', async () => {
    const village = await env.login('village_officer');
    const h = await monitored(village);
    const created = await post(village, '/api/assistance/measures', measure(h.id));
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      category: 'health',
      subTypeLabel: '城乡居民基本医疗保险个人缴费补贴',
      amountFen: 38_000,
      version: 1,
    });
    const [audit] = await queryRows<{ action: string; after: Record<string, unknown> }>(
      env.services.db,
      sql`SELECT action, after FROM audit_log WHERE entity = 'assistance_measure' AND entity_id = ${String(created.json().id)}`,
    );
    expect(audit).toMatchObject({ action: 'create', after: { category: 'health', amountFen: 38_000 } });

    const wrongRisk = await post(village, '/api/assistance/measures', measure(h.id, { riskType: 'schoolDropout' }));
    expect(wrongRisk.statusCode).toBe(400);
    expect(wrongRisk.json().error.fields[0]).toMatchObject({
      field: 'riskType',
      messageZh: expect.stringContaining('因病'),
    });
    const loan = await post(
      village,
      '/api/assistance/measures',
      measure(h.id, { category: 'finance', subType: 'microLoan', amountFen: 5_000_001 }),
    );
    expect(loan.statusCode).toBe(400);
    expect(loan.json().error.fields[0].field).toBe('amountFen');
    const wrongSub = await post(
      village,
      '/api/assistance/measures',
      measure(h.id, { category: 'industry', subType: 'microLoan' }),
    );
    expect(wrongSub.json().error.fields[0].field).toBe('subType');

    const { householdId: _h, ...update } = measure(h.id, { status: 'completed', endOn: '2025-12-31' });
    const edited = await env.app.inject({
      method: 'PUT',
      url: `/api/assistance/measures/${created.json().id}`,
      headers: { cookie: village },
      payload: { ...update, version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'completed', version: 2 });
    const stale = await env.app.inject({
      method: 'PUT',
      url: `/api/assistance/measures/${created.json().id}`,
      headers: { cookie: village },
      payload: { ...update, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('evidence photos uploaded beforehand are linked to the measure on save', async () => {
    const village = await env.login('village_officer');
    const h = await monitored(village);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = multipart({ ownerKind: 'assistanceMeasure' }, { name: '参保凭证.png', type: 'image/png', data: png });
    const uploaded = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: village, ...up.headers },
      payload: up.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const created = await post(
      village,
      '/api/assistance/measures',
      measure(h.id, { attachmentIds: [uploaded.json().id] }),
    );
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().attachments).toEqual([{ id: uploaded.json().id, fileName: '参保凭证.png' }]);
    // An upload is used once.
    expect(
      (await post(village, '/api/assistance/measures', measure(h.id, { attachmentIds: [uploaded.json().id] })))
        .statusCode,
    ).toBe(400);
  });

  it('sub-type lists are editable by the county administrator only', async () => {
    const admin = await env.login('county_admin');
    const saved = await post(admin, '/api/assistance/subtypes', {
      category: 'industry',
      code: 'photovoltaicDividend',
      labelZh: '光伏收益分配',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (await get(admin, '/api/assistance/subtypes'))
        .json()
        .some((s: { code: string }) => s.code === 'photovoltaicDividend'),
    ).toBe(true);
    expect(
      (
        await post(await env.login('township_staff'), '/api/assistance/subtypes', {
          category: 'industry',
          code: 'x1',
          labelZh: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('obligations board: SQL agrees with the pure rules at the day boundaries', () => {
  it('no measure one month after identification: 03-31 clear, 04-01 overdue, cleared by a measure', async () => {
    const staff = await env.login('township_staff');
    const h = await monitored(staff, {
      identificationPeriod: '2024-03',
      villageCode: '140521100202',
      householdNo: '140521100202000901',
    });
    const board = async (asOf: string) =>
      (
        (await get(staff, `/api/assistance/obligations?asOf=${asOf}&orgCode=140521100202`)).json().items as {
          householdId: number;
          code: string;
          riskType: string | null;
        }[]
      ).filter((o) => o.householdId === h.id);
    expect(await board('2024-03-31')).toEqual([]);
    expect((await board('2024-04-01')).map((o) => o.code).sort()).toEqual([
      'noMeasure',
      'riskWithoutMeasure',
      'riskWithoutMeasure',
    ]);
    expect((await board('2024-09-01')).map((o) => o.code)).toContain('noDevelopmentMeasure');
    expect((await board('2024-08-31')).map((o) => o.code)).not.toContain('noDevelopmentMeasure');
    await post(staff, '/api/assistance/measures', measure(h.id, { startOn: '2024-03-20' }));
    const after = await board('2024-04-01');
    expect(after).toEqual([expect.objectContaining({ code: 'riskWithoutMeasure', riskType: 'unsafeHousing' })]);
    const res = await get(staff, '/api/assistance/obligations?asOf=2024-04-01');
    expect(res.json().townships[0]).toMatchObject({ townshipCode: '140521100000', townshipName: '龙港镇' });
  });

  it('whole-household-without-labour: no development obligation; eliminated: loans may run to contract end', async () => {
    const staff = await env.login('county_staff');
    const noLabour = await monitored(staff, {
      identificationPeriod: '2024-01',
      riskTypes: ['illness'],
      members: [
        memberInput({
          name: '赵老汉',
          idNumber: makeIdNumber('1940-02-02', 'male'),
          labourSkill: 'lost',
          workMonths: null,
          workPlace: null,
          health: ['chronicIllness'],
        }),
      ],
    });
    await post(
      staff,
      '/api/assistance/measures',
      measure(noLabour.id, { category: 'comprehensiveSecurity', subType: 'minimumLiving', startOn: '2024-01-10' }),
    );
    const items = (await get(staff, '/api/assistance/obligations?asOf=2025-01-01'))
      .json()
      .items.filter((o: { householdId: number }) => o.householdId === noLabour.id);
    expect(items).toEqual([]);

    const gone = await monitored(staff, { identificationPeriod: '2023-01', riskTypes: ['failedBusiness'] });
    const loan = await post(
      staff,
      '/api/assistance/measures',
      measure(gone.id, {
        riskType: 'failedBusiness',
        category: 'finance',
        subType: 'microLoan',
        amountFen: 3_000_000,
        startOn: '2023-02-01',
        endOn: '2026-01-31',
      }),
    );
    const post_ = await post(
      staff,
      '/api/assistance/measures',
      measure(gone.id, { riskType: 'failedBusiness', category: 'health', startOn: '2023-02-01' }),
    );
    await env.services.db.execute(
      sql`UPDATE household SET elimination_period = '2024-06', elimination_mode = 'assistedElimination' WHERE id = ${gone.id}`,
    );
    const at = async (asOf: string) =>
      (
        (await get(staff, `/api/assistance/obligations?asOf=${asOf}&code=continuesAfterElimination`)).json().items as {
          householdId: number;
          measureId: number;
        }[]
      )
        .filter((o) => o.householdId === gone.id)
        .map((o) => o.measureId);
    expect(await at('2024-06-30')).toEqual([]);
    expect(await at('2024-07-01')).toEqual([post_.json().id]);
    expect(await at('2026-01-31')).toEqual([post_.json().id]);
    expect((await at('2026-02-01')).sort()).toEqual([loan.json().id, post_.json().id].sort());
  });

  it('the board and evaluateObligations agree household by household', async () => {
    const staff = await env.login('county_staff');
    const ids = [
      await monitored(staff, { identificationPeriod: '2025-01' }),
      await monitored(staff, { identificationPeriod: '2025-02', riskTypes: ['unstableEmployment'] }),
    ].map((h) => h.id);
    await post(
      staff,
      '/api/assistance/measures',
      measure(ids[1], {
        riskType: 'unstableEmployment',
        category: 'employment',
        subType: 'labourExport',
        startOn: '2025-03-31',
      }),
    );
    const params = { firstMeasureMonths: 1, developmentMeasureMonths: 6, riskMeasureMonths: 1 };
    for (const asOf of ['2025-02-28', '2025-03-01', '2025-03-30', '2025-03-31', '2025-07-31', '2025-08-01']) {
      const items = (await get(staff, `/api/assistance/obligations?asOf=${asOf}`)).json().items as {
        householdId: number;
        code: string;
        dueOn: string;
        riskType: string | null;
      }[];
      for (const id of ids) {
        const tab = (await get(staff, `/api/assistance/households/${id}`)).json();
        const h: ObligationHousehold = {
          monitoringStatus: tab.household.monitoringStatus,
          identificationPeriod: tab.household.identificationPeriod,
          eliminationPeriod: null,
          labourCapable: tab.household.labourCapableMembers > 0,
          risks: tab.household.riskTypes.map((r: string) => ({
            riskType: r,
            since: `${tab.household.identificationPeriod}-01`,
          })),
          measures: tab.measures.map(
            (m: {
              id: number;
              category: string;
              riskType: string;
              status: 'ongoing';
              startOn: string;
              endOn: string | null;
            }) => ({ ...m, continuesAfterElimination: false }),
          ),
        };
        const pure = evaluateObligations(h, params, asOf)
          .map((o) => `${o.code}:${o.dueOn}:${o.riskType ?? ''}`)
          .sort();
        const fromSql = items
          .filter((o) => o.householdId === id)
          .map((o) => `${o.code}:${o.dueOn}:${o.riskType ?? ''}`)
          .sort();
        expect(fromSql, `${id} ${asOf}`).toEqual(pure);
      }
    }
  });
});

describe('relief fund (应急救助基金): the balance never goes negative', () => {
  it('concurrent disbursements pay only what the fund holds; the database refuses an overdraft outright', async () => {
    const admin = await env.login('county_admin');
    const created = await post(admin, '/api/relief/funds', {
      orgCode: '140521000000',
      name: '沁水县应急救助基金',
      kind: 'emergency',
    });
    expect(created.statusCode, created.body).toBe(200);
    const fundId = created.json().id;
    const income = await post(admin, `/api/relief/funds/${fundId}/income`, {
      amountFen: 100_000,
      source: '县财政拨款',
      occurredOn: '2025-01-05',
    });
    expect(income.json().balanceFen).toBe(100_000);

    const village = await env.login('village_officer');
    const h = await monitored(village);
    const apps: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const a = await post(village, '/api/relief/applications', {
        fundId,
        householdId: h.id,
        reliefKind: 'emergency',
        eventType: 'accident',
        reason: '家中突发火灾，房屋受损',
        requestedFen: 30_000,
        appliedOn: '2025-02-01',
      });
      expect(a.statusCode, a.body).toBe(200);
      apps.push(a.json().id);
    }
    // A village officer applies but does not approve; the township does not hold the county fund.
    expect(
      (await post(village, `/api/relief/applications/${apps[0]}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (
        await post(await env.login('township_staff'), `/api/relief/applications/${apps[0]}/decision`, {
          decision: 'approve',
        })
      ).statusCode,
    ).toBe(403);
    for (const id of apps)
      expect((await post(admin, `/api/relief/applications/${id}/decision`, { decision: 'approve' })).statusCode).toBe(
        200,
      );

    const results = await Promise.all(
      apps.map((id) => post(admin, `/api/relief/applications/${id}/disburse`, { occurredOn: '2025-02-03' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 409, 409]);
    const fund = (await get(admin, `/api/relief/funds/${fundId}`)).json();
    expect(fund.balanceFen).toBe(10_000);
    expect(fund.entries.filter((e: { kind: string }) => e.kind === 'disbursement')).toHaveLength(3);
    expect(Math.min(...fund.entries.map((e: { balanceAfterFen: number }) => e.balanceAfterFen))).toBe(10_000);
    expect(fund.applications.filter((a: { status: string }) => a.status === 'approved')).toHaveLength(2);

    await expect(
      env.services.db.execute(sql`UPDATE relief_fund SET balance_fen = balance_fen - 20000 WHERE id = ${fundId}`),
    ).rejects.toThrow();
    const [{ balance_fen }] = await queryRows<{ balance_fen: number }>(
      env.services.db,
      sql`SELECT balance_fen FROM relief_fund WHERE id = ${fundId}`,
    );
    expect(Number(balance_fen)).toBe(10_000);

    // Another village's officer (created here) sees the payments but not whom they went to.
    await post(admin, '/api/users', {
      username: 'village_two',
      displayName: '西庄村信息员',
      role: 'villageOfficer',
      orgCode: '140521100202',
      password: 'Village#Pass0102',
    });
    const villageTwo = await env.login('village_two', 'Village#Pass0102');
    await post(villageTwo, '/api/auth/password', {
      currentPassword: 'Village#Pass0102',
      newPassword: 'Village#Pass0103',
    }); // a new account changes its initial password first
    const other = (await get(villageTwo, `/api/relief/funds/${fundId}`)).json();
    expect(
      other.entries
        .filter((e: { kind: string }) => e.kind === 'disbursement')
        .every((e: { source: string | null }) => e.source === null),
    ).toBe(true);
    expect(other.applications).toEqual([]);
    expect(JSON.stringify(other)).not.toContain(h.householdNo);
    const own = (await get(village, `/api/relief/funds/${fundId}`)).json();
    expect(own.entries.find((e: { kind: string }) => e.kind === 'disbursement').source).toBe(h.householdNo);

    const ledger = await get(admin, `/api/relief/funds/${fundId}/ledger.xlsx`);
    expect(ledger.statusCode).toBe(200);
    expect(ledger.headers['content-type']).toContain('spreadsheetml');
    const [exported] = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'relief_fund' AND action = 'export'`,
    );
    expect(exported.n).toBe(1);
  });
});

describe('scope', () => {
  it('a village officer sees only his village; a cadre cannot export or write', async () => {
    const staff = await env.login('township_staff');
    const elsewhere = await monitored(staff, { villageCode: '140521100202', householdNo: '140521100202000777' });
    const village = await env.login('village_officer');
    expect((await get(village, `/api/assistance/households/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await post(village, '/api/assistance/measures', measure(elsewhere.id))).statusCode).toBe(404);
    const cadre = await env.login('cadre');
    expect((await post(cadre, '/api/assistance/measures', measure(elsewhere.id))).statusCode).toBe(403);
    expect((await get(cadre, '/api/assistance/measures/export.xlsx')).statusCode).toBe(403);
  });

  it("a paired cadre's measure list holds his paired households' measures and no other household's in his township", async () => {
    const staff = await env.login('township_staff');
    const elsewhere = await monitored(staff, { villageCode: '140521100202', householdNo: '140521100202000778' });
    const mine = await monitored(staff, { villageCode: '140521100202', householdNo: '140521100202000779' });
    expect(
      (
        await post(staff, '/api/assistance/pairings', {
          householdId: mine.id,
          cadreUserId: await cadreId(),
          unit: '龙港镇政府',
          startOn: '2025-04-01',
        })
      ).statusCode,
    ).toBe(200);
    const other = await post(staff, '/api/assistance/measures', measure(elsewhere.id));
    const own = await post(staff, '/api/assistance/measures', measure(mine.id));
    expect([other.statusCode, own.statusCode]).toEqual([200, 200]);
    const cadre = await env.login('cadre');
    const listed = (await get(cadre, '/api/assistance/measures')).json().items as { id: number; householdId: number }[];
    expect(listed.map((m) => m.id)).toContain(own.json().id);
    const paired = await queryRows<{ household_id: number }>(
      env.services.db,
      sql`SELECT household_id::int AS household_id FROM cadre_pairing WHERE cadre_user_id = ${await cadreId()} AND end_on IS NULL`,
    );
    expect(listed.filter((m) => !paired.some((p) => p.household_id === m.householdId))).toEqual([]);
    expect(listed.map((m) => m.id)).not.toContain(other.json().id);
    expect((await get(cadre, `/api/assistance/measures/${other.json().id}`)).statusCode).toBe(404);
    // The township staff who wrote both sees both.
    const all = (await get(staff, '/api/assistance/measures')).json().items.map((m: { id: number }) => m.id);
    expect(all).toEqual(expect.arrayContaining([own.json().id, other.json().id]));
  });

  it('a department user reads a measure by id no more than the list (403), like any role without assistance:read', async () => {
    const staff = await env.login('township_staff');
    const h = await monitored(staff);
    const created = await post(staff, '/api/assistance/measures', measure(h.id));
    expect(created.statusCode, created.body).toBe(200);
    const dept = await env.login('dept_medical');
    expect((await get(dept, '/api/assistance/measures')).statusCode).toBe(403);
    expect((await get(dept, `/api/assistance/measures/${created.json().id}`)).statusCode).toBe(403);
    expect((await get(staff, `/api/assistance/measures/${created.json().id}`)).statusCode).toBe(200);
  });

  it('measure export is scoped and audited', async () => {
    const village = await env.login('village_officer');
    const res = await get(village, '/api/assistance/measures/export.xlsx');
    expect(res.statusCode).toBe(200);
    const [row] = await queryRows<{ org_code: string }>(
      env.services.db,
      sql`SELECT org_code FROM audit_log WHERE entity = 'assistance_measure' AND action = 'export' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.org_code).toBe('140521100201');
  });
});

describe('daily obligations check', () => {
  it('keeps one snapshot of the board per county and day, whatever the number of ticks', async () => {
    const clock = () => new Date('2025-12-01T02:00:00Z');
    const schedule = startObligationSchedule(env.services, clock, { timers: false });
    await monitored(await env.login('county_staff'), { identificationPeriod: '2025-06' });
    expect(await schedule.tick()).toEqual(['140521000000']);
    expect(await schedule.tick()).toEqual([]);
    const rows = await queryRows<{ code: string; households: number }>(
      env.services.db,
      sql`SELECT code, households FROM obligation_snapshot WHERE as_of = '2025-12-01' AND township_code = '140521100000'`,
    );
    expect(rows.find((r) => r.code === 'noMeasure')?.households).toBeGreaterThan(0);
  });
});

describe('relief approval cap (relief.maxPerApplicationFen, 0 = no cap)', () => {
  it('refuses an approval above the county cap with a field message', async () => {
    const admin = await env.login('county_admin');
    const township = await env.login('township_staff');
    const fund = await post(township, '/api/relief/funds', {
      orgCode: '140521100000',
      name: '龙港镇临时救助备用金',
      kind: 'temporaryReserve',
    });
    expect(fund.statusCode, fund.body).toBe(200);
    const h = await monitored(township);
    const a = await post(township, '/api/relief/applications', {
      fundId: fund.json().id,
      householdId: h.id,
      reliefKind: 'temporary',
      eventType: 'illness',
      reason: '突发重病住院，生活困难',
      requestedFen: 300_000,
      appliedOn: '2025-06-01',
    });
    expect(a.statusCode, a.body).toBe(200);
    const set = await post(admin, '/api/params', {
      key: 'relief.maxPerApplicationFen',
      value: 200_000,
      effectiveFrom: '2025-01-01',
    });
    expect(set.statusCode, set.body).toBe(200);
    const refused = await post(township, `/api/relief/applications/${a.json().id}/decision`, { decision: 'approve' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({
      field: 'approvedFen',
      messageZh: expect.stringContaining('2000.00'),
    });
    const partial = await post(township, `/api/relief/applications/${a.json().id}/decision`, {
      decision: 'approve',
      approvedFen: 200_000,
    });
    expect(partial.json()).toMatchObject({ status: 'approved', approvedFen: 200_000 });
    // The reserve is empty: paying is refused and nothing moves.
    expect(
      (await post(township, `/api/relief/applications/${a.json().id}/disburse`, { occurredOn: '2025-06-02' }))
        .statusCode,
    ).toBe(409);
    expect((await get(township, `/api/relief/funds/${fund.json().id}`)).json()).toMatchObject({
      balanceFen: 0,
      entries: [],
    });
  });
});
