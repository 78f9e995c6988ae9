import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { CaseSort, caseFilterQuery } from '#common/contracts/cases.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { STAGE_LABELS } from '#common/domain/cases/workflow.ts';
import { MONITORING_TYPES, RISK_TYPES } from '#common/domain/registry/codes.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import type { CaseRow } from '#common/contracts/cases.ts';

// The case list as .xlsx (识别认定/风险消除事项): exactly the rows the list's filters match (the same
// where-clause, `caseWhere`), in the list's order; audited before the first byte leaves.

export type CaseExportQuery = z.infer<typeof caseFilterQuery> & PagingQuery<CaseSort>;

const KIND_ZH = { identification: '识别认定', elimination: '风险消除' } as const;
const STATUS_ZH = { active: '办理中', done: '已办结', closed: '已终止' } as const;
const DUE_ZH = { onTime: '正常', nearDue: '临期', overdue: '超期' } as const;
const riskZh = (code: string) => RISK_TYPES.find((t) => t.code === code)?.zh ?? code;
const typeZh = (code: string | null) => (code ? (MONITORING_TYPES.find((t) => t.code === code)?.zh ?? code) : null);

export const CASE_LIST_HEADERS = [
  '事项编号',
  '类型',
  '户编号',
  '户主',
  '乡镇',
  '行政村',
  '当前环节',
  '状态',
  '监测类型',
  '风险类型',
  '发起日期',
  '时限状态',
  '剩余天数',
  '办结日期',
];

interface ListReader {
  allRows: (ctx: RequestContext, q: CaseExportQuery) => AsyncGenerator<CaseRow>;
}

export function createCaseListExport(db: Db, cases: ListReader) {
  async function prepare(ctx: RequestContext, q: CaseExportQuery) {
    requirePermission(ctx, 'cases:export');
    const { sort: _s, order: _o, ...filters } = q;
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'case',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { format: '识别认定/风险消除事项', ...filters },
      }),
    );
    async function* rows(): AsyncGenerator<Cell[]> {
      for await (const c of cases.allRows(ctx, q))
        yield [
          c.id,
          KIND_ZH[c.kind],
          c.householdNo,
          c.headName,
          c.townshipName,
          c.villageName,
          STAGE_LABELS[c.stage],
          STATUS_ZH[c.status],
          typeZh(c.monitoringType),
          c.riskTypes.map(riskZh).join('、'),
          c.startedOn,
          c.timeLimit ? DUE_ZH[c.timeLimit.status] : null,
          c.timeLimit?.remaining ?? null,
          c.finishedOn,
        ];
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [{ title: '识别认定和风险消除事项', headers: CASE_LIST_HEADERS, rows: rows() }],
        ledgerMeta(ctx),
      );
  }

  return { prepare };
}
