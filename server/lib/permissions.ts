import { can, type Permission } from '#common/domain/roles.ts';
import { isWithinScope } from '#common/domain/org-code.ts';
import { AppError } from './app-error.ts';
import type { RequestContext } from './context.ts';

export function requirePermission(ctx: RequestContext, permission: Permission): void {
  if (!can(ctx.actor.role, permission)) throw AppError.forbidden();
}

/** A unit outside the actor's scope is reported as not found: its existence is not disclosed. */
export function requireInScope(ctx: RequestContext, orgCode: string): void {
  if (ctx.actor.scopePrefix !== '' && !isWithinScope(orgCode, ctx.actor.orgCode)) {
    throw AppError.notFound({ zh: '机构', en: 'Org unit' });
  }
}
