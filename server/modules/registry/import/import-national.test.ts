import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { sheetRows, testHousehold, useTransferTestApp, workbook, type TestHousehold } from './transfer.test-support.ts';

// An export of the national system may carry the monitoring status (监测对象类别, 识别监测时间, …). It is
// written as imported history, in an entry of its own marked 'importNational', never inside an edit.

const env = useTransferTestApp();

const xlsx = async (list: TestHousehold[]) => ({
  households: { name: '全国系统导出.xlsx', content: await workbook(sheetRows(list)) },
});
const changesOf = (householdNo: unknown) =>
  queryRows<{ action: string; reason: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
    env.services.db,
    sql`SELECT c.action, c.reason, c.before, c.after FROM registry_change c JOIN household h ON h.id = c.household_id WHERE h.household_no = ${String(householdNo)} ORDER BY c.id`,
  );

describe('monitoring status from a national export', () => {
  const h = testHousehold();
  h.household['监测对象类别'] = '边缘易致贫户';
  h.household['识别监测时间'] = '2025-03';

  it('a new household: the facts in the import entry, the status in its own imported-from-the-national-system entry', async () => {
    const job = await env.importFiles('county_staff', await xlsx([h]));
    expect(job.result).toMatchObject({ committed: true, created: 1 });
    const changes = await changesOf(h.household['户编号']);
    expect(changes.map((c) => c.action)).toEqual(['import', 'importNational']);
    expect(changes[0].after).not.toHaveProperty('monitoringType');
    expect(changes[0].after).not.toHaveProperty('identificationPeriod');
    expect(changes[1]).toMatchObject({
      reason: expect.stringContaining('全国防返贫监测信息系统'),
      before: { monitoringType: null, identificationPeriod: null },
    });
    expect(changes[1].after).toEqual({ monitoringType: 'edge', identificationPeriod: '2025-03' });
    const [row] = await queryRows<{ monitoring_type: string; monitoring_status: string }>(
      env.services.db,
      sql`SELECT monitoring_type, monitoring_status FROM household WHERE household_no = ${String(h.household['户编号'])}`,
    );
    expect(row).toEqual({ monitoring_type: 'edge', monitoring_status: 'monitored' });
  });

  it('a changed status alone: only the imported-history entry; the same file again: nothing', async () => {
    const next = structuredClone(h);
    next.household['监测对象类别'] = '突发严重困难户';
    expect((await env.importFiles('county_staff', await xlsx([next]))).result).toMatchObject({
      committed: true,
      updated: 1,
    });
    const changes = await changesOf(h.household['户编号']);
    expect(changes.map((c) => c.action)).toEqual(['import', 'importNational', 'importNational']);
    expect(changes[2]).toMatchObject({
      before: { monitoringType: 'edge' },
      after: { monitoringType: 'suddenHardship' },
    });
    expect((await env.importFiles('county_staff', await xlsx([next]))).result).toMatchObject({ unchanged: 1 });
    expect(await changesOf(h.household['户编号'])).toHaveLength(3);
  });

  it('facts and status changed together: two entries, the edit entry without the status', async () => {
    const next = structuredClone(h);
    next.household['监测对象类别'] = '突发严重困难户';
    next.household['识别监测时间'] = '2025-04';
    next.household['家庭住址'] = '第三村民小组 5 号';
    await env.importFiles('county_staff', await xlsx([next]));
    const [edit, national] = (await changesOf(h.household['户编号'])).slice(3);
    expect(edit).toMatchObject({
      action: 'import',
      before: { address: '第一村民小组 12 号' },
      after: { address: '第三村民小组 5 号' },
    });
    expect(Object.keys(edit.after)).not.toContain('identificationPeriod');
    expect(national).toMatchObject({
      action: 'importNational',
      before: { identificationPeriod: '2025-03' },
      after: { identificationPeriod: '2025-04' },
    });
  });
});

describe('title rows above the header (the national system and Guardline ledgers carry them)', () => {
  it('finds the header below a title and an empty row, and reports cells at their real rows', async () => {
    const h = testHousehold();
    h.household['危房等级'] = 'E';
    const sheets = sheetRows([h]);
    const titled = {
      households: [['防返贫监测对象信息　导出时间：2026-12-01'], [], ...sheets.households],
      members: [['家庭成员信息'], ...sheets.members],
    };
    const job = await env.importFiles(
      'county_staff',
      { households: { name: '全国系统导出（带标题）.xlsx', content: await workbook(titled) } },
      '?dryRun=true',
    );
    expect(job.result).toMatchObject({ households: 1, members: { rows: h.members.length } });
    expect(job.result.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([['户信息', 4, '危房等级']]);
  });

  it('a missing column is reported at the header row below the title', async () => {
    const sheets = sheetRows([testHousehold()]);
    const titled = {
      households: sheets.households,
      members: [
        ['家庭成员信息'],
        ...sheets.members.map((r) => r.filter((_, i) => sheets.members[0][i] !== '劳动技能')),
      ],
    };
    const job = await env.importFiles(
      'county_staff',
      { households: { name: '缺列（带标题）.xlsx', content: await workbook(titled) } },
      '?dryRun=true',
    );
    expect(job.result.errors.map((e) => [e.sheet, e.row, e.reason])).toEqual([['家庭成员', 2, '缺少必填列"劳动技能"']]);
  });
});
