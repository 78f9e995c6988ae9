import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { obligationExportQuery, pairingExportQuery } from '#common/contracts/assistance.ts';
import { categoryLabel, MEASURE_STATUSES } from '#common/domain/assistance/categories.ts';
import { OBLIGATION_LABELS } from '#common/domain/assistance/obligations.ts';
import { RISK_TYPES } from '#common/domain/registry/codes.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { listMeasures } from './measures.repository.ts';
import { reachOf, type AssistanceService } from './assistance.service.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';

// Ledgers as .xlsx: 帮扶措施台账, 帮扶责任预警 and 结对帮扶名单, each of what its list shows — the actor's scope only (a cadre: his households),
// audited before the first byte leaves.

const riskZh = (r: string | null) => (r ? (RISK_TYPES.find((t) => t.code === r)?.zh ?? r) : null);
const statusZh = (s: string) => MEASURE_STATUSES.find((t) => t.code === s)?.zh ?? s;

export function createAssistanceExport(db: Db, assistance: AssistanceService) {
  /** The measure ledger of what the list shows: the same filters (org, category, status) as the list. */
  async function prepareMeasures(
    ctx: RequestContext,
    filter: { orgCode?: string; category?: string; status?: string },
  ) {
    requirePermission(ctx, 'assistance:export');
    const { orgCode, category, status } = filter;
    const orgPrefix = orgFilterPrefix(orgCode);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'assistance_measure',
        orgCode: orgCode ?? ctx.actor.orgCode,
        after: { format: '帮扶措施台账', category, status },
      }),
    );
    return async (out: Writable) => {
      async function* rows(): AsyncGenerator<Cell[]> {
        let after = 0;
        for (;;) {
          const batch = await listMeasures(db, reachOf(ctx), {
            orgPrefix,
            category,
            status,
            afterId: after,
            limit: 1000,
          });
          if (batch.length === 0) return;
          for (const r of batch) {
            const m = r.measure;
            yield [
              r.householdNo,
              r.headName,
              m.villageCode,
              riskZh(m.riskType),
              categoryLabel(m.category),
              r.subTypeLabel ?? m.subType,
              m.department,
              m.startOn,
              m.endOn,
              m.amountFen / 100,
              statusZh(m.status),
              m.note,
            ];
          }
          after = batch[batch.length - 1].measure.id;
        }
      }
      await writeLedger(
        out,
        [
          {
            title: '帮扶措施台账',
            headers: [
              '户编号',
              '户主',
              '行政村代码',
              '针对风险',
              '措施类别',
              '措施子项',
              '责任部门',
              '开始日期',
              '结束日期',
              '金额（元）',
              '状态',
              '备注',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  /** The obligation rows of what the list shows: the same day, township or village and obligation code. */
  async function prepareObligations(ctx: RequestContext, q: z.infer<typeof obligationExportQuery>) {
    requirePermission(ctx, 'assistance:export');
    const asOf = q.asOf ?? assistance.today();
    const filter = { ...q, asOf };
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'obligation',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { format: '帮扶责任预警', asOf, code: q.code },
      }),
    );
    return async (out: Writable) => {
      async function* rows(): AsyncGenerator<Cell[]> {
        for await (const o of assistance.allObligations(ctx, filter))
          yield [
            o.householdNo,
            o.headName,
            o.villageName,
            OBLIGATION_LABELS[o.code].zh,
            riskZh(o.riskType),
            o.dueOn,
            o.overdueDays,
          ];
      }
      await writeLedger(
        out,
        [
          {
            title: `帮扶责任预警（${asOf}）`,
            headers: ['户编号', '户主', '行政村', '预警', '风险', '应落实日期', '逾期天数'],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  /** The pairing list as a ledger: the same filters (active only, township or village, words) and order. */
  async function preparePairings(ctx: RequestContext, q: z.infer<typeof pairingExportQuery>) {
    requirePermission(ctx, 'assistance:export');
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'cadre_pairing',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { format: '结对帮扶名单', activeOnly: q.activeOnly, q: q.q },
      }),
    );
    return async (out: Writable) => {
      async function* rows(): AsyncGenerator<Cell[]> {
        for await (const p of assistance.allPairings(ctx, q))
          yield [
            p.householdNo,
            p.headName,
            p.villageName,
            p.cadreName,
            p.unit,
            p.phoneMasked,
            p.startOn,
            p.endOn,
            p.endReason,
          ];
      }
      await writeLedger(
        out,
        [
          {
            title: q.activeOnly ? '结对帮扶名单' : '结对帮扶名单（含已结束）',
            headers: [
              '户编号',
              '户主',
              '行政村',
              '帮扶干部',
              '工作单位',
              '联系电话',
              '开始日期',
              '结束日期',
              '结束原因',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  return { prepareMeasures, prepareObligations, preparePairings };
}
