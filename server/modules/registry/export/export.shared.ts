import type { Writable } from 'node:stream';
import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';

// What the household-ledger export's use cases share (export.rows.ts, export.prepare.ts): the deps, the batch size,
// the prepared export handed to the route.

export interface ExportDeps {
  db: Db;
  box: PersonalDataBox;
}

/** Households (and the members of a range of households) read per query while the workbook streams. */
export const BATCH = 1000;

export interface PreparedExport {
  households: number;
  members: number;
  write(out: Writable): Promise<void>;
}
