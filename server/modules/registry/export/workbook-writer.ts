import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

// A two-sheet workbook streamed to any Writable (a file, an HTTP response). Sheets are written one
// after the other: the zip takes one entry at a time, so rows of a second open sheet would pile up in
// memory. Inline strings (no shared-string table) keep memory flat and IDs as text.

export type Cell = string | number | null;

export interface SheetContent {
  title: string;
  headers: readonly string[];
  rows: AsyncIterable<Cell[]>;
}

/** Waits while the destination is full, so a slow download holds back the reading, not the memory. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

export async function writeWorkbook(out: Writable, sheets: readonly SheetContent[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.title);
    worksheet.addRow([...sheet.headers]).commit();
    let count = 0;
    for await (const row of sheet.rows) {
      worksheet.addRow(row).commit();
      if (++count % 1000 === 0) await drained(out);
    }
    worksheet.commit();
  }
  await workbook.commit();
}
