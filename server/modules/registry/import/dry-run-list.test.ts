import { describe, expect, it } from 'vitest';
import { maskName } from './change-list.ts';
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

  it.each([
    ['王建国', '王**'],
    ['欧阳小明', '欧***'],
    ['李', '李'],
    ['', ''],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
