// RFC 4180 CSV read as a stream of records: UTF-8 with or without BOM, CRLF/LF/CR line ends,
// quoted fields holding commas, quotes ("") and line breaks. Row numbers count records, as a
// spreadsheet program shows them. Invalid UTF-8 (an Excel "CSV" saved as GBK) is refused
// rather than read as mojibake. Fields, columns and records are refused past IMPORT_LIMITS while
// reading, so one endless field never sits in memory.

import { AppError } from '#server/lib/app-error.ts';
import { IMPORT_LIMITS, limitErrors, type ImportLimits } from '#server/lib/import-limits.ts';

export interface CsvRow {
  row: number;
  cells: string[];
}

export function notUtf8(): AppError {
  return new AppError('BAD_REQUEST', {
    zh: 'CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
    en: 'The CSV file is not UTF-8; save it as "CSV UTF-8 (comma delimited)"',
  });
}

export async function* readCsvRows(
  chunks: AsyncIterable<Uint8Array>,
  where = 'CSV',
  limits: ImportLimits = IMPORT_LIMITS,
): AsyncGenerator<CsvRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  /** Inside quotes, a quote either ends the field or starts an escaped "". */
  let quotePending = false;
  let afterCr = false;
  let fieldStarted = false;
  let row = 0;
  const endField = () => {
    if (field.length > limits.maxCellChars) throw limitErrors.cell(limits, where, row + 1, cells.length + 1);
    if (cells.length >= limits.maxColumns) throw limitErrors.columns(limits, where, row + 1);
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = (): CsvRow => {
    endField();
    if (row >= limits.maxRows) throw limitErrors.rows(limits, where);
    const done = { row: ++row, cells };
    cells = [];
    return done;
  };

  function* consume(text: string): Generator<CsvRow> {
    for (const ch of text) {
      if (field.length > limits.maxCellChars) throw limitErrors.cell(limits, where, row + 1, cells.length + 1);
      if (afterCr) {
        afterCr = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (quotePending) {
          quotePending = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          quoted = false; // the quote closed the field; fall through to handle ch
        } else if (ch === '"') {
          quotePending = true;
          continue;
        } else {
          field += ch;
          continue;
        }
      }
      if (ch === '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (ch === ',') {
        endField();
      } else if (ch === '\n' || ch === '\r') {
        afterCr = ch === '\r';
        yield endRecord();
      } else {
        field += ch;
        fieldStarted = true;
      }
    }
  }

  try {
    for await (const chunk of chunks) yield* consume(decoder.decode(chunk, { stream: true }));
    yield* consume(decoder.decode());
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw notUtf8();
    throw err;
  }
  if (quoted && !quotePending) {
    throw new AppError('BAD_REQUEST', {
      zh: `CSV 第 ${row + 1} 行的引号没有闭合`,
      en: `Unclosed quote in CSV record ${row + 1}`,
    });
  }
  if (fieldStarted || cells.length > 0 || quotePending) yield endRecord();
}
