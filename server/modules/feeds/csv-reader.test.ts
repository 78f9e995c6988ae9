import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, type ImportLimits } from '#server/lib/import-limits.ts';
import { readCsvRows } from './csv-reader.ts';

async function rowsWithin(limits: ImportLimits, ...chunks: (string | Uint8Array)[]) {
  async function* source() {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
  }
  const out: { row: number; cells: string[] }[] = [];
  for await (const r of readCsvRows(source(), '"医保.csv"', limits)) out.push(r);
  return out;
}
const rowsOf = (...chunks: (string | Uint8Array)[]) => rowsWithin(IMPORT_LIMITS, ...chunks);

describe('readCsvRows', () => {
  it.each([
    [
      'LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CR only',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'BOM',
      '\ufeff证件号码,姓名\n1,王',
      [
        ['证件号码', '姓名'],
        ['1', '王'],
      ],
    ],
    [
      'quoted comma, quote and line break',
      '"a,1","say ""hi""","two\r\nlines"\n',
      [['a,1', 'say "hi"', 'two\r\nlines']],
    ],
    ['empty fields', ',,\n', [['', '', '']]],
    ['blank line kept as a row', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['quoted empty at end of file', 'a,""', [['a', '']]],
  ] as const)('%s', async (_name, text, expected) => {
    expect((await rowsOf(text)).map((r) => r.cells)).toEqual(expected);
  });

  it('numbers records, not physical lines', async () => {
    const rows = await rowsOf('h\n"x\ny"\nz\n');
    expect(rows).toEqual([
      { row: 1, cells: ['h'] },
      { row: 2, cells: ['x\ny'] },
      { row: 3, cells: ['z'] },
    ]);
  });

  it('joins characters and CRLF split across chunks', async () => {
    const bytes = Buffer.from('姓名,金额\r\n王建国,"1,234.50"\r\n', 'utf8');
    const parts = [...bytes].map((b) => Uint8Array.of(b));
    expect((await rowsOf(...parts)).map((r) => r.cells)).toEqual([
      ['姓名', '金额'],
      ['王建国', '1,234.50'],
    ]);
  });

  it('refuses a file that is not UTF-8 (GBK from Excel)', async () => {
    const gbk = Uint8Array.of(0xd0, 0xd5, 0xc3, 0xfb, 0x0a); // 姓名 in GBK
    await expect(rowsOf(gbk)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageEn: expect.stringContaining('UTF-8'),
    });
  });

  it('refuses an unclosed quote', async () => {
    await expect(rowsOf('a,"b\n')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageZh: expect.stringContaining('引号'),
    });
  });

  it('refuses a 100,000-character field while reading it, quoted or not, at the end or not', async () => {
    const long = 'x'.repeat(100_000);
    for (const text of [`a,b\n1,${long}\n2,3\n`, `a,b\n1,"${long}"`, `a,b\n1,${long}`]) {
      await expect(rowsOf(text)).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        messageZh: '"医保.csv"第 2 行第 2 列的单元格超过 32767 个字符，已拒绝导入',
      });
    }
    expect((await rowsOf(`a\n${'字'.repeat(IMPORT_LIMITS.maxCellChars)}`))[1].cells[0]).toHaveLength(
      IMPORT_LIMITS.maxCellChars,
    );
  });

  it('refuses more columns or records than the limits', async () => {
    const small = { ...IMPORT_LIMITS, maxColumns: 3, maxRows: 2 };
    await expect(rowsWithin(small, 'a,b,c,d\n')).rejects.toMatchObject({
      messageEn: '"医保.csv" row 1 has more than 3 columns; import refused',
    });
    await expect(rowsWithin(small, 'a\nb\nc\n')).rejects.toMatchObject({
      messageEn: '"医保.csv" has more than 2 rows; import refused',
    });
    expect(await rowsWithin(small, 'a,b,c\nd\n')).toHaveLength(2);
  });
});
