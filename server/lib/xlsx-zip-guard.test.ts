import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombPart, sharedStringBomb, workbookParts, xlsxOf, zipOf } from '../test/malformed-files.ts';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { createWorkbookReader, sheetRows } from './xlsx-stream-reader.ts';

// The guarded zip reading of server/lib/xlsx-zip-guard.ts and the row limits of sheetRows(), on
// archives generated here (no fixtures). A reader that hangs makes these tests time out.

const OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'ignore',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/** The file in 16 KB chunks, as a file stream delivers it. */
const chunked = (file: Buffer) =>
  Readable.from(
    Array.from({ length: Math.ceil(file.length / 16384) }, (_, i) => file.subarray(i * 16384, (i + 1) * 16384)),
  );

async function readAll(file: Buffer, limits: ImportLimits = IMPORT_LIMITS): Promise<string[][]> {
  const reader = createWorkbookReader(chunked(file), OPTIONS, limits);
  const rows: string[][] = [];
  for await (const sheet of reader) {
    for await (const { cells } of sheetRows(sheet, '"S"', limits)) rows.push(cells.map(String));
  }
  return rows;
}

const limited = (over: Partial<ImportLimits>): ImportLimits => ({ ...IMPORT_LIMITS, ...over });
const good = () =>
  xlsxOf([
    {
      title: '户信息',
      rows: [
        ['户编号', '姓名'],
        ['1', '张秀英'],
      ],
    },
  ]);
const parkDirs = () => readdirSync(os.tmpdir()).filter((d) => d.startsWith('guardline-xlsx-'));

describe('guarded workbook reading', () => {
  it('reads a well-formed workbook', async () => {
    expect(await readAll(good())).toEqual([
      ['户编号', '姓名'],
      ['1', '张秀英'],
    ]);
  });

  it('fails (does not hang) on a workbook cut off anywhere', async () => {
    // Written by Excel's way of zipping (exceljs: data descriptors, sheets before shared strings).
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('户信息');
    for (let i = 0; i < 3000; i++) sheet.addRow([`1405211002010${i}`, `张秀英${i}`, '一般农户', i]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    expect(await readAll(file)).toHaveLength(3000);
    for (let tenth = 1; tenth < 10; tenth++) {
      const cut = Math.floor((file.length * tenth) / 10);
      await expect(readAll(file.subarray(0, cut)), `cut at ${cut}`).rejects.toThrow();
    }
    for (const cut of [8, 40, file.length - 60, file.length - 10])
      await expect(readAll(file.subarray(0, cut)), `cut at ${cut}`).rejects.toThrow();
  });

  it('refuses shared strings of 400 MB each before they reach the heap', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await expect(readAll(sharedStringBomb(3, 400))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      messageZh: expect.stringContaining('超长文本'),
    });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 ** 2);
  });

  it('stops inflating at the total limit, also in entries nobody reads', async () => {
    const bomb = zipOf([...workbookParts(['S']), bombPart('xl/media/image1.png', '', '\0', 24, '')]);
    await expect(readAll(bomb, limited({ maxInflatedBytes: 16 * 1024 ** 2 }))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      messageEn: expect.stringContaining('zip bomb'),
    });
    expect(await readAll(bomb, limited({ maxInflatedBytes: 32 * 1024 ** 2 }))).toEqual([]);
  });

  it('caps the shared strings in total and one row of a sheet', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => `<si><t>${'字'.repeat(200)}${i}</t></si>`).join('');
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${many}</sst>`;
    const file = zipOf([
      ...workbookParts(['S']),
      ['xl/sharedStrings.xml', sst],
      [
        'xl/worksheets/sheet1.xml',
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>',
      ],
    ]);
    await expect(readAll(file, limited({ maxSharedStringsBytes: 1024 ** 2 }))).rejects.toMatchObject({
      messageZh: expect.stringContaining('共享字符串'),
    });
    expect(await readAll(file, limited({ maxSharedStringsBytes: 4 * 1024 ** 2 }))).toEqual([[`${'字'.repeat(200)}1`]]);
    const wide = xlsxOf([{ title: 'S', rows: [Array.from({ length: 300 }, () => 'x'.repeat(1000))] }]);
    await expect(readAll(wide, limited({ maxRowXmlBytes: 64 * 1024 }))).rejects.toMatchObject({
      messageEn: expect.stringContaining('row of xl/worksheets/sheet1.xml'),
    });
  });

  it('refuses a 100,000-character cell, too many columns and too many rows, naming where', async () => {
    const long = xlsxOf([{ title: 'S', rows: [['a'], ['x'.repeat(100_000)]] }]);
    await expect(readAll(long)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const text = xlsxOf([{ title: 'S', rows: [['a'], ['字'.repeat(40_000)]] }]);
    await expect(readAll(text)).rejects.toMatchObject({
      messageZh: '"S"第 2 行第 1 列的单元格超过 32767 个字符，已拒绝导入',
    });
    const wide = xlsxOf([{ title: 'S', rows: [Array.from({ length: 12 }, () => '1')] }]);
    await expect(readAll(wide, limited({ maxColumns: 10 }))).rejects.toMatchObject({
      messageEn: '"S" row 1 has more than 10 columns; import refused',
    });
    const tall = xlsxOf([{ title: 'S', rows: Array.from({ length: 12 }, () => ['1']) }]);
    await expect(readAll(tall, limited({ maxRows: 10 }))).rejects.toMatchObject({
      messageEn: '"S" has more than 10 rows; import refused',
    });
    expect(await readAll(tall, limited({ maxRows: 12 }))).toHaveLength(12);
  });

  it('removes worksheets parked before the shared strings, also when the file is refused', async () => {
    // A temp folder of this test's own: the other fork's imports park sheets in the shared one meanwhile.
    const ownTmp = mkdtempSync(path.join(os.tmpdir(), 'zip-guard-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    try {
      const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
      const parked = zipOf([
        ...workbookParts(['S']),
        ['xl/worksheets/sheet1.xml', sheet],
        ['xl/sharedStrings.xml', '<sst><si><t>身份证</t></si></sst>'],
      ]);
      expect(await readAll(parked)).toEqual([['身份证']]);
      const refused = zipOf([
        ...workbookParts(['S']),
        ['xl/worksheets/sheet1.xml', sheet],
        bombPart('xl/sharedStrings.xml', '<sst><si><t>', 'A', 2, '</t></si></sst>'),
      ]);
      await expect(readAll(refused)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(parkDirs()).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      rmSync(ownTmp, { recursive: true, force: true });
    }
  });
});
