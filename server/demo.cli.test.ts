import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { todayInChina } from './lib/clock.ts';

// issue #12 point 10: on a fresh DATA_DIR `guardline migrate && guardline demo --households 200`
// succeeds (it failed with "线索不存在或无权查看": the cases demo acted as 东庄村's officer on another
// village's clue), and the case ledgers and the warnings export as in formats.md §4.

const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-demo-cli-'));
const dataDir = path.join(dir, 'data');

beforeAll(() => {
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

/** Row 1 is the ledger's title (name, unit, day); the header is row 2. */
const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(2).values as unknown[]).slice(1);

describe('guardline migrate, demo and exports on a fresh DATA_DIR', () => {
  it('migrates, then loads the demo county with 200 households and its cases', async () => {
    expect(await cli('migrate')).toEqual(['迁移完成 / migrations applied (pglite)']);
    const lines = await cli('demo', '--households', '200');
    expect(lines).toContain('演示农户 / demo households: 新增 200，未变 0 / created 200, unchanged 0');
    expect(lines.some((l) => /^演示识别认定事项 \/ demo cases: [34]$/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes('county_admin'))).toHaveLength(2);
  }, 300_000);

  it('exports the monitored and elimination ledgers', async () => {
    const monitored = path.join(dir, 'monitored.xlsx');
    const out = await cli('export', 'monitored', monitored);
    expect(out[0]).toMatch(/^已导出 \/ exported 监测对象台账 \d+ 户/);
    const sheet = await sheetOf(monitored);
    expect(sheet.name).toBe('监测对象台账');
    expect(header(sheet).slice(0, 4)).toEqual(['乡镇', '行政村', '户编号', '户主姓名']);
    expect(sheet.rowCount - 2).toBe(Number(/台账 (\d+) 户/.exec(out[0])![1]));
    expect(sheet.rowCount).toBeGreaterThan(2);

    const eliminated = path.join(dir, 'eliminated.xlsx');
    await cli('export', 'eliminated', eliminated);
    expect((await sheetOf(eliminated)).name).toBe('风险消除台账');
  }, 120_000);

  it('exports the warnings of the latest run, or of --period', async () => {
    const file = path.join(dir, 'warnings.xlsx');
    await expect(cli('export', 'warnings', file)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: '--period' }],
    });
    const period = todayInChina().slice(0, 7);
    await cli('monitor', 'run', '--period', period);
    const out = await cli('export', 'warnings', file);
    expect(out[0]).toMatch(new RegExp(`^已导出 / exported 预警清单 ${period}: \\d+ 条`));
    const sheet = await sheetOf(file);
    expect(header(sheet)).toEqual([
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
    expect(sheet.rowCount - 2).toBe(Number(/: (\d+) 条/.exec(out[0])![1]));
    expect(sheet.rowCount).toBeGreaterThan(2);
    expect(String(sheet.getRow(3).getCell(1).value)).toBe(period);
    expect(String(sheet.getRow(3).getCell(12).value)).not.toMatch(/Hash|Cipher/);
    const older = await cli('export', 'warnings', file, '--period', '2020-01');
    expect(older[0]).toContain('预警清单 2020-01: 0 条');
  }, 180_000);
});
