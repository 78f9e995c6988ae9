import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkbookReader } from './xlsx-stream-reader.ts';

// Enough Chinese text that zip entries are read in several chunks, so characters straddle chunk ends.
const ROWS = 4000;
const names = Array.from({ length: ROWS }, (_, i) => `第${i}户主张秀英${'家庭成员'.repeat(i % 7)}`);
const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readNames(file: string): Promise<{ title: string; cells: unknown[] }[]> {
  const reader = createWorkbookReader(createReadStream(file), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const out: { title: string; cells: unknown[] }[] = [];
  for await (const sheet of reader) {
    const title = (sheet as unknown as { name: string }).name;
    for await (const row of sheet) out.push({ title, cells: (row.values as unknown[]).slice(1) });
  }
  return out;
}

describe('createWorkbookReader', () => {
  it('keeps multi-byte text intact in inline strings (streaming writer) and in shared strings', async () => {
    const streamed = path.join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: streamed, useSharedStrings: false });
    const sheet = writer.addWorksheet('家庭成员');
    for (const name of names) sheet.addRow([name]).commit();
    sheet.commit();
    await writer.commit();

    const shared = path.join(dir, 'shared.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('户信息').addRows(names.map((n) => [n]));
    writeFileSync(shared, Buffer.from(await book.xlsx.writeBuffer()));

    for (const [file, title] of [
      [streamed, '家庭成员'],
      [shared, '户信息'],
    ]) {
      const rows = await readNames(file);
      expect(rows.map((r) => r.cells[0])).toEqual(names);
      expect(rows.every((r) => r.title === title)).toBe(true);
    }
  });
});
