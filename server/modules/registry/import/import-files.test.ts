import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import {
  csv,
  multipart,
  registryCounts,
  sheetRows,
  testHousehold,
  useTransferTestApp,
  workbook,
  type RowValues,
} from './transfer.test-support.ts';

// CSV pairs as Excel writes them, header tolerance, who may import what.

const env = useTransferTestApp();

describe('households.csv + members.csv', () => {
  it('imports UTF-8 with BOM and CRLF, quoted fields, and headers with spaces and full-width brackets', async () => {
    const list = [testHousehold(), testHousehold()];
    list[0].household['家庭住址'] = '第一组, "老宅"\r\n东院';
    const sheets = sheetRows(list);
    sheets.members[0] = sheets.members[0].map((h) =>
      h === '务工时间(月)' ? '务工时间（月）' : h === '姓名' ? ' 姓名 ' : h,
    );
    const job = await env.importFiles('county_staff', {
      households: { name: 'households.csv', content: csv(sheets.households) },
      members: { name: 'members.csv', content: csv(sheets.members) },
    });
    expect(job.result).toMatchObject({
      committed: true,
      created: 2,
      errorCount: 0,
      members: { added: 6 },
      unknownColumns: { households: [], members: [] },
    });
    const [h] = await queryRows<{ address: string; work: number }>(
      env.services.db,
      sql`SELECT h.address,
      (SELECT max(p.work_months) FROM membership m JOIN person p ON p.id = m.person_id WHERE m.household_id = h.id)::int AS work
      FROM household h WHERE household_no = ${list[0].household['户编号']}`,
    );
    expect(h).toEqual({ address: '第一组, "老宅"\r\n东院', work: 8 });
  });

  it('refuses a CSV without members.csv, and a file that is neither .xlsx nor .csv, with field messages', async () => {
    const cookie = await env.login('county_staff');
    for (const files of [
      { households: { name: 'households.csv', content: csv([['户编号']]) } },
      { households: { name: '台账.xls', content: Buffer.from('x') } },
    ]) {
      const upload = multipart(files);
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/registry/import',
        payload: upload.payload,
        headers: { ...upload.headers, cookie },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toMatch(/households|members/);
    }
  });

  it('reports a missing required column at row 1 and reads nothing else', async () => {
    const sheets = sheetRows([testHousehold()]);
    sheets.members = sheets.members.map((r) => r.slice(0, 3));
    const job = await env.importFiles(
      'county_staff',
      { households: { name: '缺列.xlsx', content: await workbook(sheets) } },
      '?dryRun=true',
    );
    expect(job.result.errors.map((e) => [e.sheet, e.row, e.reason])).toEqual([
      ['家庭成员', 1, '缺少必填列"与户主关系"'],
      ['家庭成员', 1, '缺少必填列"文化程度"'],
      ['家庭成员', 1, '缺少必填列"在校生状况"'],
      ['家庭成员', 1, '缺少必填列"健康状况"'],
      ['家庭成员', 1, '缺少必填列"劳动技能"'],
    ]);
  });
});

describe('people across households', () => {
  it('refuses a person active in a household the file does not list, naming it; moves them when it does', async () => {
    const first = testHousehold();
    const second = testHousehold();
    await env.importFiles('county_staff', {
      households: { name: '甲.xlsx', content: await workbook(sheetRows([first])) },
    });
    const mover: RowValues = { ...first.members[2], 户编号: second.household['户编号'], 与户主关系: '其他' };
    second.members.push(mover);
    const refused = await env.importFiles('county_staff', {
      households: { name: '乙.xlsx', content: await workbook(sheetRows([second])) },
    });
    expect(refused.result.errors.map((e) => [e.sheet, e.row, e.column, e.reason])).toEqual([
      ['家庭成员', 5, '证件号码', `已是户 ${first.household['户编号']} 的在册成员，而该户不在本次导入中；请先办理迁出`],
    ]);

    first.members.pop();
    const moved = await env.importFiles('county_staff', {
      households: { name: '甲乙.xlsx', content: await workbook(sheetRows([first, second])) },
    });
    expect(moved.result).toMatchObject({ committed: true, created: 1, updated: 1, members: { added: 4, ended: 1 } });
    const active = await queryRows<{ household_no: string }>(
      env.services.db,
      sql`SELECT h.household_no FROM membership m
      JOIN person p ON p.id = m.person_id JOIN household h ON h.id = m.household_id WHERE p.name = ${String(mover['姓名'])} AND m.valid_to IS NULL`,
    );
    expect(active).toEqual([{ household_no: second.household['户编号'] }]);
  });
});

describe('people in households out of scope', () => {
  it("a village officer's dry run says only that the person's household is not in his area, not which one", async () => {
    const elsewhere = testHousehold('140521104201');
    await env.importFiles('county_staff', {
      households: { name: '外乡镇.xlsx', content: await workbook(sheetRows([elsewhere])) },
    });
    const mine = testHousehold('140521100201');
    mine.members.push({ ...elsewhere.members[2], 户编号: mine.household['户编号'], 与户主关系: '其他' });
    const job = await env.importFiles(
      'village_officer',
      { households: { name: '本村.xlsx', content: await workbook(sheetRows([mine])) } },
      '?dryRun=true',
    );
    const reasons = job.result.errors.map((e) => e.reason);
    expect(reasons).toEqual(['已是其他农户的在册成员，该户不在本辖区；请联系其所在乡镇办理迁出']);
    expect(JSON.stringify(job.result)).not.toContain(String(elsewhere.household['户编号']));
  });
});

describe('scope and permission', () => {
  it('refuses a village officer importing another village, writing nothing', async () => {
    const before = await registryCounts(env.services.db);
    const other = testHousehold('140521104201');
    const job = await env.importFiles('village_officer', {
      households: { name: '外村.xlsx', content: await workbook(sheetRows([other])) },
    });
    expect(job.result.committed).toBe(false);
    expect(
      job.result.errors.map(({ sheet, row, column, value, reason }) => ({ sheet, row, column, value, reason })),
    ).toEqual([
      { sheet: '户信息', row: 2, column: '行政区划代码', value: '140521104201', reason: '该村不在您的管辖范围内' },
    ]);
    expect(await registryCounts(env.services.db)).toEqual(before);
  });

  it('lets a village officer import their own village; the changes wait for township review', async () => {
    const own = testHousehold('140521100201');
    const job = await env.importFiles('village_officer', {
      households: { name: '本村.xlsx', content: await workbook(sheetRows([own])) },
    });
    expect(job.result).toMatchObject({ committed: true, created: 1 });
    const [change] = await queryRows<{ review_status: string }>(
      env.services.db,
      sql`SELECT c.review_status FROM registry_change c
      JOIN household h ON h.id = c.household_id WHERE h.household_no = ${own.household['户编号']}`,
    );
    expect(change.review_status).toBe('pending');
  });

  it.each(['dept_medical', 'cadre', 'auditor'])('refuses %s with 403', async (user) => {
    const cookie = await env.login(user);
    const upload = multipart({
      households: { name: '台账.xlsx', content: await workbook(sheetRows([testHousehold()])) },
    });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/import',
      payload: upload.payload,
      headers: { ...upload.headers, cookie },
    });
    expect(res.statusCode).toBe(403);
  });
});
