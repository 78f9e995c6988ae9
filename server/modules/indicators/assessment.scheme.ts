import { WORKFLOW_FIGURES, type AssessmentItem } from '#common/domain/indicators/assessment.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { result } from './assessment.result.ts';
import type { AssessmentDeps } from './assessment.shared.ts';
import { saveAssessmentScheme } from './indicators.repository.ts';

// Setting the year's assessment scheme (考核方案): its items name known indicators or workflow figures, once each.

type Defs = Awaited<ReturnType<AssessmentDeps['indicators']['loadDefs']>>;

function checkItems(defs: Defs, items: AssessmentItem[]): void {
  items.forEach((it, k) => {
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
  if (new Set(items.map((i) => i.key)).size !== items.length)
    throw AppError.validation([{ field: 'items', messageZh: '考核项代码重复', messageEn: 'Duplicate item keys' }]);
}

export async function saveScheme(
  d: AssessmentDeps,
  ctx: RequestContext,
  input: { year: number; items: AssessmentItem[] },
) {
  requirePermission(ctx, 'indicators:manage');
  checkItems(await d.indicators.loadDefs(), input.items);
  await d.db.transaction(async (tx) => {
    const row = { year: input.year, items: input.items, updatedBy: ctx.actor.displayName, updatedAt: new Date() };
    await saveAssessmentScheme(tx, row);
    await recordAudit(tx, ctx, {
      action: 'set',
      entity: 'indicator_assessment_scheme',
      entityId: input.year,
      after: { items: input.items },
    });
  });
  return result(d, ctx, input.year);
}
