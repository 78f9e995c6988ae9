import type { PagingQuery } from '#common/contracts/paging.ts';
import type { UserRow } from '#common/contracts/users.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { countUsers, findScopedUser, listUsers, type UserFilter, type UserSort } from './users.repository.ts';
import { toRow, USER, type UsersDeps } from './users.shared.ts';

// Reading user accounts in the actor's scope: the paged list (or the older cursor) and one account.

export async function list(
  d: UsersDeps,
  ctx: RequestContext,
  f: UserFilter & PagingQuery<UserSort> & { afterId: number; limit: number },
) {
  requirePermission(ctx, 'users:read');
  const [rows, total] = await Promise.all([
    listUsers(d.db, ctx.actor.scopePrefix, f),
    countUsers(d.db, ctx.actor.scopePrefix, f),
  ]);
  const win = pageWindow(f.page !== undefined ? f : { ...f, pageSize: f.pageSize ?? f.limit });
  const cursor = f.page === undefined && (f.sort === undefined || f.sort === 'id');
  return {
    items: rows.map((u) => toRow(d, u)),
    nextAfterId: cursor && rows.length === win.pageSize ? rows[rows.length - 1].id : null,
    total,
    page: win.page ?? 1,
    pageSize: win.pageSize,
  };
}

export async function get(d: UsersDeps, ctx: RequestContext, id: number): Promise<UserRow> {
  requirePermission(ctx, 'users:read');
  const user = await findScopedUser(d.db, ctx.actor.scopePrefix, id);
  if (!user) throw AppError.notFound(USER);
  return toRow(d, user);
}
