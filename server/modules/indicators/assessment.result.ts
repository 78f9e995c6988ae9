import type { AssessmentResponse } from '#common/contracts/indicators.ts';
import { WORKFLOW_FIGURES, type AssessmentItem } from '#common/domain/indicators/assessment.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { assessmentScheme, schemeScores, scoringDates } from './assessment.scores.ts';
import type { AssessmentDeps } from './assessment.shared.ts';

// The year's assessment table (考核结果): each unit below the county scored on the scheme, ranked.

type Row = AssessmentResponse['rows'][number];

/** The units the actor sees: all of them, those under the actor's scope, or the actor's own township. */
function inScopeOf(ctx: RequestContext) {
  const p = ctx.actor.scopePrefix;
  return (code: string) => p === '' || code.startsWith(p) || p.startsWith(code.slice(0, 9));
}

/** Highest total first; equal totals share a rank. */
function ranked(rows: Row[]): Row[] {
  rows.sort((a, b) => b.total - a.total);
  rows.forEach((r, k) => {
    r.rank = k > 0 && rows[k - 1].total === r.total ? rows[k - 1].rank : k + 1;
  });
  return rows;
}

function notesZh(month: string, asOf: string): string[] {
  return [
    `指标按 ${month} 的达标状态计分：达标得满分，预警得 60%，未达标不得分；无数据的项不计入，其余权重按比例折算为百分制。`,
    ...Object.values(WORKFLOW_FIGURES).map((v) => `${v}，截至 ${asOf}；未接入数据的乡镇该项不计分。`),
    '指标驾驶舱下级评分卡的综合得分与本表总分为同一计算。',
  ];
}

/** The scored rows of the units in scope (unranked): the indicators' status in `month`, the workflow figures at `asOf`. */
async function scoredRows(
  d: AssessmentDeps,
  ctx: RequestContext,
  a: { countyCode: string; year: number; month: string; asOf: string; items: AssessmentItem[] },
): Promise<Row[]> {
  const defs = await d.indicators.loadDefs();
  const view = await d.indicators.engine.view(defs, {
    orgCode: a.countyCode,
    period: a.month,
    indicators: a.items.filter((i) => i.kind === 'indicator').map((i) => i.ref),
    trendMonths: 1,
  });
  const units = view.children.filter((c) => inScopeOf(ctx)(c.code));
  const scores = await schemeScores(d.db, d.workflow, {
    countyCode: a.countyCode,
    year: a.year,
    asOf: a.asOf,
    items: a.items,
    units: units.map((c) => c.code),
    result: (ref, code) => view.results.get(ref)?.get(code),
  });
  return units.map((c) => {
    const s = scores.get(c.code)!;
    return {
      code: c.code,
      name: c.name,
      rank: 0,
      total: s.total,
      grade: s.grade,
      points: s.points,
      figures: s.figures,
    };
  });
}

export async function result(d: AssessmentDeps, ctx: RequestContext, year: number): Promise<AssessmentResponse> {
  requirePermission(ctx, 'indicators:read');
  const countyCode = d.indicators.countyOf(ctx);
  const { month, asOf } = scoringDates(`${year}-12`, todayInChina(d.clock()));
  const items = await assessmentScheme(d.db, year);
  const rows = await scoredRows(d, ctx, { countyCode, year, month, asOf, items });
  return { year, items, rows: ranked(rows), notesZh: notesZh(month, asOf) };
}
