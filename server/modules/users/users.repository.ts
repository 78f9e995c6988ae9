import { and, asc, eq, gt, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { users } from '../../db/schema/auth.ts';
import { orgUnits } from '../../db/schema/org.ts';
import { inScope } from '../../db/scope.ts';

export type UserInsert = typeof users.$inferInsert;
export type UserWithOrg = typeof users.$inferSelect & { orgName: string };

const withOrg = { user: users, orgName: orgUnits.name };

export async function listUsers(
  db: Db,
  scopePrefix: string,
  f: { q?: string; afterId: number; limit: number },
): Promise<UserWithOrg[]> {
  const where: SQL[] = [inScope(users.orgCode, { scopePrefix }), gt(users.id, f.afterId)];
  if (f.q) where.push(or(like(users.username, `%${f.q}%`), like(users.displayName, `%${f.q}%`))!);
  const rows = await db
    .select(withOrg)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgCode))
    .where(and(...where))
    .orderBy(asc(users.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r.user, orgName: r.orgName }));
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
