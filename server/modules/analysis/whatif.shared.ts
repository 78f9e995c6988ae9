import type { ScenarioRow } from '#common/contracts/analysis.ts';
import { touches } from '#common/domain/analysis/overrides.ts';
import { dataWindow } from '#common/domain/monitoring/window.ts';
import { countyCodeOf, levelOfCode } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import type { JobsService } from '../jobs/index.ts';
import { RULES, type Rule, type RuleContext } from '../monitoring/index.ts';
import type { ResolvedParams } from '../params/index.ts';
import { failOrphanScenarios, findScenario, visibleScenarios, type ScenarioRecord } from './analysis.repository.ts';

// What the what-if use cases share (whatif.run.ts, whatif.read.ts, whatif.export.ts): the deps, the scenario read
// back for its reader, the proposal laid over the month's parameters, the rules a proposal touches.

export interface WhatIfDeps {
  db: Db;
  jobs: JobsService;
  clock?: Clock;
}

/** The deps the use cases take: the factory's, the clock resolved. */
export interface WhatIfUseCaseDeps {
  db: Db;
  jobs: JobsService;
  clock: Clock;
}

export const KIND_NAMES: Record<string, string> = { alleviated: '脱贫户', ordinary: '一般农户' };

/** The county's unit codes above and at a unit: 140521100201 → county, township, village. */
function ancestorsOf(orgCode: string): string[] {
  const county = countyCodeOf(orgCode);
  const township = orgCode.slice(0, 9) + '000';
  return [...new Set([county, township, orgCode.slice(0, 12)])];
}

export function prefixOf(orgCode: string): string {
  const level = levelOfCode(orgCode);
  return level === 'county' ? orgCode.slice(0, 6) : level === 'township' ? orgCode.slice(0, 9) : orgCode.slice(0, 12);
}

/** The rules a scenario must re-run: those declaring a changed parameter (the lookback among them). */
export function rulesTouched(overrides: Record<string, unknown>): { touched: Rule[]; untouched: Rule[] } {
  const touched = RULES.filter(
    (r) =>
      touches(r.params, overrides) ||
      (Object.hasOwn(overrides, 'monitoring.lookbackMonths') && r.feeds.some((f) => f.window === 'lookback')),
  );
  return { touched, untouched: RULES.filter((r) => !touched.includes(r)) };
}

/** The month's parameters with the proposal laid over them (marked as the scenario's). */
export function proposedContext(base: RuleContext, overrides: Record<string, unknown>, name: string): RuleContext {
  const params: ResolvedParams = { ...base.params };
  for (const [key, value] of Object.entries(overrides))
    params[key] = {
      key,
      value,
      scopeCode: base.countyCode,
      year: null,
      effectiveFrom: `${base.window.period}-01`,
      source: `试算方案「${name}」 / what-if scenario`,
    };
  const lookback = params['monitoring.lookbackMonths']?.value;
  return {
    countyCode: base.countyCode,
    params,
    window: typeof lookback === 'number' ? dataWindow(base.window.period, lookback) : base.window,
  };
}

/** The reader's county, prefix and the scenarios visible to them (their unit's and those above it). */
export function readerScope(ctx: RequestContext) {
  const countyCode = countyCodeOf(ctx.actor.orgCode);
  const prefix = ctx.actor.scopePrefix || countyCode.slice(0, 6);
  return { countyCode, prefix, visible: visibleScenarios(countyCode, ancestorsOf(ctx.actor.orgCode), prefix) };
}

export async function scenarioOf({ db }: WhatIfUseCaseDeps, ctx: RequestContext, id: number): Promise<ScenarioRecord> {
  requirePermission(ctx, 'analysis:read');
  const { countyCode, visible } = readerScope(ctx);
  await failOrphanScenarios(db, countyCode);
  const s = await findScenario(db, visible, id);
  if (!s) throw AppError.notFound({ zh: '试算方案', en: 'Scenario' });
  return s;
}

export function toRow(s: ScenarioRecord): ScenarioRow {
  return {
    id: s.id,
    name: s.name,
    author: s.author,
    orgCode: s.orgCode,
    period: s.period,
    params: s.params,
    status: s.status,
    jobId: s.jobId,
    durationMs: s.durationMs,
    createdAt: new Date(s.createdAt).toISOString(),
    error: s.error ?? null,
  };
}

/** The reader's rows of the scenario: the narrower of the two units. */
export function changePrefix(ctx: RequestContext, s: ScenarioRecord): string {
  const readerPrefix = readerScope(ctx).prefix;
  const scenarioPrefix = prefixOf(s.orgCode);
  return readerPrefix.length > scenarioPrefix.length ? readerPrefix : scenarioPrefix;
}
