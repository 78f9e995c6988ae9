import { dataWindow } from '#common/domain/monitoring/window.ts';
import type { Db } from '#server/db/connect.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { evaluateAndWrite, withBatchSettings, type Restriction, type WriteResult } from './monitoring.engine.ts';
import { holdLease } from './monitoring.lease.ts';
import {
  analyzeWarnings,
  finishRun,
  householdBounds,
  insertRun,
  targetHouseholds,
  type TargetSpec,
} from './monitoring.repository.ts';
import { RULE_PARAMS, type RuleContext } from './rules/index.ts';

// The work of a run, without permission checks (monitoring.service.ts does those): resolve the
// parameters in force for the period, evaluate the county by household-id key ranges (one
// set-based statement per range, each atomic; a re-run converges to the same warnings), record the
// run with its duration, counts and parameters, then hand the run to the clue hook.

/** Turns freshly written warnings into clues (the clue service implements it; default: nothing). */
export type WarningsHook = (executor: Db, runId: number) => Promise<void>;

export interface RunProgress {
  (done: number, total: number, message: string): Promise<void> | void;
}

export interface RunSummary {
  runId: number;
  countyCode: string;
  period: string;
  kind: 'monthly' | 'incremental';
  durationMs: number;
  householdsEvaluated: number;
  warningCount: number;
  written: number;
  removed: number;
  counts: Record<string, number>;
}

/**
 * Households per statement of a monthly run (key-range width; GUARDLINE_MONITOR_BATCH overrides it).
 * Every statement scans the department records once, so fewer, larger statements are faster (1M
 * households on PostgreSQL: one statement 36 s, four of 250k 54 s); a county is one statement, a
 * province-sized database is cut into ranges that bound memory and transaction size.
 */
export const DEFAULT_BATCH =
  Number(process.env.GUARDLINE_MONITOR_BATCH) > 0 ? Number(process.env.GUARDLINE_MONITOR_BATCH) : 1_000_000;
/** Households per statement of an incremental evaluation (the list travels as one bigint[] parameter). */
export const INCREMENTAL_CHUNK = 50_000;

export async function ruleContext(db: Db, countyCode: string, period: string): Promise<RuleContext> {
  const params = await resolveAll(db, countyCode, period);
  return { countyCode, params, window: dataWindow(period, numberParam(params, 'monitoring.lookbackMonths')) };
}

/** The parameters the rules used, as stored on monitor_run.params. */
export function paramsUsed(ctx: RuleContext): Record<string, unknown> {
  return Object.fromEntries(RULE_PARAMS.map((key) => [key, ctx.params[key] ?? null]));
}

function addCounts(total: Record<string, number>, more: Record<string, number>): void {
  for (const [code, n] of Object.entries(more)) total[code] = (total[code] ?? 0) + n;
}

function summarise(
  results: WriteResult[],
): Omit<RunSummary, 'runId' | 'countyCode' | 'period' | 'kind' | 'durationMs'> {
  const counts: Record<string, number> = {};
  let householdsEvaluated = 0;
  let written = 0;
  let removed = 0;
  for (const r of results) {
    addCounts(counts, r.counts);
    householdsEvaluated += r.evaluated;
    written += r.written;
    removed += r.removed;
  }
  return {
    counts,
    householdsEvaluated,
    written,
    removed,
    warningCount: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

/** Create the run row; the caller starts the work (as a job for monthly runs). */
export async function openRun(
  db: Db,
  countyCode: string,
  period: string,
  kind: RunSummary['kind'],
  triggeredBy: string,
): Promise<{ runId: number; ctx: RuleContext }> {
  const ctx = await ruleContext(db, countyCode, period);
  const runId = await insertRun(db, { countyCode, period, kind, params: paramsUsed(ctx), triggeredBy });
  return { runId, ctx };
}

async function closeRun(
  db: Db,
  runId: number,
  ctx: RuleContext,
  kind: RunSummary['kind'],
  started: number,
  results: WriteResult[],
  hook: WarningsHook,
): Promise<RunSummary> {
  const totals = summarise(results);
  const durationMs = Date.now() - started;
  await finishRun(db, runId, {
    status: 'succeeded',
    durationMs,
    householdsEvaluated: totals.householdsEvaluated,
    warningCount: totals.warningCount,
    counts: totals.counts,
  });
  await hook(db, runId);
  return { runId, countyCode: ctx.countyCode, period: ctx.window.period, kind, durationMs, ...totals };
}

/** Every household of the county, key range by key range. */
export async function executeMonthly(
  db: Db,
  runId: number,
  ctx: RuleContext,
  opts: { batchSize: number; progress?: RunProgress; hook: WarningsHook },
): Promise<RunSummary> {
  const started = Date.now();
  const prefix = ctx.countyCode.slice(0, 6);
  const release = holdLease(db, runId);
  try {
    const bounds = await householdBounds(db, ctx.countyCode, prefix);
    const results: WriteResult[] = [];
    const ranges: Restriction[] = [];
    if (bounds.min === null || bounds.max === null) ranges.push({ kind: 'all' });
    else
      for (let from = bounds.min; from <= bounds.max; from += opts.batchSize)
        ranges.push({ kind: 'range', from, to: from + opts.batchSize });
    let done = 0;
    for (const restriction of ranges) {
      const result = await evaluateAndWrite(
        db,
        ctx,
        { countyCode: ctx.countyCode, scopePrefix: prefix, restriction },
        runId,
      );
      results.push(result);
      done += result.evaluated;
      await opts.progress?.(
        done,
        bounds.n,
        `已评估 ${done}/${bounds.n} 户 / ${done} of ${bounds.n} households evaluated`,
      );
    }
    // PGlite has no autovacuum: refresh the planner's view of the warning table when the run changed it.
    if (results.some((r) => r.written + r.removed > 0)) await analyzeWarnings(db);
    return await closeRun(db, runId, ctx, 'monthly', started, results, opts.hook);
  } catch (err) {
    await finishRun(db, runId, { status: 'failed', durationMs: Date.now() - started, error: String(err) }).catch(
      () => {},
    );
    throw err;
  } finally {
    release();
  }
}

/**
 * Some households (named, or the households of some persons or of a feed batch) for one period: the
 * targets are resolved once, then evaluated in statements of at most `batchSize` households.
 */
export async function executeIncremental(
  db: Db,
  countyCode: string,
  period: string,
  target: TargetSpec,
  opts: { triggeredBy: string; hook: WarningsHook; batchSize: number },
): Promise<RunSummary> {
  const started = Date.now();
  const { runId, ctx } = await openRun(db, countyCode, period, 'incremental', opts.triggeredBy);
  const release = holdLease(db, runId);
  try {
    const ids = await withBatchSettings(db, (tx) => targetHouseholds(tx, countyCode, target, ctx.window.from), {
      selective: true,
    });
    const results: WriteResult[] = [];
    for (let i = 0; i < ids.length; i += opts.batchSize) {
      const restriction: Restriction = { kind: 'ids', ids: ids.slice(i, i + opts.batchSize) };
      results.push(
        await evaluateAndWrite(db, ctx, { countyCode, scopePrefix: countyCode.slice(0, 6), restriction }, runId),
      );
    }
    return await closeRun(db, runId, ctx, 'incremental', started, results, opts.hook);
  } catch (err) {
    await finishRun(db, runId, { status: 'failed', durationMs: Date.now() - started, error: String(err) }).catch(
      () => {},
    );
    throw err;
  } finally {
    release();
  }
}
