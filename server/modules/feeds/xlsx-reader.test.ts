import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xlsxFile } from './feeds.test-support.ts';
import { readXlsxRows } from './xlsx-reader.ts';

// A department workbook is long and Chinese: text split across the zip stream's chunks must come
// back whole (exceljs's own streaming reader turned such characters into U+FFFD).
describe('readXlsxRows', () => {
  it('reads thousands of Chinese cells intact', async () => {
    const note = (i: number) => `第${i}行：住院自付费用较高，家庭收入骤减，需村两委入户核实。`;
    const rows = [
      ['证件号码', '姓名', '说明'],
      ...Array.from({ length: 3000 }, (_, i) => [`14052119800101${String(i).padStart(4, '0')}`, `张秀英${i}`, note(i)]),
    ];
    const buffer = await xlsxFile(rows);
    const read: unknown[][] = [];
    for await (const row of readXlsxRows(Readable.from(buffer, { objectMode: false }))) read.push(row.cells);
    expect(read).toHaveLength(rows.length);
    const garbled = read.filter((cells) => cells.some((c) => typeof c === 'string' && c.includes('\uFFFD')));
    expect(garbled).toEqual([]);
    expect(read[2999]).toEqual(rows[2999]);
  });
});
