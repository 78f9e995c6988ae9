import { systemClock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { prepareExport } from './whatif.export.ts';
import { changes, compare, explainHousehold, get, list } from './whatif.read.ts';
import { create, execute } from './whatif.run.ts';
import type { WhatIfDeps, WhatIfUseCaseDeps } from './whatif.shared.ts';

export { proposedContext, rulesTouched, type WhatIfDeps } from './whatif.shared.ts';

// Policy what-if (issue 19 §1). A scenario re-evaluates one month of the author's unit with the
// monitoring engine's own statement (evaluationCtes: one implementation of every rule), under the
// parameters in force and under the proposal, into analysis_scenario_hit. Nothing is written to
// monitor_run, warning or clue. Rules that read none of the changed parameters fire identically
// under both settings, so they are evaluated once and kept for both sides; only the touched rules
// are evaluated twice (a line change re-runs two income rules, not the department-record ones).
// One factory composing the use cases: saving and running a scenario (whatif.run.ts), reading scenarios
// (whatif.read.ts), the differences' export (whatif.export.ts), what they share (whatif.shared.ts); the statement
// that evaluates into the hits is in analysis.repository.ts.

export function createWhatIfService(deps: WhatIfDeps) {
  const d: WhatIfUseCaseDeps = { db: deps.db, jobs: deps.jobs, clock: deps.clock ?? systemClock };
  return {
    create: bindDeps(d, create),
    list: bindDeps(d, list),
    get: bindDeps(d, get),
    changes: bindDeps(d, changes),
    explainHousehold: bindDeps(d, explainHousehold),
    prepareExport: bindDeps(d, prepareExport),
    compare: bindDeps(d, compare),
    execute: bindDeps(d, execute),
  };
}

export type WhatIfService = ReturnType<typeof createWhatIfService>;
