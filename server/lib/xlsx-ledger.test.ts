import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { kindOfHeader, writeLedger, type Cell, type SheetContent } from './xlsx-ledger.ts';

// The produced file read back with exceljs: what Excel and WPS will show.

export async function ledgerBuffer(sheets: SheetContent[], meta = { orgName: '沁水县', date: '2026-12-06' }) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeLedger(out, sheets, meta);
  await new Promise((r) => out.end(r));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

async function* from(rows: Cell[][]) {
  for (const r of rows) yield r;
}

const headers = [
  '户编号',
  '户主',
  '证件号码',
  '开始日期',
  '金额（元）',
  '逾期天数',
  '识别监测时间',
  { header: '达标率', kind: 'percent' as const },
];

describe('xlsx ledger writer', () => {
  it('title row, frozen and filtered header, formats per column', async () => {
    const wb = await ledgerBuffer([
      {
        title: '帮扶措施台账',
        headers,
        rows: from([
          ['140521101201001', '张三', '140521198001010013', '2026-03-05', 1234.5, 3, '202503', 0.5],
          ['140521101201002', '李四', '140521198001010021', null, 0.125, 0, '', 1],
        ]),
      },
    ]);
    const ws = wb.getWorksheet('帮扶措施台账')!;
    expect(ws.getRow(1).getCell(1).value).toBe('帮扶措施台账　　单位：沁水县　　导出日期：2026-12-06');
    expect(ws.getRow(2).values).toEqual([undefined, ...headers.map((h) => (typeof h === 'string' ? h : h.header))]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:H4');
    const row = ws.getRow(3);
    expect(row.getCell(1).numFmt).toBe('@');
    expect(row.getCell(3).value).toBe('140521198001010013');
    expect(row.getCell(3).numFmt).toBe('@');
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(5).value).toBe(1234.5);
    expect(row.getCell(5).numFmt).toBe('#,##0.00');
    expect(ws.getRow(4).getCell(5).value).toBe(0.13);
    expect(row.getCell(6).numFmt).toBe('0');
    expect(row.getCell(7).value).toBe('202503');
    expect(row.getCell(8).numFmt).toBe('0.0%');
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(18);
    expect(ws.getColumn(2).width).toBeLessThan(ws.getColumn(3).width!);
    expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
  });

  it('an empty ledger still has its title and header, the filter on the header alone', async () => {
    const wb = await ledgerBuffer([
      { title: '空', caption: '风险消除台账', headers: ['户编号', '户主'], rows: from([]) },
    ]);
    const ws = wb.getWorksheet('空')!;
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^风险消除台账/);
    expect(ws.getRow(2).values).toEqual([undefined, '户编号', '户主']);
    expect(ws.autoFilter).toBe('A2:B2');
  });

  it('more rows than the width sample, several sheets', async () => {
    const many = Array.from({ length: 450 }, (_, i): Cell[] => [`H${i}`, i * 100]);
    const wb = await ledgerBuffer([
      { title: 'A', headers: ['户编号', '资金（元）'], rows: from(many) },
      { title: 'B', headers: ['户编号'], rows: from([['x']]) },
    ]);
    expect(wb.getWorksheet('A')!.rowCount).toBe(452);
    expect(wb.getWorksheet('A')!.getRow(452).getCell(2).value).toBe(44900);
    expect(wb.getWorksheet('B')!.getRow(3).getCell(1).value).toBe('x');
  });

  it.each([
    ['户编号', 'code'],
    ['户主证件号码', 'code'],
    ['联系电话', 'code'],
    ['行政区划代码', 'code'],
    ['金额(元)', 'yuan'],
    ['工资性收入', 'yuan'],
    ['合规自付支出', 'yuan'],
    ['收入年度', 'text'],
    ['开工日期', 'date'],
    ['识别监测时间', 'text'],
    ['逾期天数', 'integer'],
    ['户主', 'text'],
  ] as const)('%s is a %s column', (header, kind) => {
    expect(kindOfHeader(header)).toBe(kind);
  });
});

describe('without a title (import templates)', () => {
  it('puts the header in row 1, frozen and filtered there', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeLedger(out, [{ title: 'T', headers: ['户编号', '金额(元)'], rows: from([['1', 2]]) }], null);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('T')!;
    expect(ws.getRow(1).values).toEqual([undefined, '户编号', '金额(元)']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:B2');
  });
});
