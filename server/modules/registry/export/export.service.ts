import type { Writable } from 'node:stream';
import type { Db } from '../../../db/connect.ts';
import type { RequestContext } from '../../../lib/context.ts';
import type { PersonalDataBox } from '../../../lib/crypto.ts';
import { requirePermission } from '../../../lib/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import { SHEET_TITLES } from '../import/ledger-columns.ts';
import { householdCells, householdHeaders, memberCells, memberHeaders } from '../import/ledger-values.ts';
import { householdOfRow, memberOfRow } from '../import/row-to-domain.ts';
import { ledgerCounts, ledgerExtraKeys, ledgerHouseholds, ledgerMembers, nextRangeEnd } from './export.repository.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../../lib/xlsx-ledger.ts';

// The household ledger as the household workbook (formats.md §1), so that an export imports back
// unchanged. It is the national exchange file, so ID numbers and phones are written in full: only
// county, township and village roles may export (registry:export), only their own scope, and every
// export is audited before the first byte leaves.

const BATCH = 1000;

export interface PreparedExport {
  households: number;
  members: number;
  write(out: Writable): Promise<void>;
}

export function createExportService(db: Db, box: PersonalDataBox) {
  async function* householdRows(scopePrefix: string, extraKeys: string[]): AsyncGenerator<Cell[]> {
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

  async function* memberRows(scopePrefix: string, extraKeys: string[]): AsyncGenerator<Cell[]> {
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

  /** Checks and audits the export, then hands back the writer: errors surface before any byte is sent. */
  async function prepare(ctx: RequestContext): Promise<PreparedExport> {
    requirePermission(ctx, 'registry:export');
    const scopePrefix = ctx.actor.scopePrefix;
    const counts = await ledgerCounts(db, scopePrefix);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'household',
        orgCode: ctx.actor.orgCode,
        after: { format: SHEET_TITLES.households, ...counts },
      }),
    );
    return {
      ...counts,
      async write(out) {
        const extras = await ledgerExtraKeys(db, scopePrefix);
        await writeLedger(
          out,
          [
            {
              title: SHEET_TITLES.households,
              headers: [...householdHeaders(), ...extras.households],
              rows: householdRows(scopePrefix, extras.households),
            },
            {
              title: SHEET_TITLES.members,
              headers: [...memberHeaders(), ...extras.members],
              rows: memberRows(scopePrefix, extras.members),
            },
          ],
          ledgerMeta(ctx),
        );
      },
    };
  }

  return { prepare };
}

export type ExportService = ReturnType<typeof createExportService>;
