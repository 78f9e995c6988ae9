import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FEED_SOURCES } from '#common/domain/feeds/sources.ts';
import { HOUSEHOLD_HEADERS, MEMBER_HEADERS, useTransferTestApp } from './transfer.test-support.ts';

// The blank import files: the contract's headers (formats.md §1, §2) in row 1, an example row that
// imports cleanly, the notes sheet passed over by the import.

const env = useTransferTestApp();

/** formats.md §1, in its order (the headers the transfer tests build their files from). */
const HOUSEHOLD_CONTRACT = HOUSEHOLD_HEADERS;
const MEMBER_CONTRACT = MEMBER_HEADERS;
/** formats.md §2: the common columns, then the source's own. */
const FEED_CONTRACT = ['证件号码', '姓名', '数据来源', '事项', '发生日期', '金额(元)', '说明'];
const FEED_EXTRAS: Record<string, string[]> = {
  医保: [],
  教育: ['学段'],
  住建: ['等级'],
  民政: [],
  残联: ['残疾类别', '残疾等级'],
  人社: ['断缴月数'],
  应急: ['灾种'],
  公安: ['车辆类型'],
  市场监管: ['企业名称'],
  财政: ['单位'],
  水务: [],
};

async function download(url: string) {
  const cookie = await env.login('village_officer');
  const res = await env.app.inject({ url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return { res, wb };
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe('import templates', () => {
  it('the household template: every contract header in row 1, frozen and filtered, an example that imports cleanly', async () => {
    const { res, wb } = await download('/api/import-templates/households.xlsx');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('户信息导入模板.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['户信息', '家庭成员', '填写说明']);
    const households = wb.getWorksheet('户信息')!;
    const members = wb.getWorksheet('家庭成员')!;
    expect(headerOf(households)).toEqual(expect.arrayContaining(HOUSEHOLD_CONTRACT));
    expect(headerOf(households).slice(0, 5)).toEqual(HOUSEHOLD_CONTRACT.slice(0, 5));
    expect(headerOf(members)).toEqual(expect.arrayContaining(MEMBER_CONTRACT));
    expect(headerOf(members).slice(0, 4)).toEqual(MEMBER_CONTRACT.slice(0, 4));
    expect(households.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(String(households.autoFilter)).toMatch(/^A1:[A-Z]+2$/);
    expect(households.getRow(2).getCell(4).numFmt).toBe('@');
    expect(households.rowCount).toBe(2);
    const notes = JSON.stringify(wb.getWorksheet('填写说明')!.getSheetValues());
    expect(notes).toContain('必填');

    const job = await env.importFiles(
      'county_staff',
      { households: { name: '户信息导入模板.xlsx', content: res.rawPayload } },
      '?dryRun=true',
    );
    expect(job.result).toMatchObject({ committed: false, households: 1, created: 1, errorCount: 0 });
  });

  it.each(FEED_SOURCES.map((s) => [s.zh, s.code]))(
    'the %s feed template: the contract headers and an example',
    async (zh, code) => {
      const { res, wb } = await download(`/api/import-templates/feed.xlsx?source=${code}`);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`部门比对数据模板-${zh}.xlsx`));
      const ws = wb.worksheets[0];
      expect(headerOf(ws)).toEqual([...FEED_CONTRACT, ...FEED_EXTRAS[zh]]);
      expect(ws.getRow(2).getCell(3).value).toBe(zh);
      expect(ws.getRow(2).getCell(5).value).toEqual(new Date(Date.UTC(2026, 0, 15)));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    },
  );

  it('refuses an unknown source with 400 and a signed-out caller with 401', async () => {
    const cookie = await env.login('county_staff');
    expect(
      (await env.app.inject({ url: '/api/import-templates/feed.xlsx?source=x', headers: { cookie } })).statusCode,
    ).toBe(400);
    expect((await env.app.inject({ url: '/api/import-templates/households.xlsx' })).statusCode).toBe(401);
  });
});
