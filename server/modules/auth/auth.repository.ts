import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { queryRows } from '#server/db/connect.ts';
import type { Db } from '#server/db/connect.ts';
import { sessions, users } from '#server/db/schema/auth.ts';
import { orgUnits } from '#server/db/schema/org.ts';

export type UserRecord = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertSession(db: Db, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

/** The live session's user with the name of their org unit, or nothing. */
export async function findSessionUser(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ user: users, orgName: orgUnits.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgCode))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  return row;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteOtherSessions(db: Db, userId: number, keepTokenHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
}

/**
 * Failed logins of a user (audited as login.failed) since `since` and since the user's last successful
 * login, password change or administrator's reset: the count the lockout compares with its limit.
 */
export async function recentLoginFailures(db: Db, userId: number, since: Date): Promise<number> {
  const id = String(userId);
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM audit_log
        WHERE entity = 'user' AND entity_id = ${id} AND action = 'login.failed' AND at > ${since.toISOString()}::timestamptz
          AND at > coalesce((SELECT max(at) FROM audit_log
                              WHERE entity_id = ${id}
                                AND ((entity = 'session' AND action = 'login') OR (entity = 'user' AND action IN ('password.change', 'update.password-reset')))),
                            '-infinity'::timestamptz)`,
  );
  return n;
}
