import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { monitorRunCommand, runWarningsExportCommand } from './monitoring.cli.ts';
import { createHousehold, monitoringOf, wages } from './monitoring.test-support.ts';

// formats.md §4 `guardline export warnings FILE [--period YYYY-MM]`: one row per warning with 户编号,
// category code, rule code, risk type and evidence (§3); default: the latest month with a finished run.

const env = useTestApp();
const dir = mkdtempSync(path.join(tmpdir(), 'gl-warnings-'));

async function rowsOf(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  const sheet = wb.worksheets[0];
  // Row 1 is the ledger's title (预警清单…, the county, the day); the header follows, frozen.
  expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^预警清单.+单位：沁水县/);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('guardline export warnings', () => {
  it('refuses before any monthly run, and a malformed period, in both languages', async () => {
    const services = { db: env.services.db, monitoring: monitoringOf(env) };
    const file = path.join(dir, 'none.xlsx');
    await expect(runWarningsExportCommand(services, [file], () => {})).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: '--period', messageEn: expect.stringContaining('monitor run') }],
    });
    await expect(runWarningsExportCommand(services, [file, '--period', '2025-13'], () => {})).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: '--period' }],
    });
    await expect(runWarningsExportCommand(services, [], () => {})).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'FILE' }],
    });
  });

  it('writes the latest run by default, another month with --period, and audits the export', async () => {
    const h = await createHousehold(env, { housingGrade: 'D', income: wages(2025, 9_000_000) });
    const services = { db: env.services.db, monitoring: monitoringOf(env) };
    // The later month first, then an earlier one: "latest" is the month, not the last run started.
    await monitorRunCommand(services, { period: '2025-06' }, () => {});
    await monitorRunCommand(services, { period: '2025-04' }, () => {});

    const latest = path.join(dir, 'latest.xlsx');
    const lines: string[] = [];
    await runWarningsExportCommand(services, [latest], (l) => lines.push(l));
    expect(lines).toEqual([`已导出 / exported 预警清单 2025-06: 1 条 / warnings → ${latest}`]);
    const rows = await rowsOf(latest);
    expect(rows[0]).toEqual([
      '监测月份',
      '行政村代码',
      '行政村',
      '户编号',
      '户主姓名',
      '预警类别代码',
      '预警类别',
      '规则代码',
      '风险类型代码',
      '风险类型',
      '处理状态',
      '证据',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 1)).toEqual(['2025-06']);
    expect(rows[1].slice(3, 4)).toEqual([h.householdNo]);
    expect(rows[1].slice(5, 11)).toEqual([
      'HOUSING_UNSAFE',
      '住房安全问题',
      'HOUSING_UNSAFE',
      'unsafeHousing',
      '住房出现安全问题',
      '未处理',
    ]);
    expect(JSON.parse(String(rows[1][11]))).toMatchObject({ registryGrade: 'D' });

    const april = path.join(dir, 'april.xlsx');
    await runWarningsExportCommand(services, [april, '--period', '2025-04'], () => {});
    expect((await rowsOf(april))[1][0]).toBe('2025-04');

    const audit = await queryRows<{ after: { period: string; warnings: number } }>(
      env.services.db,
      sql`SELECT after FROM audit_log WHERE entity = 'warning' AND action = 'export' ORDER BY id`,
    );
    expect(audit.map((a) => a.after)).toEqual([
      expect.objectContaining({ period: '2025-06', warnings: 1 }),
      expect.objectContaining({ period: '2025-04', warnings: 1 }),
    ]);
  });
});
