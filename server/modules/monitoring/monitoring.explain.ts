import { diffState } from '#common/domain/monitoring/diff.ts';
import { suggestMonitoringType } from '#common/domain/monitoring/suggest.ts';
import { previousPeriod } from '#common/domain/monitoring/window.ts';
import type { MonitoringType } from '#common/domain/registry/codes.ts';
import type { ExplainResponse } from '#common/contracts/monitoring.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { evaluateOnly, type ExplainRow } from './monitoring.engine.ts';
import { findHouseholdRef, storedWarningsOf } from './monitoring.repository.ts';
import { paramsUsed, ruleContext } from './monitoring.run.ts';
import { currentPeriod, notFoundHousehold, type MonitoringUseCaseDeps } from './monitoring.shared.ts';
import { RULES, type RuleContext } from './rules/index.ts';

// Why a household is (not) warned: every rule evaluated for it now, beside the warnings stored for the month and
// the month before, and the monitoring type the facts suggest.

type Stored = Awaited<ReturnType<typeof storedWarningsOf>>;

function ruleLines(result: ExplainRow, stored: Stored, period: string): ExplainResponse['rules'] {
  const fired = new Map(result.fired.map((f) => [f.ruleCode, f]));
  const storedNow = (code: string) => stored.find((s) => s.period === period && s.ruleCode === code);
  const before = (code: string) => stored.some((s) => s.period === previousPeriod(period) && s.ruleCode === code);
  return RULES.map((rule) => {
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
  });
}

function suggestion(result: ExplainRow, ruleCtx: RuleContext): ExplainResponse['suggestion'] {
  const line = ruleCtx.params['monitoring.incomeLineFen']?.value;
  const facts = result.facts;
  return suggestMonitoringType({
    kind: facts?.kind ?? 'ordinary',
    perCapitaFen: facts?.perCapitaFen == null ? null : Number(facts.perCapitaFen),
    incomeYear: facts?.incomeYear ?? null,
    lineFen: typeof line === 'number' ? line : null,
    currentType: facts?.monitoringStatus === 'monitored' ? (facts.monitoringType as MonitoringType) : null,
    fired: result.fired,
  });
}

export async function explain(
  deps: MonitoringUseCaseDeps,
  ctx: RequestContext,
  householdId: number,
  period = currentPeriod(deps),
): Promise<ExplainResponse> {
  const { db } = deps;
  requirePermission(ctx, 'monitoring:read');
  const household = await findHouseholdRef(db, ctx.actor.scopePrefix, householdId);
  if (!household) throw notFoundHousehold();
  const ruleCtx = await ruleContext(db, household.countyCode, period);
  const result = await evaluateOnly(db, ruleCtx, {
    countyCode: household.countyCode,
    scopePrefix: household.villageCode,
    restriction: { kind: 'ids', ids: [householdId] },
  });
  const stored = await storedWarningsOf(db, household.countyCode, householdId, [period, previousPeriod(period)]);
  return {
    householdId,
    householdNo: household.householdNo,
    period,
    window: { from: ruleCtx.window.from, to: ruleCtx.window.to },
    facts: result.facts,
    rules: ruleLines(result, stored, period),
    suggestion: suggestion(result, ruleCtx),
    params: paramsUsed(ruleCtx),
  };
}
