import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

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

type WorkbookReader = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader>;
type ReaderOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];

interface ReaderInternals {
  model?: { sheets?: unknown[] };
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

/** `new ExcelJS.stream.xlsx.WorkbookReader(input, options)`, reading multi-byte text correctly. */
export function createWorkbookReader(input: Readable, options: ReaderOptions): WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const proto = Object.getPrototypeOf(reader) as ReaderInternals;
  const own = reader as unknown as ReaderInternals;
  if (typeof proto._parseWorksheet !== 'function' || typeof proto._parseSharedStrings !== 'function' || typeof proto._parseWorkbook !== 'function') {
    throw new Error('exceljs internals changed: review server/lib/xlsx-stream-reader.ts');
  }
  own.model = { sheets: [] };
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
