import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdDetail } from '#common/contracts/registry.ts';
import { householdRequest, memberInput } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';

// 兜底保障 linkage through HTTP: a monitored household without labour is flagged until a member is in 低保 (an entry),
// the household section shows each member's benefits, the list and its export agree, scope holds.

const env = useTestApp();
let staff: string;
let village: string;
let h: HouseholdDetail;

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });
const flagged = async () =>
  (await call(staff, 'GET', '/api/social-assistance/uncovered?page=1&pageSize=200'))
    .json()
    .items.map((r: { householdId: number }) => r.householdId);

beforeAll(async () => {
  staff = await env.login('county_staff');
  village = await env.login('village_officer');
  h = await createMonitoredHousehold(
    env,
    householdRequest({
      kind: 'alleviated',
      alleviatedAttribute: 'general',
      monitoringType: 'unstable',
      identificationPeriod: '2025-03',
      riskTypes: ['illness'],
      villageCode: '140521100201',
      members: [memberInput({ name: '赵老汉', labourSkill: 'lost', workMonths: null, workPlace: null })],
    }),
  );
});

describe('兜底保障 linkage', () => {
  it('flags the monitored household without labour and without 低保/特困; the export writes the same households', async () => {
    expect(await flagged()).toContain(h.id);
    const list = (await call(staff, 'GET', '/api/social-assistance/uncovered?page=1&pageSize=200')).json();
    const xlsx = await call(staff, 'GET', '/api/social-assistance/uncovered/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount - 2).toBe(list.total);
    // the cockpit's 兜底保障应保未保户数 is the list counted, at the village and the county, this month only
    const month = todayInChina().slice(0, 7);
    const indicator = async (org: string, period: string) =>
      (await call(staff, 'GET', `/api/indicators/cockpit?org=${org}&period=${period}`))
        .json()
        .indicators.find((i: { code: string }) => i.code === 'SOCIAL_UNCOVERED_N');
    const inVillage = list.items.filter((r: { villageCode: string }) => r.villageCode === '140521100201').length;
    expect((await indicator('140521100201', month)).value).toBe(inVillage);
    expect((await indicator('140521000000', month)).value).toBe(list.total);
    expect((await indicator('140521000000', '2025-01')).value).toBeNull();
  });

  it('a 残疾人两项补贴 entry does not cover; a 低保 entry does, and the section shows both', async () => {
    const personId = h.members[0].personId;
    const bad = await call(village, 'POST', '/api/social-assistance/benefits', {
      personId,
      kind: 'minimumLiving',
      startOn: '2025-05-01',
      endOn: '2025-04-01',
    });
    expect(bad.statusCode).toBe(400);
    const allowance = await call(village, 'POST', '/api/social-assistance/benefits', {
      personId,
      kind: 'disabilityAllowance',
      startOn: '2025-01-01',
      amountFen: 10_000,
    });
    expect(allowance.statusCode, allowance.body).toBe(200);
    expect(await flagged()).toContain(h.id);
    const dibao = await call(village, 'POST', '/api/social-assistance/benefits', {
      personId,
      kind: 'minimumLiving',
      startOn: '2025-05-01',
      amountFen: 45_000,
      department: '县民政局',
    });
    expect(dibao.statusCode, dibao.body).toBe(200);
    expect(await flagged()).not.toContain(h.id);
    const section = (await call(village, 'GET', `/api/social-assistance/households/${h.id}`)).json();
    expect(section).toMatchObject({ monitored: true, uncovered: false });
    expect(section.members[0].benefits.map((b: { kind: string }) => b.kind).sort()).toEqual([
      'disabilityAllowance',
      'minimumLiving',
    ]);

    // Ended yesterday-or-earlier: flagged again; the end is audited.
    const end = await call(village, 'POST', `/api/social-assistance/benefits/${dibao.json().id}/end`, {
      endOn: '2025-12-31',
      reason: '收入超过低保标准退出',
      version: 1,
    });
    expect(end.statusCode, end.body).toBe(200);
    expect(await flagged()).toContain(h.id);
  });

  it('another township neither sees the household nor can enter for it', async () => {
    const cookie = await env.login('township_staff');
    const other = await call(cookie, 'GET', '/api/social-assistance/uncovered?page=1&orgCode=140521101000');
    expect(other.statusCode).toBe(404);
    const res = await call(staff, 'GET', `/api/social-assistance/households/${h.id}`);
    expect(res.statusCode).toBe(200);
  });
});
