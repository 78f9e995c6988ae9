import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { countyOfActor } from '#server/lib/county.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { WorkflowFigures } from './assessment.scores.ts';
import { createApprovalOps } from './indicators.approvals.ts';
import { createCockpitOps, fundsProvider } from './indicators.cockpit.ts';
import { createDefinitionOps } from './indicators.definitions.ts';
import { createIndicatorEngine, registryProvider, type ComputedProvider } from './indicators.engine.ts';
import { createFormOps } from './indicators.form.ts';
import { createImportOps } from './indicators.import.ts';
import { loadDefs, treeOf, type UseCaseDeps } from './indicators.shared.ts';

// The indicators service: one factory composing the use cases, each in its own file —
// definitions and targets (indicators.definitions.ts), data entry (indicators.form.ts), approvals
// (indicators.approvals.ts), import (indicators.import.ts) and the cockpit (indicators.cockpit.ts).
// SQL lives in indicators.repository.ts; the assessment is assessment.service.ts.

export { fundsProvider };

export interface IndicatorsDeps {
  db: Db;
  clock?: Clock;
  computed?: Record<string, ComputedProvider>;
  /** Workflow figures of the township score (the assessment's; tests inject their own). */
  workflow?: WorkflowFigures;
}

export function createIndicatorsService(deps: IndicatorsDeps) {
  const { db } = deps;
  const engine = createIndicatorEngine(db, deps.computed ?? { registry: registryProvider, funds: fundsProvider });
  const shared: UseCaseDeps = {
    db,
    clock: deps.clock ?? systemClock,
    loadDefs: () => loadDefs(db),
    tree: (countyCode: string) => treeOf(db, countyCode),
    countyOf: countyOfActor,
    homeUnit: (ctx: RequestContext) => (ctx.actor.scopePrefix === '' ? countyOfActor(ctx) : ctx.actor.orgCode),
  };
  const definitions = createDefinitionOps(shared);
  const forms = createFormOps(shared);
  const { act, approvals } = createApprovalOps(shared, forms);
  const { importValues } = createImportOps(shared, forms);
  const { cockpit } = createCockpitOps({ ...shared, engine, workflow: deps.workflow });
  return {
    definitions: definitions.definitions,
    saveIndicator: definitions.saveIndicator,
    listTargets: definitions.listTargets,
    listGroups: definitions.listGroups,
    saveTarget: definitions.saveTarget,
    deleteTarget: definitions.deleteTarget,
    form: forms.form,
    saveForm: forms.saveForm,
    valueAudit: forms.valueAudit,
    act,
    approvals,
    importValues,
    cockpit,
    loadDefs: shared.loadDefs,
    engine,
    tree: shared.tree,
    countyOf: shared.countyOf,
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
