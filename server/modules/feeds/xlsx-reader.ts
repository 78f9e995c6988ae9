// The first worksheet of an .xlsx file, row by row through exceljs's streaming reader, so a
// large department workbook never sits in memory as a whole. Date-formatted cells arrive as
// Date; formulas give their cached result; rich text and hyperlinks give their text.

import type { Readable } from 'node:stream';
import type { FeedCell } from '#common/domain/feeds/validate-record.ts';
import { AppError } from '#server/lib/app-error.ts';
import { IMPORT_LIMITS, type ImportLimits } from '#server/lib/import-limits.ts';
import { createWorkbookReader, sheetRows } from '#server/lib/xlsx-stream-reader.ts';

export interface SheetRow {
  row: number;
  cells: FeedCell[];
}

function cellOf(value: unknown): FeedCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellOf(v.result);
    if (v.text !== undefined) return cellOf(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

export function unreadableWorkbook(): AppError {
  return new AppError('BAD_REQUEST', {
    zh: '无法读取 Excel 文件，请确认是 .xlsx 格式且未损坏',
    en: 'The Excel file cannot be read; make sure it is an undamaged .xlsx file',
  });
}

export async function* readXlsxRows(input: Readable, limits: ImportLimits = IMPORT_LIMITS): AsyncGenerator<SheetRow> {
  // The patched reader: exceljs alone garbles Chinese text split across chunks and hangs on truncated
  // archives; it also enforces the import limits (server/lib/xlsx-stream-reader.ts).
  const workbook = createWorkbookReader(
    input,
    { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' },
    limits,
  );
  try {
    for await (const worksheet of workbook) {
      const title = (worksheet as unknown as { name?: string }).name || 'Sheet1';
      for await (const { row, cells } of sheetRows(worksheet, `"${title}"`, limits))
        yield { row, cells: cells.map(cellOf) };
      return; // only the first sheet; the rest of the archive is left unread
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadableWorkbook();
  }
}
