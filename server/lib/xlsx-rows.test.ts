import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetRows } from './xlsx-rows.ts';

async function sheet(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readSheetRows: a department sheet under its header', () => {
  it('finds the header below a title row, skips blank rows and reads cells by header', async () => {
    const buffer = await sheet([
      ['龙港镇公益岗位人员'],
      ['姓名', '身份证号'],
      [' 张三 ', '140521'],
      ['', ''],
      ['李四', ''],
    ]);
    const rows = await readSheetRows(buffer, ['身份证号', '姓名'] as const);
    expect(rows.map((r) => [r.row, r.cell('姓名'), r.cell('身份证号')])).toEqual([
      [3, '张三', '140521'],
      [5, '李四', ''],
    ]);
  });

  it('refuses a sheet without the header row, naming the headers', async () => {
    const buffer = await sheet([
      ['姓名', '电话'],
      ['张三', '1'],
    ]);
    await expect(readSheetRows(buffer, ['姓名', '身份证号'] as const)).rejects.toMatchObject({
      message: expect.stringContaining('身份证号'),
    });
  });
});
