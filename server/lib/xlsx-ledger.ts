import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { todayInChina } from './clock.ts';
import type { RequestContext } from './context.ts';

// Every ledger Guardline hands out, as a workbook that opens ready to use in Excel and WPS: a title
// row (ledger, org unit, export date — the county's day), the header row frozen and auto-filtered,
// column widths fitted to the header and the first rows, amounts in yuan with two decimals, dates as
// real dates, percentages as %, ID numbers, phones and codes as text. Header names are the exchange
// contract's (formats.md) and never change; the household import finds the header row below a title.
//
// Streamed to any Writable (a file, an HTTP response): rows are committed one at a time, strings are
// inline (no shared-string table) and the few styles are shared, so memory stays flat at 100k rows.
// Sheets are written one after the other: the zip takes one entry at a time.

export type Cell = string | number | Date | null;

/** How a column's values are shown. Inferred from the header when not given (see `kindOfHeader`). */
export type ColumnKind = 'text' | 'code' | 'integer' | 'number' | 'yuan' | 'date' | 'percent';

export interface ColumnSpec {
  header: string;
  kind?: ColumnKind;
  /** Characters (a Chinese character counts two); fitted to the header and the first rows when not given. */
  width?: number;
}

export interface SheetContent {
  /** Worksheet name. */
  title: string;
  /** The ledger's name in the title row; the worksheet name when not given. */
  caption?: string;
  headers: readonly (string | ColumnSpec)[];
  /** One array per row, in header order. `yuan`: a number in yuan; `date`: a Date or `YYYY-MM-DD`; `percent`: a fraction (0.5 = 50 %). */
  rows: AsyncIterable<Cell[]>;
}

/** What the title row says above every sheet. */
export interface LedgerMeta {
  /** The org unit the ledger covers (the actor's unit, or the county for the CLI). */
  orgName: string;
  /** The export date, the county's day (`todayInChina()`). */
  date: string;
}

/** The title row of a ledger exported by `ctx`: its unit (the county for system work) and the county's day. */
export function ledgerMeta(ctx: RequestContext, now: Date = new Date()): LedgerMeta {
  return { orgName: ctx.actor.scopePrefix === '' ? COUNTY_NAME : ctx.actor.orgName, date: todayInChina(now) };
}

/** The county this installation serves (server/modules/org/qinshui.ts), named in system exports. */
const COUNTY_NAME = '沁水县';

export const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  code: '@',
  integer: '0',
  number: '#,##0.##',
  yuan: '#,##0.00',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
};

/** Rows above the first data row: the title and the header. */
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
const SAMPLE_ROWS = 200;
const MAX_WIDTH = 40;

/** A column's kind from its header, for ledgers that do not say. */
export function kindOfHeader(header: string): ColumnKind {
  const h = header.normalize('NFKC').replace(/\s+/g, '');
  if (/证件号码|身份证|电话|手机|代码|编号|编码|账号|卡号/.test(h)) return 'code';
  if (/\(元\)|金额|收入$|支出$|资金|补助|费用/.test(h) && !/年度|类型|来源|项目$/.test(h)) return 'yuan';
  if (/日期$/.test(h)) return 'date';
  if (/\(%\)$|率$|占比$/.test(h)) return 'percent';
  if (/天数$|户数$|人数$|月数|\(月\)$|\(户\)$|\(人\)$|个数$/.test(h)) return 'integer';
  return 'text';
}

/** How wide a text shows: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The cell as written: date texts become dates, yuan rounded to the fen, numeric texts in number columns numbers. */
export function cellValue(kind: ColumnKind, value: Cell): Cell {
  if (value === null || value === '') return null;
  if (kind === 'date' && typeof value === 'string') {
    const m = DATE_TEXT.exec(value);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
  }
  if (kind === 'yuan' || kind === 'number' || kind === 'integer' || kind === 'percent') {
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
          ? Number(value)
          : null;
    if (n === null) return value;
    return kind === 'yuan' ? Math.round(n * 100) / 100 : n;
  }
  if (kind === 'code' && typeof value === 'number') return String(value);
  return value;
}

function shownWidth(kind: ColumnKind, value: Cell): number {
  if (value === null) return 0;
  if (value instanceof Date || kind === 'date') return 10;
  if (typeof value === 'number')
    return kind === 'yuan'
      ? value.toFixed(2).length + Math.floor(Math.log10(Math.abs(value) + 1) / 3)
      : String(value).length;
  return displayWidth(value);
}

/** Waits while the destination is full, so a slow download holds back the reading, not the memory. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: false },
  border: { top: thin, bottom: thin, left: thin, right: thin },
};

export function titleText(caption: string, meta: LedgerMeta): string {
  return `${caption}\u3000\u3000单位：${meta.orgName}\u3000\u3000导出日期：${meta.date}`;
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  sheet: SheetContent,
  meta: LedgerMeta | null,
): Promise<void> {
  const headerRow = meta ? HEADER_ROW : 1;
  const specs = sheet.headers.map((h) => (typeof h === 'string' ? { header: h } : h));
  const kinds = specs.map((s) => s.kind ?? kindOfHeader(s.header));
  const iterator = sheet.rows[Symbol.asyncIterator]();
  // The first rows decide the widths; they are held until the columns are set (styles come from them).
  const sample: Cell[][] = [];
  let done = false;
  while (sample.length < SAMPLE_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value.map((v, i) => cellValue(kinds[i] ?? 'text', v)));
  }
  const worksheet = workbook.addWorksheet(sheet.title, {
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: headerRow,
        topLeftCell: `A${headerRow + 1}`,
        activeCell: `A${headerRow + 1}`,
      },
    ],
  });
  worksheet.columns = specs.map((s, i) => {
    const kind = kinds[i];
    const fitted = Math.max(displayWidth(s.header), ...sample.map((r) => shownWidth(kind, r[i] ?? null)));
    const numFmt = NUMBER_FORMATS[kind];
    return {
      key: `c${i}`,
      width: s.width ?? Math.min(MAX_WIDTH, Math.max(8, fitted + 2)),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  const width = Math.max(1, specs.length);
  if (meta) {
    const title = worksheet.addRow([titleText(sheet.caption ?? sheet.title, meta)]);
    title.height = 24;
    title.getCell(1).font = { bold: true, size: 14 };
    title.getCell(1).alignment = { vertical: 'middle', horizontal: 'left' };
    if (width > 1) worksheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
    title.commit();
  }
  const header = worksheet.addRow(specs.map((s) => s.header));
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();
  let count = 0;
  for (const row of sample) {
    worksheet.addRow(row).commit();
    count++;
  }
  if (!done) {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      worksheet.addRow(next.value.map((v, i) => cellValue(kinds[i] ?? 'text', v))).commit();
      if (++count % 1000 === 0) await drained(out);
    }
  }
  worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + count, column: width } };
  worksheet.commit();
}

/** Streams the sheets to `out`, each with the title row `meta` describes (none for null: import templates). */
export async function writeLedger(
  out: Writable,
  sheets: readonly SheetContent[],
  meta: LedgerMeta | null,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  for (const sheet of sheets) await writeSheet(workbook, out, sheet, meta);
  await workbook.commit();
}
