import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import {
  registryCounts,
  sheetRows,
  testHousehold,
  useTransferTestApp,
  workbook,
} from '../import/transfer.test-support.ts';

const env = useTransferTestApp();
const imported = [testHousehold('140521100201'), testHousehold('140521100201'), testHousehold('140521104201')];
imported[0].household['备注'] = '易地搬迁';
let created: ReturnType<typeof householdRequest>;

beforeAll(async () => {
  await env.importFiles('county_staff', {
    households: { name: '台账.xlsx', content: await workbook(sheetRows(imported, ['备注'])) },
  });
  // One household entered through the registry form, with monitoring facts the minimal format lacks.
  created = householdRequest({
    kind: 'alleviated',
    alleviatedAttribute: 'general',
    monitoringType: 'unstable',
    identificationPeriod: '2024-03',
    riskTypes: ['illness', 'lackOfLabour'],
  });
  await createMonitoredHousehold(env, created);
});

async function download(user: string) {
  const cookie = await env.login(user);
  return env.app.inject({ url: '/api/registry/export.xlsx', headers: { cookie } });
}

async function sheetsOf(buffer: Buffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as never);
  const out: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    out[sheet.name] = [];
    sheet.eachRow((row) => out[sheet.name].push((row.values as unknown[]).slice(1)));
  });
  return out;
}

describe('GET /api/registry/export.xlsx', () => {
  it('streams the household workbook of the actor scope, IDs in full, and audits the export', async () => {
    const auditsBefore = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export'`,
    );
    const res = await download('village_officer');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent('农户台账.xlsx')}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const ws = book.getWorksheet('户信息')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toMatch(/^A2:[A-Z]+\d+$/);
    expect(ws.getRow(3).getCell(4).numFmt).toBe('@'); // 户主证件号码 as text
    const sheets = await sheetsOf(res.rawPayload);
    expect(Object.keys(sheets)).toEqual(['户信息', '家庭成员']);
    // Ready for Excel/WPS: a title row naming the unit and the China day, the header frozen and filtered below it.
    const [title, householdHeader, ...households] = sheets['户信息'];
    expect(String(title[0])).toMatch(/^户信息\u3000\u3000单位：.+\u3000\u3000导出日期：\d{4}-\d{2}-\d{2}$/);
    expect(householdHeader.slice(0, 5)).toEqual(['行政区划代码', '户编号', '户主姓名', '户主证件号码', '户类型']);
    expect(householdHeader.at(-1)).toBe('备注');
    expect(households.every((r) => r[0] === '140521100201')).toBe(true);
    expect(households.map((r) => r[1])).toEqual(
      expect.arrayContaining([imported[0].household['户编号'], imported[1].household['户编号'], created.householdNo]),
    );
    expect(households.map((r) => r[1])).not.toContain(imported[2].household['户编号']);
    const memberIds = sheets['家庭成员'].slice(2).map((r) => r[2]);
    expect(memberIds).toEqual(expect.arrayContaining(imported[0].members.map((m) => m['证件号码'])));
    const [audit] = await queryRows<{ n: number; after: { households: number } }>(
      env.services.db,
      sql`SELECT count(*) OVER ()::int AS n, after FROM audit_log
      WHERE action = 'export' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.n).toBe(auditsBefore[0].n + 1);
    expect(audit.after.households).toBe(households.length);
  });

  it('round-trips: the county export re-imports as all unchanged, writing no change', async () => {
    const res = await download('county_staff');
    expect(res.statusCode).toBe(200);
    const before = await registryCounts(env.services.db);
    const job = await env.importFiles('county_staff', { households: { name: 'export.xlsx', content: res.rawPayload } });
    const [{ n }] = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM household WHERE closed_on IS NULL`,
    );
    expect(job.result).toMatchObject({
      committed: true,
      errorCount: 0,
      created: 0,
      updated: 0,
      unchanged: n,
      members: { added: 0, ended: 0, updated: 0 },
    });
    expect(await registryCounts(env.services.db)).toEqual({ ...before, audits: before.audits + 1 });
  });

  it.each(['dept_medical', 'cadre', 'auditor'])('is refused to %s with 403', async (user) => {
    const res = await download(user);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
