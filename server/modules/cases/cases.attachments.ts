import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { findCase, findStep } from './cases.repository.ts';

/**
 * May the actor add evidence to a case step directly (upload naming ownerKind caseStep and its id)?
 * The step's case must be in scope (else 404, the same answer as for a missing step); only the one who
 * recorded the step may add to it, and only while the case is active (else 403).
 */
export function caseStepOwnerCheck(db: Db) {
  return async (ctx: RequestContext, stepId: number): Promise<{ orgCode: string }> => {
    requirePermission(ctx, 'cases:act');
    const step = await findStep(db, stepId);
    const c = step ? await findCase(db, ctx.actor.scopePrefix, step.caseId) : undefined;
    if (!step || !c) throw AppError.notFound({ zh: '办理环节', en: 'Case step' });
    if (step.actorId !== ctx.actor.id || c.status !== 'active') {
      throw new AppError('FORBIDDEN', {
        zh: '只能为本人办理的、尚未办结事项的环节补充材料',
        en: 'Only the one who recorded the step may add evidence, while the case is active',
      });
    }
    return { orgCode: c.villageCode };
  };
}
