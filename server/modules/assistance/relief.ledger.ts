import type { Writable } from 'node:stream';
import { RISK_TYPES } from '#common/domain/registry/codes.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { allEntries, fundTotals, listApplications } from './relief.repository.ts';
import { yuan, type ReliefShared } from './relief.shared.ts';

// The relief fund ledger as .xlsx (balance after each entry), audited before the first byte leaves.

export function createReliefLedgerOps(db: Db, s: ReliefShared) {
  const { visibleFund } = s;

  async function prepareLedger(ctx: RequestContext, fundId: number) {
    requirePermission(ctx, 'assistance:export');
    requirePermission(ctx, 'relief:read');
    const row = await visibleFund(ctx, fundId);
    const totals = await fundTotals(db, fundId);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'relief_fund',
        entityId: fundId,
        orgCode: row.fund.orgCode,
        after: { format: '救助基金台账', ...totals },
      }),
    );
    const apps = new Map(
      (await listApplications(db, ctx.actor.scopePrefix, { fundId, limit: 100_000 })).map((r) => [r.application.id, r]),
    );
    return {
      name: row.fund.name,
      async write(out: Writable) {
        async function* rows(): AsyncGenerator<Cell[]> {
          for await (const e of allEntries(db, fundId)) {
            const app = e.applicationId ? apps.get(e.applicationId) : undefined;
            yield [
              e.occurredOn,
              e.kind === 'income' ? '收入' : '支出',
              e.kind === 'income' ? Number(yuan(e.amountFen)) : null,
              e.kind === 'disbursement' ? Number(yuan(e.amountFen)) : null,
              Number(yuan(e.balanceAfterFen)),
              e.kind === 'income' ? e.source : (app?.householdNo ?? null),
              app?.headName ?? null,
              app?.villageName ?? null,
              app ? (app.application.reliefKind === 'emergency' ? '应急救助' : '临时救助') : null,
              app
                ? (RISK_TYPES.find((r) => r.code === app.application.eventType)?.zh ?? app.application.eventType)
                : null,
              e.kind === 'income' || app ? e.note : null,
              e.createdBy,
            ];
          }
        }
        await writeLedger(
          out,
          [
            {
              title: '救助基金台账',
              headers: [
                '日期',
                '类型',
                '收入（元）',
                '支出（元）',
                '余额（元）',
                '来源/户编号',
                '户主',
                '行政村',
                '救助类别',
                '事由',
                '备注',
                '经办人',
              ],
              rows: rows(),
            },
          ],
          ledgerMeta(ctx),
        );
      },
    };
  }

  return { prepareLedger };
}
