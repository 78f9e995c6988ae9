// The limits every uploaded or local file passes while it is streamed (household ledgers, department
// files): configuration constants of the program, not policy parameters. They keep one hostile or
// broken file (a zip bomb, a 400 MB shared string, a million columns) from exhausting the memory of the
// server that other users share, and they refuse it with a message a village officer can act on.
// Defaults, and why:
// - maxInflatedBytes 1 GiB: all entries of one .xlsx together, counted out of the inflater. The largest
//   real ledger (100,000 households, about 30 MB as .xlsx; sheet XML compresses about ten to one) stays
//   well below it; a deflate bomb (up to ~1000:1) is stopped after 1 GiB: seconds of inflating, no heap.
// - maxSharedStringsBytes 128 MiB: xl/sharedStrings.xml is held in memory as a whole by the reader.
// - maxCellChars 32,767: Excel's own limit for one cell; also per CSV field.
// - maxXmlTextBytes 256 KiB: bytes between two '<' of an XML entry, i.e. one text node; a full
//   32,767-character cell escaped as UTF-8 or entities stays below it. Checked on the raw bytes, so a
//   400 MB text node is refused before the XML parser gathers it into one string.
// - maxRowXmlBytes 16 MiB: bytes of one <row> of a worksheet (cells of rich-text runs cannot add up).
// - maxRows 1,048,576 per sheet or CSV file: Excel's sheet limit (a county ledger has ~500,000 rows).
// - maxColumns 1,000: the household ledger has about 60 columns, department files fewer than 20.
// - maxLedgerUploadBytes 512 MiB: one uploaded ledger file, streamed to a private temp folder
//   (100,000 households are about 30 MB as .xlsx and 60 MB as CSV).
// - maxFeedUploadBytes 64 MiB: one department file, read into memory before its job starts.

import { AppError } from './app-error.ts';

export interface ImportLimits {
  maxInflatedBytes: number;
  maxSharedStringsBytes: number;
  maxCellChars: number;
  maxXmlTextBytes: number;
  maxRowXmlBytes: number;
  maxRows: number;
  maxColumns: number;
  maxLedgerUploadBytes: number;
  maxFeedUploadBytes: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxInflatedBytes: 1024 ** 3,
  maxSharedStringsBytes: 128 * 1024 ** 2,
  maxCellChars: 32_767,
  maxXmlTextBytes: 256 * 1024,
  maxRowXmlBytes: 16 * 1024 ** 2,
  maxRows: 1_048_576,
  maxColumns: 1_000,
  maxLedgerUploadBytes: 512 * 1024 ** 2,
  maxFeedUploadBytes: 64 * 1024 ** 2,
});

const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
const tooLarge = (zh: string, en: string) => new AppError('PAYLOAD_TOO_LARGE', { zh, en });

export const limitErrors = {
  inflated: (l: ImportLimits) =>
    tooLarge(
      `文件解压后超过 ${mb(l.maxInflatedBytes)}（疑似压缩炸弹），已拒绝导入`,
      `The file inflates to more than ${mb(l.maxInflatedBytes)} (a zip bomb?); import refused`,
    ),
  sharedStrings: (l: ImportLimits) =>
    tooLarge(
      `工作簿的共享字符串表超过 ${mb(l.maxSharedStringsBytes)}，已拒绝导入`,
      `The workbook's shared strings exceed ${mb(l.maxSharedStringsBytes)}; import refused`,
    ),
  xmlText: (l: ImportLimits, entry: string) =>
    tooLarge(
      `工作簿中有超长文本（${entry} 中一段超过 ${Math.round(l.maxXmlTextBytes / 1024)} KB），单元格最多 ${l.maxCellChars} 个字符，已拒绝导入`,
      `The workbook holds an over-long text (more than ${Math.round(l.maxXmlTextBytes / 1024)} KB in ${entry}); a cell holds at most ${l.maxCellChars} characters; import refused`,
    ),
  rowXml: (l: ImportLimits, entry: string) =>
    tooLarge(
      `工作表 ${entry} 中有一行超过 ${mb(l.maxRowXmlBytes)}，已拒绝导入`,
      `A row of ${entry} exceeds ${mb(l.maxRowXmlBytes)}; import refused`,
    ),
  cell: (l: ImportLimits, where: string, row: number, column: number) =>
    tooLarge(
      `${where}第 ${row} 行第 ${column} 列的单元格超过 ${l.maxCellChars} 个字符，已拒绝导入`,
      `${where} row ${row}, column ${column}: the cell exceeds ${l.maxCellChars} characters; import refused`,
    ),
  rows: (l: ImportLimits, where: string) =>
    tooLarge(`${where}超过 ${l.maxRows} 行，已拒绝导入`, `${where} has more than ${l.maxRows} rows; import refused`),
  columns: (l: ImportLimits, where: string, row: number) =>
    tooLarge(
      `${where}第 ${row} 行超过 ${l.maxColumns} 列，已拒绝导入`,
      `${where} row ${row} has more than ${l.maxColumns} columns; import refused`,
    ),
};

/** Row, column and cell-length checks of one row read from a sheet or CSV file (1-based row, 0-based cells). */
export function checkRowLimits(
  cells: readonly unknown[],
  row: number,
  where: string,
  limits: ImportLimits = IMPORT_LIMITS,
): void {
  if (row > limits.maxRows) throw limitErrors.rows(limits, where);
  if (cells.length > limits.maxColumns) throw limitErrors.columns(limits, where, row);
  for (let i = 0; i < cells.length; i++) {
    if (textLength(cells[i]) > limits.maxCellChars) throw limitErrors.cell(limits, where, row, i + 1);
  }
}

function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value && typeof value === 'object') {
    const v = value as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown; formula?: unknown };
    if (Array.isArray(v.richText))
      return v.richText.reduce((n, r) => n + (typeof r?.text === 'string' ? r.text.length : 0), 0);
    return Math.max(textLength(v.text), textLength(v.result), textLength(v.formula));
  }
  return 0;
}
