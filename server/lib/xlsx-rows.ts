import { Readable } from 'node:stream';
import { AppError } from './app-error.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import { createWorkbookReader, sheetRows } from './xlsx-stream-reader.ts';

// The first worksheet of a small department .xlsx as text cells (programme ledgers' imports): the patched
// streaming reader (Chinese text across chunks, zip guard, import limits), dates as YYYY-MM-DD (China day),
// numbers as written, rich text and formulas as their text or result.

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = new Date(value.getTime() + 8 * 3600_000);
    return d.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return text(v.result);
    if (v.text !== undefined) return text(v.text);
  }
  return String(value).trim();
}

export interface TextRow {
  row: number;
  cells: string[];
}

/** Every row of the first worksheet (1-based row numbers as Excel shows them). */
export async function readXlsxTextRows(buffer: Buffer): Promise<TextRow[]> {
  const reader = createWorkbookReader(
    Readable.from(buffer),
    { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' },
    IMPORT_LIMITS,
  );
  const out: TextRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const { row, cells } of sheetRows(worksheet, '"Sheet1"')) out.push({ row, cells: cells.map(text) });
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_REQUEST', {
      zh: '无法读取 Excel 文件，请确认是 .xlsx 格式且未损坏',
      en: 'The Excel file cannot be read; make sure it is an undamaged .xlsx file',
    });
  }
  return out;
}

/**
 * The header row (the first row holding every expected header) and a column index per header; `optional` headers
 * get a column when that row has them.
 */
export function findHeader(
  rows: TextRow[],
  headers: readonly string[],
  optional: readonly string[] = [],
): { headerRow: number; col: Record<string, number> } | null {
  for (const r of rows.slice(0, 5)) {
    const col: Record<string, number> = {};
    for (const h of headers) {
      const i = r.cells.indexOf(h);
      if (i >= 0) col[h] = i;
    }
    if (Object.keys(col).length !== headers.length) continue;
    for (const h of optional) {
      const i = r.cells.indexOf(h);
      if (i >= 0) col[h] = i;
    }
    return { headerRow: r.row, col };
  }
  return null;
}

/**
 * A department sheet's data rows below its header row (found within the first five rows), each with a reader of
 * its cells by header (an optional header the sheet lacks reads as empty); blank rows are skipped. A sheet without the header row is a 400 naming the headers.
 */
export async function readSheetRows<H extends string, O extends string = never>(
  buffer: Buffer,
  headers: readonly H[],
  optional: readonly O[] = [],
): Promise<{ row: number; cell: (h: H | O) => string }[]> {
  const all = await readXlsxTextRows(buffer);
  const header = findHeader(all, headers, optional);
  if (!header)
    throw new AppError('BAD_REQUEST', {
      zh: `未找到表头：${headers.join('、')}`,
      en: `Header row not found: ${headers.join(', ')}`,
    });
  return all
    .filter((x) => x.row > header.headerRow && x.cells.some((c) => c !== ''))
    .map((r) => ({
      row: r.row,
      cell: (h: H | O) => (h in header.col ? (r.cells[header.col[h]] ?? '').trim() : ''),
    }));
}
