import { countyCodeOf } from '#common/domain/org-code.ts';
import { QINSHUI_COUNTY_CODE } from '../modules/org/index.ts';
import type { RequestContext } from './context.ts';

/**
 * The county an actor works in. Users sit in a county's tree; system work (CLI, schedules) has no
 * unit and works in the county this installation serves.
 */
export function countyOfActor(ctx: RequestContext): string {
  return ctx.actor.scopePrefix === '' ? QINSHUI_COUNTY_CODE : countyCodeOf(ctx.actor.orgCode);
}
