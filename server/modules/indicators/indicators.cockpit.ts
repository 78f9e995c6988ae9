import type { z } from 'zod';
import type { cockpitQuery } from '#common/contracts/indicators.ts';
import type { TargetStatus } from '#common/domain/indicators/model.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { fundChecks } from '../funds/index.ts';
import {
  bandOfGrade,
  defaultWorkflowFigures,
  schemeScores,
  scoringDates,
  type WorkflowFigures,
} from './assessment.scores.ts';
import { applyFundCheckStatus, FUND_CHECK_OF, FUND_SHARE_DECIMALS } from './fund-status.ts';
import type { ComputedProvider, createIndicatorEngine, StoredTarget } from './indicators.engine.ts';
import type { UseCaseDeps } from './indicators.shared.ts';
import { scopeLabel, targetText } from './indicators.text.ts';

// The cockpit (驾驶舱): every indicator of a unit for a period with its target, trend and the children's cells and
// scheme scores; and the fund shares it reads from the funds module.

/** Fund shares and their yearly minimums from the funds module's `fundChecks` (one rule for both): yearly, at the county. */
export const fundsProvider: ComputedProvider = async (db, countyCode, periods) => {
  const out = [];
  for (const p of new Set(periods.filter((x) => x.length === 4))) {
    const r = await fundChecks(db, countyCode, Number(p)).catch(() => null);
    if (!r) continue;
    for (const c of r.checks) {
      // The minimum shares are the checks' own thresholds: the cockpit's fund targets compare with these.
      if (c.key === 'industryShare')
        out.push(
          { orgCode: countyCode, element: 'funds.industryPart', period: p, value: c.partFen },
          { orgCode: countyCode, element: 'funds.industryWhole', period: p, value: c.wholeFen },
          { orgCode: countyCode, element: 'funds.industryMinimum', period: p, value: c.threshold * 100 },
        );
      if (c.key === 'workForReliefLabour')
        out.push(
          { orgCode: countyCode, element: 'funds.labourPart', period: p, value: c.partFen },
          { orgCode: countyCode, element: 'funds.labourWhole', period: p, value: c.wholeFen },
          { orgCode: countyCode, element: 'funds.labourMinimum', period: p, value: c.threshold * 100 },
        );
    }
  }
  // No allocation yet: no data rather than 0 %.
  return out.filter((l) => !(l.element.endsWith('Whole') && l.value === 0));
};

interface CockpitDeps extends UseCaseDeps {
  engine: ReturnType<typeof createIndicatorEngine>;
  /** Workflow figures of the township score (the assessment's; tests inject their own). */
  workflow?: WorkflowFigures;
}

type CellSource = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: TargetStatus;
  threshold: number | null;
};
const cellOf = (r: CellSource) => ({
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  status: r.status,
  threshold: r.threshold,
});

/** A target as the cockpit shows it: its terms, source, scope in words and the sentence for the year. */
function targetView(
  tg: StoredTarget,
  unitZh: string,
  year: number,
  threshold: number | null,
  nameOf: (code: string) => string | undefined,
) {
  const scopeCode =
    tg.scope.kind === 'unit' ? tg.scope.code : tg.scope.kind === 'level' ? tg.scope.level : tg.scope.group;
  return {
    id: tg.id,
    op: tg.op,
    value: tg.value,
    upper: tg.upper ?? null,
    band: tg.band,
    toYear: tg.toYear,
    path: tg.path ?? 'constant',
    sourceDoc: tg.sourceDoc,
    sourceText: tg.sourceText,
    note: tg.note ?? null,
    scopeLabel: scopeLabel(tg.scope.kind, scopeCode, nameOf),
    textZh: targetText(tg, unitZh, year, threshold),
  };
}

export function createCockpitOps(deps: CockpitDeps) {
  const { db, clock, loadDefs, tree, homeUnit, engine } = deps;
  const currentMonth = () => todayInChina(clock()).slice(0, 7);

  async function cockpit(ctx: RequestContext, q: z.infer<typeof cockpitQuery>) {
    requirePermission(ctx, 'indicators:read');
    const orgCode = q.org ?? homeUnit(ctx);
    requireInScope(ctx, orgCode);
    const period = q.period ?? currentMonth();
    const defs = await loadDefs();
    const t = await tree(countyCodeOf(orgCode));
    if (!t.get(orgCode)) throw AppError.notFound({ zh: '机构', en: 'Org unit' });
    const v = await engine.view(defs, { orgCode, period, boundaries: q.boundaries }, t);
    // The fund shares carry the funds module's own check status (the funds page shows the same).
    await applyFundCheckStatus(db, countyCodeOf(orgCode), Number(period.slice(0, 4)), v.results);
    const summary = { met: 0, atRisk: 0, notMet: 0, noData: 0, noTarget: 0 };
    const indicators = [...v.results.entries()].map(([code, per]) => {
      const ind = defs.indicators.get(code)!;
      const r = per.get(orgCode)!;
      summary[r.status]++;
      const tg = r.target;
      return {
        code,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unitZh: ind.unitZh,
        // A fund share is printed as the funds page prints it (two decimals: 62.26 %).
        decimals: FUND_CHECK_OF[code] ? FUND_SHARE_DECIMALS : ind.decimals,
        period: v.periodOf(ind),
        ...cellOf(r),
        target: tg ? targetView(tg, ind.unitZh, Number(period.slice(0, 4)), r.threshold, (c) => t.get(c)?.name) : null,
        trend: v.trend.get(code) ?? [],
      };
    });
    // 综合得分 is the assessment scheme's total (the assessment page calls the same `schemeScores`).
    const { asOf } = scoringDates(period, todayInChina(clock()));
    const scores = await schemeScores(db, deps.workflow ?? defaultWorkflowFigures, {
      countyCode: countyCodeOf(orgCode),
      year: Number(period.slice(0, 4)),
      asOf,
      units: v.children.map((c) => c.code),
      result: (ref, code) => v.results.get(ref)?.get(code),
    });
    const children = v.children.map((c) => {
      const cells: Record<string, ReturnType<typeof cellOf>> = {};
      for (const [code, per] of v.results) cells[code] = cellOf(per.get(c.code)!);
      const s = scores.get(c.code);
      return { ...c, score: s?.scored ? s.total : null, grade: s?.grade ?? '无数据', band: bandOfGrade(s), cells };
    });
    children.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    return { unit: v.unit, period, summary, indicators, children };
  }

  return { cockpit };
}
