import type {
  ChangeListQuery,
  GroupCounts,
  ScenarioCompare,
  ScenarioDetail,
  ScenarioHouseholdExplain,
} from '#common/contracts/analysis.ts';
import { warningCategory } from '#common/domain/monitoring/categories.ts';
import { visibleEvidence } from '#common/domain/monitoring/evidence.ts';
import { dataWindow } from '#common/domain/monitoring/window.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { evaluateOnly, type EvaluationScope, type RuleContext } from '../monitoring/index.ts';
import type { ResolvedParams } from '../params/index.ts';
import {
  categoryCounts,
  countHouseholds,
  failOrphanScenarios,
  findHousehold,
  flagGroups,
  listChanges,
  listScenarios,
  proposedOnlyCount,
  type ScenarioRecord,
} from './analysis.repository.ts';
import {
  changePrefix,
  KIND_NAMES,
  proposedContext,
  readerScope,
  scenarioOf,
  toRow,
  type WhatIfUseCaseDeps,
} from './whatif.shared.ts';

// Reading scenarios: the list, one scenario's totals by township, village, household kind and category, its
// entering/leaving households, one household explained under both settings, two scenarios compared.

export async function list(
  { db }: WhatIfUseCaseDeps,
  ctx: RequestContext,
  q: { page?: number; pageSize?: number; sort?: 'id' | 'period' | 'name'; order?: 'asc' | 'desc' },
) {
  requirePermission(ctx, 'analysis:read');
  const { countyCode, visible } = readerScope(ctx);
  await failOrphanScenarios(db, countyCode);
  const win = pageWindow({ ...q, page: q.page ?? 1 });
  const { rows, total } = await listScenarios(db, visible, q, win);
  return { items: rows.map(toRow), total, page: win.page ?? 1, pageSize: win.pageSize };
}

type FlagGroup = Awaited<ReturnType<typeof flagGroups>>[number];

/** The flag groups summed by a key (township, village, kind or all). */
function groupBy(groups: readonly FlagGroup[], key: (g: FlagGroup) => [string, string]): GroupCounts[] {
  const out = new Map<string, GroupCounts>();
  for (const g of groups) {
    const [code, name] = key(g);
    const c = out.get(code) ?? { code, name, base: 0, proposed: 0, entering: 0, leaving: 0 };
    c.base += g.base;
    c.proposed += g.proposed;
    c.entering += g.entering;
    c.leaving += g.leaving;
    out.set(code, c);
  }
  return [...out.values()];
}

const RELIEF_NOT_COMPUTED = {
  computed: false,
  noteZh: '未计算：没有按户给付金额的政策参数（临时救助只有单次上限），救助资金需求无法估算',
  noteEn: 'Not computed: no parameter gives a per-household amount (relief has only a per-application cap)',
} as const;

async function detailOf(db: Db, ctx: RequestContext, s: ScenarioRecord): Promise<ScenarioDetail> {
  const { countyCode } = readerScope(ctx);
  const prefix = changePrefix(ctx, s);
  const [groups, categories, evaluated] = await Promise.all([
    flagGroups(db, s.id, prefix),
    categoryCounts(db, s.id, prefix),
    countHouseholds(db, countyCode, prefix),
  ]);
  const totals = groupBy(groups, () => ['all', '合计'])[0] ?? { base: 0, proposed: 0, entering: 0, leaving: 0 };
  return {
    ...toRow(s),
    baseline: Object.fromEntries(
      Object.keys(s.params).map((k) => [k, (s.baseline as ResolvedParams | null)?.[k]?.value ?? null]),
    ),
    evaluated,
    totals: { base: totals.base, proposed: totals.proposed, entering: totals.entering, leaving: totals.leaving },
    byTownship: groupBy(groups, (g) => [g.townshipCode, g.townshipName]),
    byVillage: groupBy(groups, (g) => [g.villageCode, g.villageName]),
    byKind: groupBy(groups, (g) => [g.kind, KIND_NAMES[g.kind] ?? g.kind]),
    byCategory: categories.map((c) => ({ ...c, name: warningCategory(c.code)?.nameZh ?? c.code })),
    workload: { toVisit: totals.entering, noLongerFlagged: totals.leaving, reliefFund: { ...RELIEF_NOT_COMPUTED } },
    affectedRules: ((s.result?.affectedRules as string[] | undefined) ?? []).slice(),
  };
}

export async function get(d: WhatIfUseCaseDeps, ctx: RequestContext, id: number): Promise<ScenarioDetail> {
  return detailOf(d.db, ctx, await scenarioOf(d, ctx, id));
}

export async function changes(d: WhatIfUseCaseDeps, ctx: RequestContext, id: number, q: ChangeListQuery) {
  const s = await scenarioOf(d, ctx, id);
  const win = pageWindow({ ...q, page: q.page ?? 1 });
  const { rows, total } = await listChanges(d.db, s.id, changePrefix(ctx, s), q, win);
  return { items: rows, total, page: win.page ?? 1, pageSize: win.pageSize };
}

/** The rules that fire for the household under one setting, with what the reader may see of their evidence. */
async function side(db: Db, c: RuleContext, scope: EvaluationScope) {
  const r = await evaluateOnly(db, c, scope);
  return {
    fired: r.fired.map((f) => ({
      ruleCode: f.ruleCode,
      nameZh: warningCategory(f.ruleCode)?.nameZh ?? f.ruleCode,
      evidence: visibleEvidence(f.evidence) as Record<string, unknown>,
    })),
  };
}

/** One household under both settings, on demand: the engine's explain path twice, writing nothing. */
export async function explainHousehold(
  d: WhatIfUseCaseDeps,
  ctx: RequestContext,
  id: number,
  householdId: number,
): Promise<ScenarioHouseholdExplain> {
  const s = await scenarioOf(d, ctx, id);
  const household = await findHousehold(d.db, s.countyCode, changePrefix(ctx, s), householdId);
  if (!household) throw AppError.notFound({ zh: '农户', en: 'Household' });
  const baseParams = (s.baseline ?? {}) as ResolvedParams;
  const lookback = baseParams['monitoring.lookbackMonths']?.value;
  const base: RuleContext = {
    countyCode: s.countyCode,
    params: baseParams,
    window: dataWindow(s.period, typeof lookback === 'number' ? lookback : 12),
  };
  const proposed = proposedContext(base, s.params, s.name);
  const scope: EvaluationScope = {
    countyCode: s.countyCode,
    scopePrefix: household.villageCode,
    restriction: { kind: 'ids', ids: [householdId] },
  };
  return {
    householdId,
    householdNo: household.householdNo,
    period: s.period,
    base: await side(d.db, base, scope),
    proposed: await side(d.db, proposed, scope),
  };
}

export async function compare(
  d: WhatIfUseCaseDeps,
  ctx: RequestContext,
  a: number,
  b: number,
): Promise<ScenarioCompare> {
  const [sa, sb] = [await scenarioOf(d, ctx, a), await scenarioOf(d, ctx, b)];
  const [da, db_] = [await detailOf(d.db, ctx, sa), await detailOf(d.db, ctx, sb)];
  const samePeriod = sa.period === sb.period && sa.status === 'succeeded' && sb.status === 'succeeded';
  const prefix = [changePrefix(ctx, sa), changePrefix(ctx, sb)].sort((x, y) => y.length - x.length)[0];
  return {
    a: da,
    b: db_,
    onlyA: samePeriod ? await proposedOnlyCount(d.db, a, b, prefix) : null,
    onlyB: samePeriod ? await proposedOnlyCount(d.db, b, a, prefix) : null,
  };
}
