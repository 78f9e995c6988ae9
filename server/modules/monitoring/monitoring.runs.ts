import { previousPeriod } from '#common/domain/monitoring/window.ts';
import { isPeriod } from '#common/domain/period.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemContext, type RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { supersedeStaleRuns } from './monitoring.lease.ts';
import { attachJob, diffPeriods, findFeedBatchCounty, findMonthlyRun } from './monitoring.repository.ts';
import {
  DEFAULT_BATCH,
  INCREMENTAL_CHUNK,
  executeIncremental,
  executeMonthly,
  openRun,
  paramsUsed,
  type RunProgress,
  type RunSummary,
} from './monitoring.run.ts';
import { countyOf, currentPeriod, type MonitoringUseCaseDeps, type ReevaluateTarget } from './monitoring.shared.ts';

// Starting runs: the monthly run (a job), incremental re-evaluation, and the feeds hook.

/** A second live monthly run of the same county and month (monitor_run_running_uq), on either engine. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '23505') return true;
  return false;
}

function checkPeriod(deps: MonitoringUseCaseDeps, period: string): void {
  if (!isPeriod(period) || period > currentPeriod(deps)) {
    throw AppError.validation([
      {
        field: 'period',
        messageZh: '月份应为 YYYY-MM，且不晚于本月',
        messageEn: 'The month must be YYYY-MM and not in the future',
      },
    ]);
  }
}

/** The run row of a new monthly run (a stale one superseded first), audited; refused while one is running. */
async function openMonthlyRun(deps: MonitoringUseCaseDeps, ctx: RequestContext, countyCode: string, period: string) {
  const { db } = deps;
  const inProgress = () =>
    new AppError('CONFLICT', {
      zh: `${period} 的监测正在运行，请稍后再试`,
      en: `The ${period} run is already in progress`,
    });
  // A run left "running" by a dead process (lease expired) is marked failed and superseded by this one.
  await supersedeStaleRuns(db, { countyCode, period, kind: 'monthly' });
  if (await findMonthlyRun(db, countyCode, period, ['running'])) throw inProgress();
  const opened = await openRun(db, countyCode, period, 'monthly', ctx.actor.displayName).catch((err: unknown) => {
    throw isUniqueViolation(err) ? inProgress() : err;
  });
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'run',
      entity: 'monitor_run',
      entityId: opened.runId,
      orgCode: countyCode,
      after: { period, params: paramsUsed(opened.ctx) },
    }),
  );
  return opened;
}

/** The monthly run as a job: returns at once with the job and run ids; `wait` resolves with the summary. */
export async function runMonth(
  deps: MonitoringUseCaseDeps,
  ctx: RequestContext,
  period: string,
  opts: { countyCode?: string; progress?: RunProgress; batchSize?: number } = {},
) {
  const { db, jobs } = deps;
  requirePermission(ctx, 'monitoring:run');
  checkPeriod(deps, period);
  const countyCode = countyOf(ctx, opts.countyCode);
  const { runId, ctx: ruleCtx } = await openMonthlyRun(deps, ctx, countyCode, period);
  const job = await jobs.start(ctx, 'monitoring.run', async (progress) => {
    const summary = await executeMonthly(db, runId, ruleCtx, {
      batchSize: opts.batchSize ?? deps.batchSize ?? DEFAULT_BATCH,
      hook: (executor, id) => deps.hook.current(executor, id),
      progress: async (done, total, message) => {
        await progress.report(done, total, message);
        await opts.progress?.(done, total, message);
      },
    });
    const diff = await diffPeriods(db, countyCode, period, previousPeriod(period), countyCode.slice(0, 6));
    return { ...summary, diff };
  });
  await attachJob(db, runId, job.id);
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
export async function reevaluate(
  deps: MonitoringUseCaseDeps,
  ctx: RequestContext,
  target: ReevaluateTarget,
  opts: { period?: string; countyCode?: string; executor?: MonitoringUseCaseDeps['db'] } = {},
): Promise<RunSummary> {
  const countyCode = countyOf(ctx, opts.countyCode);
  return executeIncremental(opts.executor ?? deps.db, countyCode, opts.period ?? currentPeriod(deps), target, {
    triggeredBy: ctx.actor.displayName,
    hook: (executor, id) => deps.hook.current(executor, id),
    batchSize: Math.min(deps.batchSize ?? DEFAULT_BATCH, INCREMENTAL_CHUNK),
  });
}

/**
 * The feeds service's onBatchCommitted hook: re-evaluate, for the current period, the households of
 * the persons who got new records in the batch. Its failure leaves the batch committed; the
 * monthly run picks the records up anyway.
 */
export async function afterFeedBatch(
  deps: MonitoringUseCaseDeps,
  batchId: number,
  affectedPersonIdHashes: readonly string[],
): Promise<RunSummary | null> {
  if (affectedPersonIdHashes.length === 0) return null;
  const countyCode = await findFeedBatchCounty(deps.db, batchId);
  if (!countyCode) return null;
  return reevaluate(deps, systemContext('feeds'), { feedBatchId: batchId }, { countyCode });
}
