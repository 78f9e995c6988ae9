import type { Db } from '../db/connect.ts';
import { AppError } from './app-error.ts';

// The row loop of a department sheet's import (posts, small loans): each row is checked and written in a
// transaction of its own; a dry run rolls every row back; a refused row is reported with its column and message,
// and the rows without errors are kept. What a row is, and how it is checked and written, stays the module's.

export type RowFail = (field: string, message: string) => void;
export type ImportRowError = { row: number; field: string; message: string };

/** The row's reporter: `fail` adds an error on the row, `failed` tells whether it has one. */
export interface RowReport {
  fail: RowFail;
  failed: () => boolean;
}

/** Every sheet row through `importOne` (true when the row was, or on a dry run would be, written). */
export async function importEachRow<R extends { row: number }>(
  sheet: readonly R[],
  dryRun: boolean,
  importOne: (r: R, report: RowReport) => Promise<boolean>,
) {
  const errors: ImportRowError[] = [];
  let created = 0;
  for (const r of sheet) {
    const fail: RowFail = (field, message) => errors.push({ row: r.row, field, message });
    const failed = () => errors.some((e) => e.row === r.row);
    if (await importOne(r, { fail, failed })) created += 1;
  }
  return { dryRun, rows: sheet.length, created, errors };
}

class DryRun extends Error {}

/**
 * One row's writes in a transaction of its own, rolled back on a dry run. A refusal (AppError) is put on the row —
 * each field error under its sheet column (`columnOf`, else the field's name), or the message — and answers false;
 * any other error is thrown.
 */
export async function writeRowInTx(
  db: Db,
  p: { dryRun: boolean; fail: RowFail; columnOf?: (field: string) => string | undefined },
  write: (tx: Db) => Promise<unknown>,
): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await write(tx);
      if (p.dryRun) throw new DryRun();
    });
    return true;
  } catch (err) {
    if (err instanceof DryRun) return true;
    if (!(err instanceof AppError)) throw err;
    const fields = err.fields ?? [];
    if (fields.length) for (const f of fields) p.fail(p.columnOf?.(f.field) ?? f.field, f.messageZh);
    else p.fail('', err.messageZh);
    return false;
  }
}
