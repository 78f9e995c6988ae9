import { createReadStream } from 'node:fs';
import { AppError } from '#server/lib/app-error.ts';
import { createWorkbookReader, sheetRows } from '#server/lib/xlsx-stream-reader.ts';
// The feeds module's streaming RFC 4180 reader (UTF-8 with or without BOM, GBK refused).
import { readCsvRows } from '#server/modules/feeds/index.ts';

// Where ledger rows come from: a streamed .xlsx workbook (both sheets), two streamed CSV files, or the
// demo generator. Rows arrive one at a time; the first row seen for a sheet is its header.

export interface LedgerRow {
  /** Worksheet title, or `households` / `members` for the CSV files. */
  sheetTitle: string;
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  cells: unknown[];
}

export interface LedgerSource {
  /** File name for the report and the change reason. */
  name: string;
  rows(): AsyncIterable<LedgerRow>;
}

/** exceljs's streaming reader keeps shared strings and parks worksheets that precede them in temp files, never the sheet rows in memory. */
export function xlsxSource(name: string, path: string): LedgerSource {
  return {
    name,
    async *rows() {
      const reader = createWorkbookReader(createReadStream(path), {
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'ignore',
        worksheets: 'emit',
        entries: 'ignore',
      });
      try {
        for await (const sheet of reader) {
          // Without a name (see xlsx-stream-reader.ts) each sheet still needs its own key; its headers say what it is.
          const { name: sheetName, id } = sheet as unknown as { name?: string; id?: string | number };
          const title = sheetName || `sheet${id}`;
          for await (const { row, cells } of sheetRows(sheet, `"${title}"`)) yield { sheetTitle: title, row, cells };
        }
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw AppError.validation([
          {
            field: 'households',
            messageZh: `无法读取工作簿"${name}"，请确认是未损坏的 .xlsx 文件`,
            messageEn: `Cannot read workbook "${name}"; is it an undamaged .xlsx file?`,
          },
        ]);
      }
    },
  };
}

/** households.csv and members.csv, read one after the other. */
export function csvSource(
  households: { name: string; path: string },
  members: { name: string; path: string },
): LedgerSource {
  return {
    name: `${households.name} + ${members.name}`,
    async *rows() {
      for (const [sheetTitle, file] of [
        ['households', households],
        ['members', members],
      ] as const) {
        for await (const { row, cells } of readCsvRows(createReadStream(file.path), `"${file.name}"`))
          yield { sheetTitle, row, cells };
      }
    },
  };
}
