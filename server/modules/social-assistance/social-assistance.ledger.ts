import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { uncoveredExportQuery, UncoveredRow } from '#common/contracts/social-assistance.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { uncoveredAll } from './social-assistance.coverage.ts';
import type { SocialAssistanceDeps } from './social-assistance.shared.ts';

// The export of the monitored households without labour not covered: audited, then written as one sheet.

async function writeUncovered(ctx: RequestContext, rows: UncoveredRow[], out: Writable) {
  async function* cells(): AsyncGenerator<Cell[]> {
    for (const r of rows) yield [r.householdNo, r.headName, r.villageName ?? r.villageCode, r.members];
  }
  await writeLedger(
    out,
    [
      {
        title: '未纳入兜底保障',
        caption: '无劳动能力未纳入低保特困的监测户',
        headers: ['户编号', '户主', '行政村', '家庭人口（人）'],
        rows: cells(),
      },
    ],
    ledgerMeta(ctx),
  );
}

export async function prepareUncoveredExport(
  d: SocialAssistanceDeps,
  ctx: RequestContext,
  q: z.infer<typeof uncoveredExportQuery>,
) {
  requirePermission(ctx, 'assistance:export');
  const rows = await uncoveredAll(d, ctx, q.orgCode);
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'social_benefit',
      orgCode: q.orgCode ?? ctx.actor.orgCode,
      after: { format: '无劳动能力未纳入兜底保障的监测户', rows: rows.length },
    }),
  );
  return (out: Writable) => writeUncovered(ctx, rows, out);
}
