import { systemClock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { explain } from './monitoring.explain.ts';
import { rebuildFacts, verifyFacts } from './monitoring.facts.ts';
import { diff, prepareRunsExport, runs, warnings } from './monitoring.lists.ts';
import type { WarningsHook } from './monitoring.run.ts';
import { afterFeedBatch, reevaluate, runMonth } from './monitoring.runs.ts';
import { currentPeriod, type MonitoringDeps, type MonitoringUseCaseDeps } from './monitoring.shared.ts';

export type { MonitoringDeps, ReevaluateTarget } from './monitoring.shared.ts';

// 动态监测: the monthly run and incremental re-evaluation (monitoring.runs.ts), why a household is warned
// (monitoring.explain.ts), the runs, a run's diff and the warnings lists (monitoring.lists.ts), and the facts kept
// on write (monitoring.facts.ts). The engine itself is monitoring.engine.ts; the run's steps monitoring.run.ts.

export function createMonitoringService(deps: MonitoringDeps) {
  const d: MonitoringUseCaseDeps = {
    db: deps.db,
    jobs: deps.jobs,
    batchSize: deps.batchSize,
    clock: deps.clock ?? systemClock,
    hook: { current: deps.onWarningsWritten ?? (async () => {}) },
  };
  return {
    runMonth: bindDeps(d, runMonth),
    reevaluate: bindDeps(d, reevaluate),
    afterFeedBatch: bindDeps(d, afterFeedBatch),
    explain: bindDeps(d, explain),
    runs: bindDeps(d, runs),
    prepareRunsExport: bindDeps(d, prepareRunsExport),
    diff: bindDeps(d, diff),
    warnings: bindDeps(d, warnings),
    currentPeriod: () => currentPeriod(d),
    verifyFacts: bindDeps({ db: d.db }, verifyFacts),
    rebuildFacts: bindDeps({ db: d.db }, rebuildFacts),
    /** The clue service registers here if it is created after this service. */
    setOnWarningsWritten(fn: WarningsHook) {
      d.hook.current = fn;
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
