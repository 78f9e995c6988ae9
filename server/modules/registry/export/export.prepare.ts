import type { Writable } from 'node:stream';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '#server/modules/audit/index.ts';
import { SHEET_TITLES } from '../import/ledger-columns.ts';
import { householdHeaders, memberHeaders } from '../import/ledger-values.ts';
import { ledgerCounts, ledgerExtraKeys } from './export.repository.ts';
import { householdRows, memberRows } from './export.rows.ts';
import type { ExportDeps, PreparedExport } from './export.shared.ts';

// The export checked and audited before the first byte leaves; then the workbook written to the response.

/** Writes the household workbook of the households under `scopePrefix`: households, then members. */
async function writeWorkbook(d: ExportDeps, ctx: RequestContext, scopePrefix: string, out: Writable) {
  const extras = await ledgerExtraKeys(d.db, scopePrefix);
  await writeLedger(
    out,
    [
      {
        title: SHEET_TITLES.households,
        headers: [...householdHeaders(), ...extras.households],
        rows: householdRows(d, scopePrefix, extras.households),
      },
      {
        title: SHEET_TITLES.members,
        headers: [...memberHeaders(), ...extras.members],
        rows: memberRows(d, scopePrefix, extras.members),
      },
    ],
    ledgerMeta(ctx),
  );
}

/** Checks and audits the export, then hands back the writer: errors surface before any byte is sent. */
export async function prepare(d: ExportDeps, ctx: RequestContext): Promise<PreparedExport> {
  requirePermission(ctx, 'registry:export');
  const scopePrefix = ctx.actor.scopePrefix;
  const counts = await ledgerCounts(d.db, scopePrefix);
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'household',
      orgCode: ctx.actor.orgCode,
      after: { format: SHEET_TITLES.households, ...counts },
    }),
  );
  return { ...counts, write: (out) => writeWorkbook(d, ctx, scopePrefix, out) };
}
