import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkRowLimits, IMPORT_LIMITS, limitErrors, type ImportLimits } from './import-limits.ts';
import { guardedParse, type ReaderHost } from './xlsx-zip-guard.ts';

// Two defects of exceljs 4.4's streaming reader, mended from outside (exceljs internals; the version
// is pinned and xlsx-stream-reader.test.ts fails if they move):
// 1. It decodes every chunk of a zip entry on its own (lib/utils/parse-sax.js → browser-buffer-decode.js),
//    so a Chinese character whose UTF-8 bytes straddle a chunk boundary turns into U+FFFD: "户主"
//    becomes "户���" somewhere in any sheet or shared-string table longer than one chunk. That decoder
//    passes strings through untouched, so worksheets and shared strings are handed to it as text
//    decoded here with a streaming TextDecoder.
// 2. Under load it now and then ends up without a model of xl/workbook.xml (which exceljs itself
//    writes last) and then fails on `this.model.sheets`. Only sheet names come from that part, so the
//    model defaults to empty: such sheets have no title, and callers tell them apart by their headers.
// And it reads the archive through xlsx-zip-guard.ts: truncated or corrupt files fail instead of
// hanging, and IMPORT_LIMITS (server/lib/import-limits.ts) are enforced while inflating; sheetRows()
// adds the row, column and cell-length limits.

type WorkbookReader = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader>;
type ReaderOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];

interface ReaderInternals {
  model?: { sheets?: unknown[] };
  parse(): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: AsyncIterable<Buffer | string>): AsyncGenerator<unknown>;
  _parseWorkbook(entry: unknown): Promise<void>;
}

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** `new ExcelJS.stream.xlsx.WorkbookReader(input, options)`, reading multi-byte text correctly, within `limits`. */
export function createWorkbookReader(
  input: Readable,
  options: ReaderOptions,
  limits: ImportLimits = IMPORT_LIMITS,
): WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const proto = Object.getPrototypeOf(reader) as ReaderInternals;
  const own = reader as unknown as ReaderInternals;
  if (
    typeof proto._parseWorksheet !== 'function' ||
    typeof proto._parseSharedStrings !== 'function' ||
    typeof proto._parseWorkbook !== 'function'
  ) {
    throw new Error('exceljs internals changed: review server/lib/xlsx-stream-reader.ts');
  }
  own.model = { sheets: [] };
  own.parse = function () {
    return guardedParse(this as unknown as ReaderHost, limits);
  };
  own._parseWorkbook = async function (entry) {
    await proto._parseWorkbook.call(this, entry);
    this.model ??= { sheets: [] };
  };
  // Worksheets take any async iterable; shared strings are read as a stream.
  own._parseWorksheet = function (iterator, sheetNo) {
    return proto._parseWorksheet.call(this, utf8Text(iterator), sheetNo);
  };
  own._parseSharedStrings = function (entry) {
    return proto._parseSharedStrings.call(this, Readable.from(utf8Text(entry)));
  };
  return reader;
}

/**
 * The rows of one worksheet with their 0-based cells (exceljs's row.values is 1-based and sparse),
 * refused past the row, column and cell-length limits. `where` names the sheet in messages.
 */
export async function* sheetRows(
  sheet: AsyncIterable<{ number: number; values: unknown }>,
  where: string,
  limits: ImportLimits = IMPORT_LIMITS,
): AsyncGenerator<{ row: number; cells: unknown[] }> {
  let count = 0;
  for await (const row of sheet) {
    if (++count > limits.maxRows) throw limitErrors.rows(limits, where);
    const values = row.values as unknown[];
    if (values.length - 1 > limits.maxColumns) throw limitErrors.columns(limits, where, row.number);
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => values[i + 1]);
    checkRowLimits(cells, row.number, where, limits);
    yield { row: row.number, cells };
  }
}
