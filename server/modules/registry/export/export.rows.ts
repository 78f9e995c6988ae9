import { householdCells, memberCells } from '../import/ledger-values.ts';
import { householdOfRow, memberOfRow } from '../import/row-to-domain.ts';
import type { Cell } from '#server/lib/xlsx-ledger.ts';
import { ledgerHouseholds, ledgerMembers, nextRangeEnd } from './export.repository.ts';
import { BATCH, type ExportDeps } from './export.shared.ts';

// The two sheets' rows, read in batches by id so that a county's ledger streams without being held in memory; ID
// numbers and phones in full (the national exchange file), the extra columns after the standard ones.

export async function* householdRows(
  { db, box }: ExportDeps,
  scopePrefix: string,
  extraKeys: string[],
): AsyncGenerator<Cell[]> {
  let after = 0;
  for (;;) {
    const batch = await ledgerHouseholds(db, scopePrefix, after, BATCH);
    if (batch.length === 0) return;
    for (const r of batch) {
      const cells = householdCells(householdOfRow({ ...r }, box, { withPhone: true }));
      yield [...cells, ...extraKeys.map((k) => r.extra?.[k] ?? null)];
    }
    after = batch[batch.length - 1].id;
  }
}

export async function* memberRows(
  { db, box }: ExportDeps,
  scopePrefix: string,
  extraKeys: string[],
): AsyncGenerator<Cell[]> {
  let after = 0;
  for (;;) {
    const upto = await nextRangeEnd(db, scopePrefix, after, BATCH);
    if (upto === null) return;
    for (const m of await ledgerMembers(db, scopePrefix, after, upto)) {
      const cells = memberCells(m.household_no, memberOfRow({ ...m }, box, true));
      yield [...cells, ...extraKeys.map((k) => m.extra?.[k] ?? null)];
    }
    after = upto;
  }
}
