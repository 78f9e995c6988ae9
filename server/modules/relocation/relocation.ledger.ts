import type { Writable } from 'node:stream';
import {
  RELOCATION_IMPORT_HEADERS,
  RELOCATION_IMPORT_OPTIONAL,
  type relocatedExportQuery,
  type RelocatedRow,
} from '#common/contracts/relocation.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { relocatedAll } from './relocation.households.ts';
import { stableWindow, STATUS_ZH, type Input, type RelocationDeps } from './relocation.shared.ts';

// 易地扶贫搬迁户稳定就业核查 (.xlsx) of what the list filters, and the 搬迁户名单 layout to fill in.

async function* cells(rows: readonly RelocatedRow[]): AsyncGenerator<Cell[]> {
  for (const r of rows)
    yield [
      r.householdNo,
      r.headName,
      r.villageName ?? r.villageCode,
      r.siteName,
      r.movedOn,
      r.members,
      r.labourers,
      r.stablyEmployed,
      STATUS_ZH[r.status],
    ];
}

export async function prepareRelocatedExport(
  d: RelocationDeps,
  ctx: RequestContext,
  q: Input<typeof relocatedExportQuery>,
) {
  requirePermission(ctx, 'programmes:read');
  const rows = await relocatedAll(d, ctx, q);
  const w = await stableWindow(d, countyCodeOf(ctx.actor.orgCode));
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'relocated_household',
      orgCode: q.orgCode ?? ctx.actor.orgCode,
      after: { format: '易地搬迁户稳定就业核查', ...q, rows: rows.length },
    }),
  );
  return async (out: Writable) => {
    await writeLedger(
      out,
      [
        {
          title: '搬迁户稳定就业',
          caption: `易地扶贫搬迁户稳定就业核查（近${w.stableWindowMonths}个月就业不少于${w.stableMonths}个月为稳定就业）`,
          headers: [
            { header: '户编号', kind: 'code' },
            '户主',
            '原居住村',
            '安置点',
            { header: '搬迁入住日期', kind: 'date' },
            { header: '家庭人口（人）', kind: 'integer' },
            { header: '劳动力（人）', kind: 'integer' },
            { header: '稳定就业（人）', kind: 'integer' },
            '每户至少一人稳定就业',
          ],
          rows: cells(rows),
        },
      ],
      ledgerMeta(ctx),
    );
  };
}

/** The list's layout to fill in: the header row and one example row (GB 11643's example ID). */
export function importTemplate(_d: RelocationDeps) {
  return (out: Writable) =>
    writeLedger(
      out,
      [
        {
          title: '易地扶贫搬迁户名单',
          headers: [...RELOCATION_IMPORT_HEADERS, RELOCATION_IMPORT_OPTIONAL],
          rows: (async function* () {
            yield ['11010519491231002X', '张三', '龙港镇东庄移民新村安置点', '2019-11-15', ''];
          })(),
        },
      ],
      null,
    );
}
