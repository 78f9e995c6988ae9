import { countyCodeOf } from '#common/domain/org-code.ts';
import { feedSource, isFeedSourceCode, type FeedSourceCode } from '#common/domain/feeds/sources.ts';
import { can } from '#common/domain/roles.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { Actor, RequestContext } from '#server/lib/context.ts';

// Who may push or read department data, and for which source.

export type FeedPermission = 'feeds:push' | 'feeds:read';

export function requireFeedPermission(ctx: RequestContext, permission: FeedPermission): void {
  if (!can(ctx.actor.role, permission)) throw AppError.forbidden();
}

/** A department user's source, set on their account (app_user.feed_source). */
export function departmentSourceOf(actor: Pick<Actor, 'role' | 'feedSource'>): FeedSourceCode | null {
  if (actor.role !== 'department') return null;
  return isFeedSourceCode(actor.feedSource) ? actor.feedSource : null;
}

function forbiddenSource(zh: string, en: string): AppError {
  return new AppError('FORBIDDEN', { zh, en });
}

/**
 * The source an actor pushes for: a department user only their own (naming another is refused),
 * county staff whatever they name (or the 数据来源 column decides). Pushing is county-level work.
 */
export function pushSourceFor(ctx: RequestContext, requested: FeedSourceCode | undefined): FeedSourceCode | undefined {
  requireFeedPermission(ctx, 'feeds:push');
  const { actor } = ctx;
  if (actor.scopePrefix !== '' && actor.scopePrefix.length !== 6) throw AppError.forbidden();
  if (actor.role !== 'department') return requested;
  const own = departmentSourceOf(actor);
  if (!own)
    throw forbiddenSource(
      '该部门账号未设置数据来源，请联系管理员',
      'This department account has no data source; ask an administrator',
    );
  if (requested && requested !== own)
    throw forbiddenSource(`本账号只能推送“${feedSource(own).zh}”来源的数据`, `This account may push ${own} data only`);
  return own;
}

/** The source filter a reader is held to: a department user sees their own source only. */
export function readSourceFor(ctx: RequestContext, requested: FeedSourceCode | undefined): FeedSourceCode | undefined {
  requireFeedPermission(ctx, 'feeds:read');
  if (ctx.actor.role !== 'department') return requested;
  const own = departmentSourceOf(ctx.actor);
  if (!own || (requested && requested !== own)) throw AppError.forbidden();
  return own;
}

/** The county the data belongs to: the actor's, or for system work (CLI) the one named. */
export function countyFor(ctx: RequestContext, named: string | undefined): string {
  if (ctx.actor.scopePrefix !== '') return countyCodeOf(ctx.actor.orgCode);
  if (!named) throw new AppError('BAD_REQUEST', { zh: '请指定县级区划代码', en: 'Name the county code' });
  return countyCodeOf(named);
}
