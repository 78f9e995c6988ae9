import type { Writable } from 'node:stream';
import type { ChangeListQuery } from '#common/contracts/analysis.ts';
import { warningCategory } from '#common/domain/monitoring/categories.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { listChanges } from './analysis.repository.ts';
import { changePrefix, KIND_NAMES, scenarioOf, type WhatIfUseCaseDeps } from './whatif.shared.ts';

// A scenario's entering/leaving households as .xlsx (进出名单).

type Change = Awaited<ReturnType<typeof listChanges>>['rows'][number];

const names = (codes: string[]) => codes.map((c) => warningCategory(c)?.nameZh ?? c).join('、');

async function* changeRows(rows: readonly Change[]): AsyncGenerator<Cell[]> {
  for (const r of rows)
    yield [
      r.householdNo,
      r.townshipName,
      r.villageName,
      KIND_NAMES[r.kind] ?? r.kind,
      r.change === 'entering' ? '新进入' : '退出',
      names(r.baseRules),
      names(r.proposedRules),
    ];
}

/** The differences as .xlsx (what the list's filters select), audited before a byte leaves. */
export async function prepareExport(d: WhatIfUseCaseDeps, ctx: RequestContext, id: number, q: ChangeListQuery) {
  const s = await scenarioOf(d, ctx, id);
  const { rows } = await listChanges(d.db, s.id, changePrefix(ctx, s), q, null);
  await recordAudit(d.db, ctx, {
    action: 'export',
    entity: 'analysis_scenario',
    entityId: s.id,
    orgCode: ctx.actor.orgCode,
    after: { rows: rows.length, filters: { ...q } },
  });
  const paramText = Object.entries(s.params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('；');
  return {
    fileName: `试算差异_${s.name}_${s.period}.xlsx`,
    write: (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '进出名单',
            caption: `政策试算「${s.name}」${s.period} 进出名单（${paramText}）`,
            headers: [
              { header: '户编号', kind: 'code' },
              { header: '乡镇', kind: 'text' },
              { header: '村', kind: 'text' },
              { header: '户类型', kind: 'text' },
              { header: '变化', kind: 'text' },
              { header: '现行参数下的预警', kind: 'text' },
              { header: '试算参数下的预警', kind: 'text' },
            ],
            rows: changeRows(rows),
          },
        ],
        ledgerMeta(ctx),
      ),
  };
}
