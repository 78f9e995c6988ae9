import type { Writable } from 'node:stream';
import { diffTotals } from '#common/domain/monitoring/diff.ts';
import { warningCategory } from '#common/domain/monitoring/categories.ts';
import { previousPeriod } from '#common/domain/monitoring/window.ts';
import { scopePrefixOf } from '#common/domain/org-code.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow, usesCursor } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import {
  diffPeriods,
  findRun,
  latestMonthlyPeriod,
  listRunPage,
  listRuns,
  listWarnings,
  type RunFilter,
  type RunRow,
  type RunSort,
  type WarningFilter,
} from './monitoring.repository.ts';
import { countyOf, type MonitoringUseCaseDeps } from './monitoring.shared.ts';

// What the runs page and the warnings page read: the runs (paged, exported), one run's month-on-month diff, and the
// warnings of a month.

const RUN_EXPORT_BATCH = 1000;

const RUN_EXPORT_HEADERS = [
  { header: '月份', kind: 'code' },
  '类型',
  '状态',
  { header: '开始时间', kind: 'text' },
  { header: '结束时间', kind: 'text' },
  { header: '耗时（秒）', kind: 'number' },
  { header: '评估户数', kind: 'integer' },
  { header: '预警数', kind: 'integer' },
  '发起人',
  '失败原因',
] as const;

const RUN_KIND_ZH = { monthly: '月度监测', incremental: '增量监测' } as const;
const RUN_STATUS_ZH = { running: '运行中', succeeded: '已完成', failed: '失败' } as const;

/** A UTC ISO time as the county reads it (UTC+8), `YYYY-MM-DD HH:mm:ss`. */
function chinaTime(iso: string | null): string | null {
  return iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') : null;
}

function runCells(r: RunRow): Cell[] {
  return [
    r.period,
    RUN_KIND_ZH[r.kind],
    r.abandoned ? '失败（进程中断）' : RUN_STATUS_ZH[r.status],
    chinaTime(r.startedAt),
    chinaTime(r.finishedAt),
    r.durationMs === null ? null : Math.round(r.durationMs / 100) / 10,
    r.householdsEvaluated,
    r.warningCount,
    r.triggeredBy,
    r.status === 'failed' ? r.error : null,
  ];
}

/** With `page`: a numbered page and the total; without: the bare array older callers read (by `beforeId`). */
export async function runs(
  { db }: MonitoringUseCaseDeps,
  ctx: RequestContext,
  q: RunFilter & PagingQuery<RunSort> & { beforeId?: number; limit: number },
) {
  requirePermission(ctx, 'monitoring:read');
  const countyCode = countyOf(ctx);
  if (q.page === undefined) return listRuns(db, countyCode, q);
  const { rows, total } = await listRunPage(db, countyCode, { ...q, page: q.page });
  const win = pageWindow(q);
  return { items: rows, total, page: q.page, pageSize: win.pageSize };
}

/** The runs list as filtered, as .xlsx (every matching run; the export is audited first). */
export async function prepareRunsExport(
  { db }: MonitoringUseCaseDeps,
  ctx: RequestContext,
  q: RunFilter & PagingQuery<RunSort>,
) {
  requirePermission(ctx, 'monitoring:read');
  const countyCode = countyOf(ctx);
  const first = await listRunPage(db, countyCode, { ...q, page: 1, pageSize: RUN_EXPORT_BATCH });
  const { period, kind, status } = q;
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'monitor_run',
      orgCode: countyCode,
      after: { ledger: '监测运行记录', rows: first.total, period, kind, status },
    }),
  );
  async function* rows(): AsyncGenerator<Cell[]> {
    let batch = first.rows;
    for (let page = 1; ;) {
      for (const r of batch) yield runCells(r);
      if (batch.length < RUN_EXPORT_BATCH) return;
      batch = (await listRunPage(db, countyCode, { ...q, page: ++page, pageSize: RUN_EXPORT_BATCH })).rows;
    }
  }
  return (out: Writable) =>
    writeLedger(out, [{ title: '监测运行记录', headers: RUN_EXPORT_HEADERS, rows: rows() }], ledgerMeta(ctx));
}

export async function diff({ db }: MonitoringUseCaseDeps, ctx: RequestContext, runId: number) {
  requirePermission(ctx, 'monitoring:read');
  const system = ctx.actor.scopePrefix === '';
  const run = await findRun(db, system ? null : countyOf(ctx), runId);
  if (!run) throw AppError.notFound({ zh: '监测运行', en: 'Monitoring run' });
  const scope = system ? run.countyCode.slice(0, 6) : ctx.actor.scopePrefix;
  const rules = await diffPeriods(db, run.countyCode, run.period, previousPeriod(run.period), scope);
  return {
    runId,
    period: run.period,
    previousPeriod: previousPeriod(run.period),
    scope,
    rules,
    totals: diffTotals(rules),
  };
}

export async function warnings(
  { db }: MonitoringUseCaseDeps,
  ctx: RequestContext,
  q: Omit<WarningFilter, 'countyCode' | 'prefix' | 'period'> & {
    period?: string;
    orgCode?: string;
    countyCode?: string;
  },
) {
  requirePermission(ctx, 'monitoring:read');
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  const countyCode = countyOf(ctx, q.orgCode ?? q.countyCode);
  const prefix = q.orgCode ? scopePrefixOf(q.orgCode) : ctx.actor.scopePrefix || countyCode.slice(0, 6);
  // The list opens on the latest month that was run (not the calendar month, which has not run yet).
  const period = q.period ?? (await latestMonthlyPeriod(db, [countyCode]));
  const win = pageWindow(q);
  if (period === null)
    return { items: [], total: 0, page: win.page ?? 1, pageSize: win.pageSize, nextAfterId: null, period };
  const { rows, total } = await listWarnings(db, { ...q, period, countyCode, prefix });
  const items = rows.map((r) => {
    const category = warningCategory(r.ruleCode);
    return { ...r, category: category?.code ?? r.ruleCode, nameZh: category?.nameZh ?? r.ruleCode };
  });
  const more = usesCursor(q) && rows.length === win.pageSize;
  return {
    items,
    total,
    page: win.page ?? 1,
    pageSize: win.pageSize,
    nextAfterId: more ? rows[rows.length - 1].id : null,
    period,
  };
}
