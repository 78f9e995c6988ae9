import type { Db } from '../../db/connect.ts';
import { indicatorAssessmentSchemes } from '../../db/schema/indicators.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina, systemClock, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { WORKFLOW_FIGURES, type AssessmentItem } from '../../../common/domain/indicators/assessment.ts';
import {
  assessmentScheme,
  defaultWorkflowFigures,
  schemeScores,
  scoringDates,
  type WorkflowFigures,
} from './assessment.scores.ts';
import type { AssessmentResponse } from '../../../common/contracts/indicators.ts';
import { assessmentWorkbook } from './indicators.xlsx.ts';
import type { IndicatorsService } from './indicators.service.ts';

export { defaultWorkflowFigures, type WorkflowFigures };

export function createAssessmentService(
  db: Db,
  indicators: IndicatorsService,
  opts: { clock?: Clock; workflow?: WorkflowFigures } = {},
) {
  const clock = opts.clock ?? systemClock;
  const workflow = opts.workflow ?? defaultWorkflowFigures;

  async function result(ctx: RequestContext, year: number): Promise<AssessmentResponse> {
    requirePermission(ctx, 'indicators:read');
    const countyCode = indicators.countyOf(ctx);
    const { month, asOf } = scoringDates(`${year}-12`, todayInChina(clock()));
    const items = await assessmentScheme(db, year);
    const defs = await indicators.loadDefs();
    const view = await indicators.engine.view(defs, {
      orgCode: countyCode,
      period: month,
      indicators: items.filter((i) => i.kind === 'indicator').map((i) => i.ref),
      trendMonths: 1,
    });
    const inScope = (code: string) =>
      ctx.actor.scopePrefix === '' ||
      code.startsWith(ctx.actor.scopePrefix) ||
      ctx.actor.scopePrefix.startsWith(code.slice(0, 9));
    const units = view.children.filter((c) => inScope(c.code));
    const scores = await schemeScores(db, workflow, {
      countyCode,
      year,
      asOf,
      items,
      units: units.map((c) => c.code),
      result: (ref, code) => view.results.get(ref)?.get(code),
    });
    const rows = units.map((c) => {
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
    rows.sort((a, b) => b.total - a.total);
    rows.forEach((r, k) => {
      r.rank = k > 0 && rows[k - 1].total === r.total ? rows[k - 1].rank : k + 1;
    });
    return {
      year,
      items,
      rows,
      notesZh: [
        `指标按 ${month} 的达标状态计分：达标得满分，预警得 60%，未达标不得分；无数据的项不计入，其余权重按比例折算为百分制。`,
        ...Object.values(WORKFLOW_FIGURES).map((v) => `${v}，截至 ${asOf}；未接入数据的乡镇该项不计分。`),
        '指标驾驶舱下级评分卡的综合得分与本表总分为同一计算。',
      ],
    };
  }

  async function saveScheme(ctx: RequestContext, input: { year: number; items: AssessmentItem[] }) {
    requirePermission(ctx, 'indicators:manage');
    const defs = await indicators.loadDefs();
    input.items.forEach((it, k) => {
      if (it.kind === 'indicator' && !defs.indicators.has(it.ref))
        throw AppError.validation([
          { field: `items.${k}.ref`, messageZh: `指标 ${it.ref} 不存在`, messageEn: `Unknown indicator ${it.ref}` },
        ]);
      if (it.kind === 'workflow' && !(it.ref in WORKFLOW_FIGURES))
        throw AppError.validation([
          {
            field: `items.${k}.ref`,
            messageZh: `工作数据 ${it.ref} 不存在`,
            messageEn: `Unknown workflow figure ${it.ref}`,
          },
        ]);
    });
    if (new Set(input.items.map((i) => i.key)).size !== input.items.length)
      throw AppError.validation([{ field: 'items', messageZh: '考核项代码重复', messageEn: 'Duplicate item keys' }]);
    await db.transaction(async (tx) => {
      const row = { year: input.year, items: input.items, updatedBy: ctx.actor.displayName, updatedAt: new Date() };
      await tx
        .insert(indicatorAssessmentSchemes)
        .values(row)
        .onConflictDoUpdate({ target: indicatorAssessmentSchemes.year, set: row });
      await recordAudit(tx, ctx, {
        action: 'set',
        entity: 'indicator_assessment_scheme',
        entityId: input.year,
        after: { items: input.items },
      });
    });
    return result(ctx, input.year);
  }

  return { result, saveScheme, workbook: assessmentWorkbook };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
