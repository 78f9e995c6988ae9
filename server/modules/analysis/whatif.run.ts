import type { CreateScenarioRequest } from '#common/contracts/analysis.ts';
import { checkOverrides } from '#common/domain/analysis/overrides.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { isPeriod } from '#common/domain/period.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  ruleContext,
  withBatchSettings,
  type EvaluationScope,
  type Rule,
  type RuleContext,
} from '../monitoring/index.ts';
import {
  countHouseholds,
  evaluateInto,
  finishScenario,
  flagGroups,
  insertScenario,
  setScenarioJob,
} from './analysis.repository.ts';
import { prefixOf, proposedContext, rulesTouched, type WhatIfUseCaseDeps } from './whatif.shared.ts';

// A scenario saved and run as a job: the untouched rules once for both sides, the touched rules under each setting,
// then the totals; a failure is written on the scenario.

type Progress = (done: number, total: number, message: string) => Promise<void>;

/** The scenario's run, without permission checks: both settings into its hits, then its totals. */
export async function execute(
  { db }: WhatIfUseCaseDeps,
  scenarioId: number,
  base: RuleContext,
  proposed: RuleContext,
  scope: EvaluationScope,
  overrides: Record<string, unknown>,
  progress: Progress,
) {
  const started = Date.now();
  const { touched, untouched } = rulesTouched(overrides);
  // One statement per step, each in its own batch-settings transaction; progress is written between them.
  const steps: [string, RuleContext, readonly Rule[], readonly ('base' | 'proposed')[]][] = [
    ['评估未受影响的规则', base, untouched, ['base', 'proposed']],
    ['按现行参数评估', base, touched, ['base']],
    ['按试算参数评估', proposed, touched, ['proposed']],
  ];
  for (const [i, [message, ctx, rules, sides]] of steps.entries()) {
    await progress(i, steps.length, message);
    await withBatchSettings(db, (tx) => evaluateInto(tx, scenarioId, ctx, scope, rules, sides));
  }
  const groups = await flagGroups(db, scenarioId, scope.scopePrefix);
  const sum = (k: 'base' | 'proposed' | 'entering' | 'leaving') => groups.reduce((n, g) => n + g[k], 0);
  const result = {
    evaluated: await countHouseholds(db, scope.countyCode, scope.scopePrefix),
    base: sum('base'),
    proposed: sum('proposed'),
    entering: sum('entering'),
    leaving: sum('leaving'),
    affectedRules: touched.map((r) => r.code),
  };
  const durationMs = Date.now() - started;
  await finishScenario(db, scenarioId, { status: 'succeeded', result, durationMs });
  return { scenarioId, durationMs, ...result };
}

/** The scenario saved with the parameters in force as its baseline, audited. */
async function saveScenario(
  { db }: WhatIfUseCaseDeps,
  ctx: RequestContext,
  input: CreateScenarioRequest,
  baseline: RuleContext['params'],
) {
  const orgCode = ctx.actor.orgCode.slice(0, 12);
  return db.transaction(async (tx) => {
    const scenarioId = await insertScenario(tx, {
      countyCode: countyCodeOf(ctx.actor.orgCode),
      orgCode,
      name: input.name,
      authorId: ctx.actor.id || null,
      author: ctx.actor.displayName,
      period: input.period,
      params: input.params,
      baseline,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'analysis_scenario',
      entityId: scenarioId,
      orgCode,
      after: { name: input.name, period: input.period, params: input.params },
    });
    return scenarioId;
  });
}

/** Save a scenario and run it as a job; returns at once (`wait` for the CLI, tests and the benchmark). */
export async function create(d: WhatIfUseCaseDeps, ctx: RequestContext, input: CreateScenarioRequest) {
  const { db, jobs, clock } = d;
  requirePermission(ctx, 'analysis:run');
  const errors = checkOverrides(input.params);
  const today = todayInChina(clock()).slice(0, 7);
  if (!isPeriod(input.period) || input.period > today)
    errors.push({ field: 'period', messageZh: '月份不能晚于本月', messageEn: 'The month cannot be in the future' });
  if (errors.length) throw AppError.validation(errors);
  const countyCode = countyCodeOf(ctx.actor.orgCode);
  const orgCode = ctx.actor.orgCode.slice(0, 12);
  const base = await ruleContext(db, countyCode, input.period);
  const proposed = proposedContext(base, input.params, input.name);
  const id = await saveScenario(d, ctx, input, base.params);
  const scope: EvaluationScope = { countyCode, scopePrefix: prefixOf(orgCode), restriction: { kind: 'all' } };
  const job = await jobs.start(ctx, 'analysis.whatif', async (progress) => {
    const started = Date.now();
    try {
      return await execute(d, id, base, proposed, scope, input.params, (dn, t, m) => progress.report(dn, t, m));
    } catch (err) {
      const error =
        err instanceof AppError
          ? { code: err.code, messageZh: err.messageZh, messageEn: err.messageEn }
          : { code: 'INTERNAL', messageZh: '试算失败', messageEn: 'The scenario failed' };
      await finishScenario(db, id, { status: 'failed', error, durationMs: Date.now() - started });
      throw err;
    }
  });
  await setScenarioJob(db, id, job.id);
  return { id, jobId: job.id, wait: job.wait };
}
