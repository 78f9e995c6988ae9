import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '#server/lib/clock.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { loadProjectsDemo } from './demo.ts';
import { runLedgerExportCommand } from './ledgers.cli.ts';

const env = useTestApp();

describe('guardline export projects|funds|assets', () => {
  it('writes the three ledgers as workbooks', async () => {
    await loadProjectsDemo(env.services);
    const dir = mkdtempSync(path.join(tmpdir(), 'gl-ledgers-'));
    const lines: string[] = [];
    const year = todayInChina().slice(0, 4);
    for (const kind of ['projects', 'funds', 'assets'] as const) {
      await runLedgerExportCommand(env.services, kind, [path.join(dir, `${kind}.xlsx`), '--year', year], (l) =>
        lines.push(l),
      );
    }
    const read = async (kind: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, `${kind}.xlsx`));
      return wb;
    };
    const projects = (await read('projects')).worksheets[0];
    expect(projects.rowCount).toBe(7); // title, header, five projects
    expect(String(projects.getRow(1).getCell(1).value)).toMatch(
      /^项目库\u3000\u3000单位：沁水县\u3000\u3000导出日期：\d{4}-\d{2}-\d{2}$/,
    );
    expect(projects.getRow(2).getCell(8).value).toBe('中央（元）');
    expect(projects.getRow(3).getCell(8).numFmt).toBe('#,##0.00');
    expect((await read('funds')).worksheets.map((w) => w.name)).toEqual([
      '资金指标',
      '资金安排',
      '资金支付',
      '规则校验',
    ]);
    const assets = await read('assets');
    expect(assets.worksheets.map((w) => w.name)).toEqual(['资产总账', '经营性资产', '公益性资产', '到户类资产']);
    expect(assets.worksheets[0].rowCount).toBe(7);
    expect(lines).toHaveLength(3);
  });
});
