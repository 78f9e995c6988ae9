import { systemClock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { get } from './workbench.items.ts';
import type { WorkbenchDeps, WorkbenchUseCaseDeps } from './workbench.shared.ts';

export { FEED_DUE_MONTHS, type WorkbenchDeps } from './workbench.shared.ts';

// 工作台: what is due today for the signed-in user. Every count comes from the module that owns it, called as
// the user (its permission and scope checks apply): case time limits from the cases reports (the workflow's
// `timeLimit`), obligations from the assistance board, forms from the indicators approvals, feeds from feeds.
// The items by source: cases (workbench.cases.ts), assistance (workbench.assistance.ts), indicators
// (workbench.indicators.ts), reviews, feeds, projects and the ordering (workbench.items.ts); shared helpers in
// workbench.shared.ts.

export function createWorkbenchService(deps: WorkbenchDeps) {
  const d: WorkbenchUseCaseDeps = { ...deps, clock: deps.clock ?? systemClock };
  return { get: bindDeps(d, get) };
}

export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
