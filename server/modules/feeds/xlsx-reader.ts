// The first worksheet of an .xlsx file, row by row through exceljs's streaming reader, so a
// large department workbook never sits in memory as a whole. Date-formatted cells arrive as
// Date; formulas give their cached result; rich text and hyperlinks give their text.

import type { Readable } from 'node:stream';
import type { FeedCell } from '../../../common/domain/feeds/validate-record.ts';
import { AppError } from '../../lib/app-error.ts';
import { createWorkbookReader } from '../../lib/xlsx-stream-reader.ts';

export interface SheetRow {
  row: number;
  cells: FeedCell[];
}

function cellOf(value: unknown): FeedCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
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
  return new AppError('BAD_REQUEST', { zh: '无法读取 Excel 文件，请确认是 .xlsx 格式且未损坏', en: 'The Excel file cannot be read; make sure it is an undamaged .xlsx file' });
}

export async function* readXlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  // The patched reader: exceljs alone garbles Chinese text split across chunks (server/lib/xlsx-stream-reader.ts).
  const workbook = createWorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        // row.values is 1-based and sparse: index 0 is always empty.
        const values = row.values as unknown[];
        const cells: FeedCell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
        yield { row: row.number, cells };
      }
      return; // only the first sheet; the rest of the archive is left unread
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadableWorkbook();
  }
}
