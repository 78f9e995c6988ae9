import { and, count, eq, gt, like, or, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { USER_SORTS } from '#common/contracts/users.ts';
import type { Db } from '#server/db/connect.ts';
import { users } from '#server/db/schema/auth.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy, pageWindow, type SortColumns } from '#server/lib/paging.ts';

export type UserInsert = typeof users.$inferInsert;
export type UserWithOrg = typeof users.$inferSelect & { orgName: string };

const withOrg = { user: users, orgName: orgUnits.name };

export type UserSort = (typeof USER_SORTS)[number];

export interface UserFilter {
  q?: string;
  role?: string;
  active?: 'true' | 'false';
}

/** The one where-clause of the users list: its page and its total read the same rows. */
export function userWhere(scopePrefix: string, f: UserFilter): SQL {
  const where: SQL[] = [inScope(users.orgCode, { scopePrefix })];
  if (f.q) where.push(or(like(users.username, `%${f.q}%`), like(users.displayName, `%${f.q}%`))!);
  if (f.role) where.push(eq(users.role, f.role as never));
  if (f.active) where.push(eq(users.active, f.active === 'true'));
  return and(...where)!;
}

const USER_SORT_COLUMNS: SortColumns<UserSort> = {
  id: sql`${users.id}`,
  username: sql`${users.username}`,
  displayName: sql`${users.displayName}`,
  role: sql`${users.role}`,
  org: sql`${users.orgCode}`,
  createdAt: sql`${users.createdAt}`,
  active: sql`${users.active}`,
};

/** A numbered page (`page`) in the asked order, or the `limit` users after `afterId` in id order. */
export async function listUsers(
  db: Db,
  scopePrefix: string,
  f: UserFilter & PagingQuery<UserSort> & { afterId: number; limit: number },
): Promise<UserWithOrg[]> {
  const numbered = f.page !== undefined;
  const win = pageWindow(numbered ? f : { ...f, pageSize: f.pageSize ?? f.limit });
  const where = numbered ? userWhere(scopePrefix, f) : and(userWhere(scopePrefix, f), gt(users.id, f.afterId))!;
  const rows = await db
    .select(withOrg)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgCode))
    .where(where)
    .orderBy(orderBy(USER_SORT_COLUMNS, f, sql`${users.id}`, 'id'))
    .limit(win.pageSize)
    .offset(win.offset);
  return rows.map((r) => ({ ...r.user, orgName: r.orgName }));
}

export async function countUsers(db: Db, scopePrefix: string, f: UserFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(userWhere(scopePrefix, f));
  return row.n;
}

export async function findScopedUser(db: Db, scopePrefix: string, id: number): Promise<UserWithOrg | undefined> {
  const [row] = await db
    .select(withOrg)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgCode))
    .where(and(eq(users.id, id), inScope(users.orgCode, { scopePrefix })));
  return row && { ...row.user, orgName: row.orgName };
}

export async function insertUser(db: Db, user: UserInsert): Promise<number> {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  return row.id;
}

export async function updateUser(db: Db, id: number, patch: Partial<UserInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return rows.length > 0;
}
