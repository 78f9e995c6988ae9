import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { maskName } from './change-list.ts';
import { CHANGE_HEADERS, ERROR_HEADERS } from './report-workbook.ts';
import { sheetRows, testHousehold, useTransferTestApp, workbook, type TestHousehold } from './transfer.test-support.ts';

// The dry run lists the households it would create or change: number, masked head, what changes.

const env = useTransferTestApp();
const file = async (list: TestHousehold[]) => ({
  households: { name: '核对.xlsx', content: await workbook(sheetRows(list)) },
});

describe('dry run change list', () => {
  it('lists new and changed households, not unchanged ones, with the head masked', async () => {
    const kept = testHousehold();
    const changed = testHousehold();
    await env.importFiles('county_staff', await file([kept, changed]));
    const fresh = testHousehold();
    const next = structuredClone(changed);
    next.household['家庭住址'] = '第二村民小组 3 号';
    next.household['工资性收入'] = 40000;
    next.members.pop();
    const job = await env.importFiles('county_staff', await file([kept, next, fresh]), '?dryRun=true');
    expect(job.result).toMatchObject({ committed: false, created: 1, updated: 1, unchanged: 1 });
    expect(job.result.changes).toEqual([
      {
        householdNo: next.household['户编号'],
        headName: maskName(String(next.household['户主姓名'])),
        action: 'update',
        changes: ['户信息', '收入', '减少成员 1 人'],
      },
      {
        householdNo: fresh.household['户编号'],
        headName: maskName(String(fresh.household['户主姓名'])),
        action: 'create',
        changes: ['新建户（3 人）'],
      },
    ]);
    expect(JSON.stringify(job.result.changes)).not.toContain(String(fresh.household['户主姓名']));
  });

  it('offers the error list and the change list as .xlsx, to the job starter only', async () => {
    const bad = testHousehold();
    bad.household['危房等级'] = 'E';
    const fresh = testHousehold();
    const job = await env.importFiles('county_staff', await file([bad, fresh]), '?dryRun=true&skipInvalid=true');
    const url = `/api/registry/import/${job.id}/report.xlsx`;
    const res = await env.app.inject({ url, headers: { cookie: await env.login('county_staff') } });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const errors = wb.getWorksheet('错误清单')!;
    expect(String(errors.getRow(1).getCell(1).value)).toContain('导入错误清单 核对.xlsx');
    expect((errors.getRow(2).values as unknown[]).slice(1)).toEqual([...ERROR_HEADERS]);
    expect((errors.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['户信息', 2, '危房等级']);
    expect(errors.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const changes = wb.getWorksheet('变更清单')!;
    expect((changes.getRow(2).values as unknown[]).slice(1)).toEqual([...CHANGE_HEADERS]);
    expect((changes.getRow(3).values as unknown[]).slice(1, 3)).toEqual([
      fresh.household['户编号'],
      maskName(String(fresh.household['户主姓名'])),
    ]);
    const other = await env.app.inject({ url, headers: { cookie: await env.login('township_staff') } });
    expect(other.statusCode).toBe(404);
  });

  it.each([
    ['王建国', '王**'],
    ['欧阳小明', '欧***'],
    ['李', '李'],
    ['', ''],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
