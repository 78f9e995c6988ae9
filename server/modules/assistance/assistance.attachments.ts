import { requirePermission } from '#server/lib/permissions.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { AssistanceService } from './assistance.service.ts';

/**
 * May the actor add evidence to a measure directly (upload naming ownerKind assistanceMeasure and its id)?
 * The same right as editing it: assistance:write (else 403) on a measure within reach (else 404).
 */
export function measureOwnerCheck(assistance: Pick<AssistanceService, 'getMeasure'>) {
  return async (ctx: RequestContext, measureId: number): Promise<{ orgCode: string }> => {
    requirePermission(ctx, 'assistance:write');
    return { orgCode: (await assistance.getMeasure(ctx, measureId)).villageCode };
  };
}
