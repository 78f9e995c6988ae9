import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { diffState, diffTotals } from '../../../common/domain/monitoring/diff.ts';
import { suggestMonitoringType } from '../../../common/domain/monitoring/suggest.ts';
import { previousPeriod } from '../../../common/domain/monitoring/window.ts';
import { warningCategory } from '../../../common/domain/monitoring/categories.ts';
import { countyCodeOf, scopePrefixOf } from '../../../common/domain/org-code.ts';
import { isPeriod } from '../../../common/domain/period.ts';
import type { MonitoringType } from '../../../common/domain/registry/codes.ts';
import type { ExplainResponse } from '../../../common/contracts/monitoring.ts';
import type { PagingQuery } from '../../../common/contracts/paging.ts';
import { queryRows, type Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import { systemContext, type RequestContext } from '../../lib/context.ts';
import { pageWindow, usesCursor } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import type { JobsService } from '../jobs/index.ts';
import { evaluateOnly } from './monitoring.engine.ts';
import { rebuildFacts, verifyFacts } from './monitoring.facts.ts';
import { bindDeps } from '../../lib/use-cases.ts';
import {
  diffPeriods,
  findHouseholdRef,
  findMonthlyRun,
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
import {
  DEFAULT_BATCH,
  INCREMENTAL_CHUNK,
  executeIncremental,
  executeMonthly,
  openRun,
  paramsUsed,
  ruleContext,
  type RunProgress,
  type RunSummary,
  type WarningsHook,
} from './monitoring.run.ts';
import { RULES } from './rules/index.ts';
import { supersedeStaleRuns } from './monitoring.lease.ts';

/** A second live monthly run of the same county and month (monitor_run_running_uq), on either engine. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '23505') return true;
  return false;
}

export interface MonitoringDeps {
  db: Db;
  jobs: JobsService;
  clock?: Clock;
  /** Households per statement of a monthly run. */
  batchSize?: number;
  onWarningsWritten?: WarningsHook;
}

/** What to re-evaluate: households, the households of some persons, or of a department batch. */
export type ReevaluateTarget =
  { householdIds: readonly number[] } | { personIdHashes: readonly string[] } | { feedBatchId: number };

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

const notFoundHousehold = () => AppError.notFound({ zh: '农户', en: 'Household' });

/** The county worked on: the actor's own; system work (CLI, schedule, hooks) names it. */
function countyOf(ctx: RequestContext, explicit?: string): string {
  const system = ctx.actor.scopePrefix === '';
  if (explicit && (system || countyCodeOf(explicit) === countyCodeOf(ctx.actor.orgCode))) return countyCodeOf(explicit);
  if (explicit) throw AppError.notFound({ zh: '县', en: 'County' });
  if (system)
    throw AppError.validation([
      { field: 'countyCode', messageZh: '请指定县级区划代码', messageEn: 'Name the county code' },
    ]);
  return countyCodeOf(ctx.actor.orgCode);
}

export function createMonitoringService(deps: MonitoringDeps) {
  const { db, jobs } = deps;
  const clock = deps.clock ?? systemClock;
  let hook: WarningsHook = deps.onWarningsWritten ?? (async () => {});
  const currentPeriod = () => todayInChina(clock()).slice(0, 7);

  /** The monthly run as a job: returns at once with the job and run ids; `wait` resolves with the summary. */
  async function runMonth(
    ctx: RequestContext,
    period: string,
    opts: { countyCode?: string; progress?: RunProgress; batchSize?: number } = {},
  ) {
    requirePermission(ctx, 'monitoring:run');
    if (!isPeriod(period) || period > currentPeriod()) {
      throw AppError.validation([
        {
          field: 'period',
          messageZh: '月份应为 YYYY-MM，且不晚于本月',
          messageEn: 'The month must be YYYY-MM and not in the future',
        },
      ]);
    }
    const countyCode = countyOf(ctx, opts.countyCode);
    const inProgress = () =>
      new AppError('CONFLICT', {
        zh: `${period} 的监测正在运行，请稍后再试`,
        en: `The ${period} run is already in progress`,
      });
    // A run left "running" by a dead process (lease expired) is marked failed and superseded by this one.
    await supersedeStaleRuns(db, { countyCode, period, kind: 'monthly' });
    if (await findMonthlyRun(db, countyCode, period, ['running'])) throw inProgress();
    const { runId, ctx: ruleCtx } = await openRun(db, countyCode, period, 'monthly', ctx.actor.displayName).catch(
      (err: unknown) => {
        throw isUniqueViolation(err) ? inProgress() : err;
      },
    );
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'run',
        entity: 'monitor_run',
        entityId: runId,
        orgCode: countyCode,
        after: { period, params: paramsUsed(ruleCtx) },
      }),
    );
    const job = await jobs.start(ctx, 'monitoring.run', async (progress) => {
      const summary = await executeMonthly(db, runId, ruleCtx, {
        batchSize: opts.batchSize ?? deps.batchSize ?? DEFAULT_BATCH,
        hook: (executor, id) => hook(executor, id),
        progress: async (done, total, message) => {
          await progress.report(done, total, message);
          await opts.progress?.(done, total, message);
        },
      });
      const diff = await diffPeriods(db, countyCode, period, previousPeriod(period), countyCode.slice(0, 6));
      return { ...summary, diff };
    });
    await db.execute(sql`UPDATE monitor_run SET job_id = ${job.id} WHERE id = ${runId}`);
    return {
      jobId: job.id,
      runId,
      wait: job.wait as Promise<RunSummary & { diff: Awaited<ReturnType<typeof diffPeriods>> }>,
    };
  }

  /**
   * Incremental evaluation for the current period (or `opts.period`) of just the households a feed
   * batch or a registry edit touched. For other services (feeds, registry) after their own permission
   * checks; pass `opts.executor` to run inside the caller's transaction.
   */
  async function reevaluate(
    ctx: RequestContext,
    target: ReevaluateTarget,
    opts: { period?: string; countyCode?: string; executor?: Db } = {},
  ): Promise<RunSummary> {
    const countyCode = countyOf(ctx, opts.countyCode);
    return executeIncremental(opts.executor ?? db, countyCode, opts.period ?? currentPeriod(), target, {
      triggeredBy: ctx.actor.displayName,
      hook: (executor, id) => hook(executor, id),
      batchSize: Math.min(deps.batchSize ?? DEFAULT_BATCH, INCREMENTAL_CHUNK),
    });
  }

  /**
   * The feeds service's onBatchCommitted hook: re-evaluate, for the current period, the households of
   * the persons who got new records in the batch. Its failure leaves the batch committed; the
   * monthly run picks the records up anyway.
   */
  async function afterFeedBatch(
    batchId: number,
    affectedPersonIdHashes: readonly string[],
  ): Promise<RunSummary | null> {
    if (affectedPersonIdHashes.length === 0) return null;
    const [batch] = await queryRows<{ countyCode: string }>(
      db,
      sql`SELECT county_code AS "countyCode" FROM feed_batch WHERE id = ${batchId}`,
    );
    if (!batch) return null;
    return reevaluate(systemContext('feeds'), { feedBatchId: batchId }, { countyCode: batch.countyCode });
  }

  async function explain(ctx: RequestContext, householdId: number, period = currentPeriod()): Promise<ExplainResponse> {
    requirePermission(ctx, 'monitoring:read');
    const household = await findHouseholdRef(db, ctx.actor.scopePrefix, householdId);
    if (!household) throw notFoundHousehold();
    const ruleCtx = await ruleContext(db, household.countyCode, period);
    const result = await evaluateOnly(db, ruleCtx, {
      countyCode: household.countyCode,
      scopePrefix: household.villageCode,
      restriction: { kind: 'ids', ids: [householdId] },
    });
    const stored = await queryRows<{ id: number; period: string; ruleCode: string; status: 'new' | 'handled' }>(
      db,
      sql`SELECT id::int AS id, period, rule_code AS "ruleCode", status FROM warning
        WHERE county_code = ${household.countyCode} AND household_id = ${householdId} AND period IN (${period}, ${previousPeriod(period)})`,
    );
    const fired = new Map(result.fired.map((f) => [f.ruleCode, f]));
    const storedNow = (code: string) => stored.find((s) => s.period === period && s.ruleCode === code);
    const before = (code: string) => stored.some((s) => s.period === previousPeriod(period) && s.ruleCode === code);
    const line = ruleCtx.params['monitoring.incomeLineFen']?.value;
    const facts = result.facts;
    return {
      householdId,
      householdNo: household.householdNo,
      period,
      window: { from: ruleCtx.window.from, to: ruleCtx.window.to },
      facts,
      rules: RULES.map((rule) => {
        const f = fired.get(rule.code);
        const s = storedNow(rule.code);
        return {
          ruleCode: rule.code,
          nameZh: rule.nameZh,
          nameEn: rule.nameEn,
          category: rule.category,
          riskType: rule.riskType,
          appliesTo: rule.appliesTo,
          fired: Boolean(f),
          evidence: f?.evidence ?? null,
          stored: s ? { id: s.id, status: s.status } : null,
          state: diffState(before(rule.code), Boolean(f)),
        };
      }),
      suggestion: suggestMonitoringType({
        kind: facts?.kind ?? 'ordinary',
        perCapitaFen: facts?.perCapitaFen == null ? null : Number(facts.perCapitaFen),
        incomeYear: facts?.incomeYear ?? null,
        lineFen: typeof line === 'number' ? line : null,
        currentType: facts?.monitoringStatus === 'monitored' ? (facts.monitoringType as MonitoringType) : null,
        fired: result.fired,
      }),
      params: paramsUsed(ruleCtx),
    };
  }

  /** With `page`: a numbered page and the total; without: the bare array older callers read (by `beforeId`). */
  async function runs(ctx: RequestContext, q: RunFilter & PagingQuery<RunSort> & { beforeId?: number; limit: number }) {
    requirePermission(ctx, 'monitoring:read');
    const countyCode = countyOf(ctx);
    if (q.page === undefined) return listRuns(db, countyCode, q);
    const { rows, total } = await listRunPage(db, countyCode, { ...q, page: q.page });
    const win = pageWindow(q);
    return { items: rows, total, page: q.page, pageSize: win.pageSize };
  }

  /** The runs list as filtered, as .xlsx (every matching run; the export is audited first). */
  async function prepareRunsExport(ctx: RequestContext, q: RunFilter & PagingQuery<RunSort>) {
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

  async function diff(ctx: RequestContext, runId: number) {
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

  async function warnings(
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

  return {
    runMonth,
    reevaluate,
    afterFeedBatch,
    explain,
    runs,
    prepareRunsExport,
    diff,
    warnings,
    currentPeriod,
    verifyFacts: bindDeps({ db }, verifyFacts),
    rebuildFacts: bindDeps({ db }, rebuildFacts),
    /** The clue service registers here if it is created after this service. */
    setOnWarningsWritten(fn: WarningsHook) {
      hook = fn;
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
