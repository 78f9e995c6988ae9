import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { prepare } from './export.prepare.ts';
import type { ExportDeps } from './export.shared.ts';

// The household ledger as the household workbook (formats.md §1), so that an export imports back
// unchanged. It is the national exchange file, so ID numbers and phones are written in full: only
// county, township and village roles may export (registry:export), only their own scope, and every
// export is audited before the first byte leaves.
// One factory composing the use case (export.prepare.ts) and the sheets' rows it streams (export.rows.ts).

export type { PreparedExport } from './export.shared.ts';

export function createExportService(db: Db, box: PersonalDataBox) {
  const d: ExportDeps = { db, box };
  return { prepare: bindDeps(d, prepare) };
}

export type ExportService = ReturnType<typeof createExportService>;
