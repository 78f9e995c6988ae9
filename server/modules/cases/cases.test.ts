import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { multipart } from '../attachments/attachments.test-support.ts';
import { createCasesService } from './cases.service.ts';

const env = useTestApp();

const USERS = [
  'county_admin',
  'county_staff',
  'township_staff',
  'village_officer',
  'dept_medical',
  'cadre',
  'auditor',
] as const;
type User = (typeof USERS)[number];
const cookies = new Map<string, string>();
async function cookie(user: User) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  return cookies.get(user)!;
}
const day = (offset: number) => {
  const d = new Date(Date.parse(todayInChina() + 'T00:00:00Z') + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const consent = { signed: true, signedOn: day(-12), signer: '王建国', method: 'fingerprint' };

async function call(user: User, method: 'GET' | 'POST', url: string, payload?: object) {
  return env.app.inject({ method, url, headers: { cookie: await cookie(user) }, payload });
}

async function householdWithClue(overrides = {}, withConsent = true) {
  const res = await call('county_staff', 'POST', '/api/registry/households', householdRequest(overrides));
  expect(res.statusCode, res.body).toBe(200);
  const h = res.json();
  const body = { householdId: h.id, reason: '户主突发重病住院，自付费用高', riskTypes: ['illness'], consent };
  const apply = await call('county_staff', 'POST', '/api/clues/applications', body);
  expect(apply.statusCode, apply.body).toBe(200);
  if (!withConsent)
    await env.services.db.execute(sql`UPDATE clue SET consent = NULL WHERE id = ${apply.json().clueIds[0]}`);
  return { household: h, clueId: apply.json().clueIds[0] as number };
}

async function start(clueId: number, user: User = 'township_staff') {
  const res = await call(user, 'POST', '/api/cases/identifications', { clueId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The case (and its clue) began `days` ago: the village dates of the walk (评议, 公示) lie inside it. */
async function startedDaysAgo(caseId: number, days = 12) {
  await env.services.db.execute(sql`UPDATE monitoring_case SET started_on = ${day(-days)} WHERE id = ${caseId}`);
  await env.services.db
    .execute(sql`UPDATE clue SET opened_at = (${day(-days)}::date + time '09:00') AT TIME ZONE 'Asia/Shanghai'
    WHERE id = (SELECT clue_id FROM monitoring_case WHERE id = ${caseId})`);
}

/** The notice was put up on `startedOn` (as if started then: it ends 5 days later). */
async function restartNotice(caseId: number, startedOn: string) {
  await env.services.db.execute(sql`UPDATE monitoring_case SET notice_started_on = ${startedOn},
    notice_ends_on = ${startedOn}::date + 5 WHERE id = ${caseId}`);
}

async function act(user: User, id: number, action: string, fields: object = {}, extra: object = {}) {
  const detail = (await call('county_admin', 'GET', `/api/cases/${id}`)).json();
  return call(user, 'POST', `/api/cases/${id}/actions`, { action, version: detail.version, fields, ...extra });
}

const STAGE_RECORD: Record<string, Record<string, unknown>> = {
  verification: { findings: '入户核实：户主住院两次，自付费用约3万元', riskTypes: ['illness', 'lackOfLabour'] },
  comparison: { monitoringType: 'edge' },
  villageReview: { meetingOn: day(-10), attendance: 23, agreed: true, result: '参会23人，一致同意' },
  publicNotice: { objections: [] },
  townshipReview: { opinion: '经审核，情况属实' },
  countyApproval: { opinion: '同意纳入监测' },
  announcement: { announcedOn: day(0) },
};
const ACTOR: Record<string, User[]> = {
  verification: ['village_officer'],
  comparison: ['township_staff'],
  villageReview: ['village_officer'],
  publicNotice: ['village_officer'],
  townshipReview: ['township_staff'],
  countyApproval: ['county_staff', 'county_admin'],
  announcement: ['township_staff'],
};

describe('identification from a clue to 纳入监测', () => {
  // The longest unit test (~10 s alone): room for a loaded CI machine.
  it(
    'walks every stage; at each stage every other role is refused; the household is monitored at the end',
    { timeout: 90_000 },
    async () => {
      const { household, clueId } = await householdWithClue();
      const c = await start(clueId);
      expect(c).toMatchObject({
        kind: 'identification',
        stage: 'verification',
        status: 'active',
        riskTypes: ['illness'],
        timeLimit: { limitDays: 15 },
      });
      await startedDaysAgo(c.id);
      // One active case per clue; the clue list names that case, so the web offers a link instead of 发起识别.
      expect((await call('village_officer', 'POST', '/api/cases/identifications', { clueId })).statusCode).toBe(409);
      const other = await householdWithClue();
      const openClues = (await call('village_officer', 'GET', '/api/clues?status=open&limit=200')).json().items;
      expect(openClues.find((x: { id: number }) => x.id === clueId)).toMatchObject({ activeCaseId: c.id });
      expect(openClues.find((x: { id: number }) => x.id === other.clueId)).toMatchObject({ activeCaseId: null });

      for (const stage of [
        'verification',
        'comparison',
        'villageReview',
        'publicNotice',
        'townshipReview',
        'countyApproval',
        'announcement',
      ]) {
        const now = (await call('county_admin', 'GET', `/api/cases/${c.id}`)).json();
        expect(now.stage).toBe(stage);
        if (stage === 'publicNotice') {
          const early = await act('village_officer', c.id, 'complete', STAGE_RECORD.publicNotice);
          expect(early.statusCode).toBe(409);
          expect(early.json().error.messageZh).toContain('公示');
          const hanging = await act('village_officer', c.id, 'startNotice', { startedOn: day(-4) });
          expect(hanging.statusCode, hanging.body).toBe(200);
          // 办结 is offered but closed until 公示期满: the day it opens comes from the server's rule.
          expect(hanging.json()).toMatchObject({
            allowedActions: expect.arrayContaining(['complete']),
            completeBlocked: { opensOn: day(1), messageZh: expect.stringContaining(`${day(1)}起方可结束公示`) },
          });
          const tooEarly = await act('village_officer', c.id, 'complete', STAGE_RECORD.publicNotice);
          expect(tooEarly.statusCode).toBe(409);
          await restartNotice(c.id, day(-5));
          const started = (await call('village_officer', 'GET', `/api/cases/${c.id}`)).json();
          expect(started).toMatchObject({ noticeStartedOn: day(-5), noticeEndsOn: day(0), completeBlocked: null });
        }
        for (const user of USERS) {
          if (ACTOR[stage].includes(user)) continue;
          const res = await act(user, c.id, 'complete', STAGE_RECORD[stage]);
          expect(res.statusCode, `${stage} by ${user}: ${res.body}`).toBe(403);
          for (const action of ['reject', 'close'] as const) {
            const other = await act(user, c.id, action, {}, { reason: '不是本环节的人员' });
            expect(other.statusCode, `${action} at ${stage} by ${user}`).toBe(403);
          }
        }
        const opinion = stage === 'verification' ? { reason: '核实属实，同意进入信息比对' } : {};
        const res = await act(ACTOR[stage][0], c.id, 'complete', STAGE_RECORD[stage], opinion);
        expect(res.statusCode, `${stage}: ${res.body}`).toBe(200);
      }

      const done = (await call('county_admin', 'GET', `/api/cases/${c.id}`)).json();
      expect(done).toMatchObject({
        stage: 'done',
        status: 'done',
        monitoringType: 'edge',
        riskTypes: ['illness', 'lackOfLabour'],
        decidedOn: day(0),
      });
      expect(done.household).toMatchObject({
        monitoringStatus: 'monitored',
        monitoringType: 'edge',
        riskTypes: ['illness', 'lackOfLabour'],
        identificationPeriod: day(0).slice(0, 7),
      });
      // The opinion given on completing 入户核实 is kept on its step.
      expect(done.steps[1]).toMatchObject({
        action: 'complete',
        fromStage: 'verification',
        note: '核实属实，同意进入信息比对',
      });
      expect(done.steps.map((s: { action: string }) => s.action)).toEqual([
        'start',
        'complete',
        'complete',
        'complete',
        'startNotice',
        'complete',
        'complete',
        'complete',
        'complete',
      ]);
      expect(done.data.comparison.evidence).toHaveProperty('suggestion');

      const [clue] = await queryRows<{ status: string; close_reason: string }>(
        env.services.db,
        sql`SELECT status, close_reason FROM clue WHERE id = ${clueId}`,
      );
      expect(clue).toMatchObject({ status: 'closed', close_reason: expect.stringContaining('纳入监测') });
      const changes = await queryRows<{ action: string }>(
        env.services.db,
        sql`SELECT action FROM registry_change WHERE household_id = ${household.id} ORDER BY id`,
      );
      expect(changes.map((r) => r.action)).toContain('identify');
      const audit = await queryRows<{ action: string }>(
        env.services.db,
        sql`SELECT action FROM audit_log WHERE entity = 'case' AND entity_id = ${String(c.id)} ORDER BY id`,
      );
      expect(audit.map((a) => a.action)).toEqual([
        'start',
        'complete',
        'complete',
        'complete',
        'startNotice',
        'complete',
        'complete',
        'complete',
        'complete',
      ]);
    },
  );

  it('verification needs the signed undertaking and 1–5 risks; field errors name the field', async () => {
    const { clueId } = await householdWithClue({}, false);
    const c = await start(clueId, 'village_officer');
    const noConsent = await act('village_officer', c.id, 'complete', STAGE_RECORD.verification);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields[0].field).toBe('consent');
    const six = await act('village_officer', c.id, 'complete', {
      ...STAGE_RECORD.verification,
      consent,
      riskTypes: ['illness', 'disability', 'education', 'accident', 'lackOfLabour', 'other'],
    });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.fields[0].field).toBe('riskTypes');
    const ok = await act('village_officer', c.id, 'complete', { ...STAGE_RECORD.verification, consent });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a return at any later stage needs a reason and goes back to 入户核实; verification itself cannot be returned; closing ends the clue', async () => {
    const { clueId } = await householdWithClue();
    const c = await start(clueId);
    expect((await act('village_officer', c.id, 'reject', {}, { reason: '材料不全' })).statusCode).toBe(400);
    await act('village_officer', c.id, 'complete', STAGE_RECORD.verification);
    expect((await act('township_staff', c.id, 'reject', {})).statusCode).toBe(400);
    const back = await act('township_staff', c.id, 'reject', {}, { reason: '收入数据需重新核实' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().stage).toBe('verification');
    expect(back.json().steps.at(-1)).toMatchObject({
      action: 'reject',
      note: '收入数据需重新核实',
      fromStage: 'comparison',
      toStage: 'verification',
    });
    const closed = await act('village_officer', c.id, 'close', {}, { reason: '核实家庭收入较高，不符合条件' });
    expect(closed.json()).toMatchObject({ status: 'closed', stage: 'closed' });
    const [clue] = await queryRows<{ status: string }>(
      env.services.db,
      sql`SELECT status FROM clue WHERE id = ${clueId}`,
    );
    expect(clue.status).toBe('closed');
  });

  it('attachments uploaded for a step are linked to it and listed on the timeline; a stale version is refused', async () => {
    const { clueId } = await householdWithClue();
    const c = await start(clueId);
    const up = multipart(
      { ownerKind: 'caseStep' },
      { name: '承诺授权书.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 signed') },
    );
    const file = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: await cookie('village_officer'), ...up.headers },
      payload: up.payload,
    });
    expect(file.statusCode, file.body).toBe(200);
    const res = await act('village_officer', c.id, 'complete', STAGE_RECORD.verification, {
      attachmentIds: [file.json().id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().steps.at(-1).attachments).toEqual([
      expect.objectContaining({ id: file.json().id, fileName: '承诺授权书.pdf' }),
    ]);
    // Reusing the attachment is refused.
    const again = await act('township_staff', c.id, 'complete', STAGE_RECORD.comparison, {
      attachmentIds: [file.json().id],
    });
    expect(again.statusCode).toBe(400);
    const stale = await call('township_staff', 'POST', `/api/cases/${c.id}/actions`, {
      action: 'complete',
      version: 1,
      fields: STAGE_RECORD.comparison,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('outside scope the case does not exist; roles without the permission are refused', async () => {
    const { clueId } = await householdWithClue();
    const c = await start(clueId);
    expect((await call('dept_medical', 'GET', `/api/cases/${c.id}`)).statusCode).toBe(403);
    expect((await call('cadre', 'GET', `/api/cases/${c.id}`)).statusCode).toBe(403);
    expect((await call('auditor', 'GET', `/api/cases/${c.id}`)).statusCode).toBe(200);
    const other = {
      requestId: 't',
      actor: {
        id: 99,
        username: 'x',
        displayName: 'x',
        role: 'villageOfficer' as const,
        orgCode: '140521100202',
        orgName: 'x',
        feedSource: null,
        scopePrefix: '140521100202',
      },
    };
    await expect(env.services.cases.get(other, c.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      env.services.cases.act(other, c.id, {
        action: 'complete',
        version: c.version,
        fields: STAGE_RECORD.verification,
        attachmentIds: [],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

/** Walks a fresh identification (started 12 days ago) up to `stage`. */
async function caseAt(stage: 'comparison' | 'villageReview' | 'publicNotice' | 'countyApproval', overrides = {}) {
  const { household, clueId } = await householdWithClue(overrides);
  const c = await start(clueId);
  await startedDaysAgo(c.id);
  const order = [
    'verification',
    'comparison',
    'villageReview',
    'publicNotice',
    'townshipReview',
    'countyApproval',
  ] as const;
  for (const s of order.slice(0, order.indexOf(stage))) {
    if (s === 'publicNotice')
      expect((await act('village_officer', c.id, 'startNotice', { startedOn: day(-5) })).statusCode).toBe(200);
    const record = s === 'comparison' ? { monitoringType: 'suddenHardship' } : STAGE_RECORD[s];
    const res = await act(ACTOR[s][0], c.id, 'complete', record);
    expect(res.statusCode, `${s}: ${res.body}`).toBe(200);
  }
  return { household, c };
}

describe('the type must fit the household kind (§1.2)', () => {
  it.each([
    ['ordinary', 'unstable', 400],
    ['ordinary', 'edge', 200],
    ['ordinary', 'suddenHardship', 200],
    ['alleviated', 'edge', 400],
    ['alleviated', 'unstable', 200],
    ['alleviated', 'suddenHardship', 200],
  ] as const)('信息比对: a %s household as %s → %i', async (kind, type, status) => {
    const { c } = await caseAt(
      'comparison',
      kind === 'alleviated' ? { kind, alleviatedAttribute: 'general' } : { kind },
    );
    const res = await act('township_staff', c.id, 'complete', { monitoringType: type });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 400) {
      expect(res.json().error.fields[0]).toMatchObject({
        field: 'monitoringType',
        messageZh: expect.stringContaining(
          kind === 'alleviated' ? '脱贫户不能认定为边缘易致贫户' : '一般农户不能认定为脱贫不稳定户',
        ),
      });
      expect((await call('county_admin', 'GET', `/api/cases/${c.id}`)).json()).toMatchObject({
        stage: 'comparison',
        monitoringType: null,
      });
    }
  });

  it('县级审定 cannot change the type to one the kind does not allow; the household stays editable after 公告', async () => {
    const { household, c } = await caseAt('countyApproval');
    const wrong = await act('county_staff', c.id, 'complete', { opinion: '同意纳入监测', monitoringType: 'unstable' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('monitoringType');
    expect(
      (await act('county_staff', c.id, 'complete', { opinion: '同意纳入监测', monitoringType: 'edge' })).statusCode,
    ).toBe(200);
    expect((await act('township_staff', c.id, 'complete', STAGE_RECORD.announcement)).statusCode).toBe(200);
    // The bug this guards: after a wrong type every later edit of the household was refused.
    const h = (await call('county_admin', 'GET', `/api/registry/households/${household.id}`)).json();
    const edit = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${household.id}`,
      headers: { cookie: await cookie('county_staff') },
      payload: {
        villageCode: h.villageCode,
        kind: h.kind,
        housingGrade: 'B',
        waterSafe: true,
        address: '第二村民小组 3 号',
        version: h.version,
        reason: '门牌调整',
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
  });

  it('公告 refuses a type the household kind no longer allows (户类型 edited during the case)', async () => {
    const { household, c } = await caseAt('countyApproval', { kind: 'ordinary' });
    expect(
      (await act('county_staff', c.id, 'complete', { opinion: '同意纳入监测', monitoringType: 'edge' })).statusCode,
    ).toBe(200);
    await env.services.db.execute(
      sql`UPDATE household SET kind = 'alleviated', alleviated_attribute = 'general' WHERE id = ${household.id}`,
    );
    const res = await act('township_staff', c.id, 'complete', STAGE_RECORD.announcement);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('monitoringType');
  });
});

describe('评议 and 公示 dates inside the case (§1.6)', () => {
  it('a review meeting before the case started or in the future is refused with a field message', async () => {
    const { c } = await caseAt('villageReview');
    const before = await act('village_officer', c.id, 'complete', {
      ...STAGE_RECORD.villageReview,
      meetingOn: day(-13),
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields[0]).toMatchObject({
      field: 'meetingOn',
      messageZh: `民主评议日期不能早于事项开始日期 ${day(-12)}`,
    });
    const future = await act('village_officer', c.id, 'complete', { ...STAGE_RECORD.villageReview, meetingOn: day(1) });
    expect(future.json().error.fields[0]).toMatchObject({
      field: 'meetingOn',
      messageZh: expect.stringContaining('不能晚于今天'),
    });
    expect(
      (await act('village_officer', c.id, 'complete', { ...STAGE_RECORD.villageReview, meetingOn: day(-12) }))
        .statusCode,
    ).toBe(200);
  });

  it('a notice dated back before the case (to "hang" its days on paper) is refused; so is an objection before the notice', async () => {
    const { c } = await caseAt('publicNotice');
    // The case began 12 days ago; a notice from 20 days ago would let it end today.
    const backdated = await act('village_officer', c.id, 'startNotice', { startedOn: day(-20) });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().error.fields[0]).toMatchObject({
      field: 'startedOn',
      messageZh: `公示开始日期不能早于事项开始日期 ${day(-12)}`,
    });
    const beforeReview = await act('village_officer', c.id, 'startNotice', { startedOn: day(-11) });
    expect(beforeReview.json().error.fields[0]).toMatchObject({
      field: 'startedOn',
      messageZh: `公示开始日期不能早于民主评议日期 ${day(-10)}`,
    });
    expect(
      (await act('village_officer', c.id, 'startNotice', { startedOn: day(1) })).json().error.fields[0].messageZh,
    ).toContain('不能晚于今天');
    expect((await act('village_officer', c.id, 'startNotice', { startedOn: day(-5) })).statusCode).toBe(200);
    const early = await act('village_officer', c.id, 'complete', {
      objections: [{ receivedOn: day(-6), content: '询问收入', handling: '已解释' }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].field).toBe('objections[0].receivedOn');
  });

  it('a case found today cannot be walked through 评议 and 公示 on earlier dates', async () => {
    const { clueId } = await householdWithClue();
    const c = await start(clueId);
    for (const [s, record] of [
      ['verification', STAGE_RECORD.verification],
      ['comparison', STAGE_RECORD.comparison],
    ] as const) {
      expect((await act(ACTOR[s][0], c.id, 'complete', record)).statusCode).toBe(200);
    }
    expect((await act('village_officer', c.id, 'complete', STAGE_RECORD.villageReview)).statusCode).toBe(400);
    expect(
      (await act('village_officer', c.id, 'complete', { ...STAGE_RECORD.villageReview, meetingOn: day(0) })).statusCode,
    ).toBe(200);
    expect((await act('village_officer', c.id, 'startNotice', { startedOn: day(-5) })).statusCode).toBe(400);
  });

  it('"today" is the county\'s day (China time): at 16:30 UTC the China date is already the next day', async () => {
    const { c } = await caseAt('villageReview');
    await env.services.db.execute(sql`UPDATE monitoring_case SET started_on = '2026-11-20' WHERE id = ${c.id}`);
    // 2026-11-30 16:30 UTC = 2026-12-01 00:30 in Qinshui.
    const cases = createCasesService({
      db: env.services.db,
      attachments: env.services.attachments,
      monitoring: env.services.monitoring,
      clock: () => new Date('2026-11-30T16:30:00Z'),
    });
    const officer = {
      requestId: 't',
      actor: {
        id: 0,
        username: 'v',
        displayName: '村级信息员',
        role: 'villageOfficer' as const,
        orgCode: '140521100201',
        orgName: 'x',
        feedSource: null,
        scopePrefix: '140521100201',
      },
    };
    const version = (await cases.get(officer, c.id)).version;
    const review = (meetingOn: string) => ({
      action: 'complete' as const,
      version,
      fields: { ...STAGE_RECORD.villageReview, meetingOn },
      attachmentIds: [],
    });
    await expect(cases.act(officer, c.id, review('2026-12-02'))).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'meetingOn', messageZh: '民主评议日期不能晚于今天（2026-12-01）' }],
    });
    await expect(cases.act(officer, c.id, review('2026-12-01'))).resolves.toMatchObject({ stage: 'publicNotice' });
  });
});
