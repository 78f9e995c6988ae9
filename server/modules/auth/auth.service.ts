import { createHash, randomBytes } from 'node:crypto';
import type { ActorResponse } from '../../../common/contracts/auth.ts';
import { scopePrefixOf } from '../../../common/domain/org-code.ts';
import { PERMISSIONS, can } from '../../../common/domain/roles.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import { hashPassword, verifyPassword } from '../../lib/crypto.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteOtherSessions,
  findSessionUser,
  findUserById,
  findUserByUsername,
  insertSession,
  updatePasswordHash,
} from './auth.repository.ts';

/** A session lasts one working day; logging in again starts a new one. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
// Verifying against a dummy hash keeps a wrong username as slow as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const badLogin = () => new AppError('UNAUTHENTICATED', { zh: '用户名或密码错误', en: 'Wrong username or password' });

export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorToResponse(actor: Actor, mustChangePassword: boolean): ActorResponse {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    orgCode: actor.orgCode,
    orgName: actor.orgName,
    permissions: PERMISSIONS.filter((p) => can(actor.role, p)),
    mustChangePassword,
  };
}

export function createAuthService(db: Db, clock: () => Date = () => new Date()) {
  /** Checks the password and opens a session; returns the cookie token (only its hash is stored). */
  async function login(username: string, password: string, requestId: string) {
    const user = await findUserByUsername(db, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw badLogin();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(clock().getTime() + SESSION_TTL_MS);
    const resolved = await db.transaction(async (tx) => {
      await deleteExpiredSessions(tx, clock());
      await insertSession(tx, tokenHashOf(token), user.id, expiresAt);
      const session = (await resolveWith(tx, token))!;
      await recordAudit(tx, { actor: session.actor, requestId }, { action: 'login', entity: 'session', entityId: user.id, orgCode: user.orgCode });
      return session;
    });
    return { token, expiresAt, ...resolved };
  }

  async function resolveWith(handle: Db, token: string) {
    const row = await findSessionUser(handle, tokenHashOf(token), clock());
    if (!row) return undefined;
    const actor: Actor = {
      id: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      role: row.user.role,
      orgCode: row.user.orgCode,
      orgName: row.orgName,
      feedSource: row.user.feedSource,
      scopePrefix: scopePrefixOf(row.user.orgCode),
    };
    return { actor, mustChangePassword: row.user.mustChangePassword };
  }

  /** The actor behind a cookie token, or undefined when the session is missing, expired or the user disabled. */
  const resolve = (token: string) => resolveWith(db, token);

  async function logout(ctx: RequestContext, token: string): Promise<void> {
    await db.transaction(async (tx) => {
      await deleteSession(tx, tokenHashOf(token));
      await recordAudit(tx, ctx, { action: 'logout', entity: 'session', entityId: ctx.actor.id, orgCode: ctx.actor.orgCode });
    });
  }

  /** Other sessions of the user end; the one making the change stays signed in. */
  async function changePassword(ctx: RequestContext, token: string, current: string, next: string): Promise<void> {
    const user = await findUserById(db, ctx.actor.id);
    if (!user || !(await verifyPassword(current, user.passwordHash))) {
      throw AppError.validation([{ field: 'currentPassword', messageZh: '当前密码不正确', messageEn: 'Current password is wrong' }]);
    }
    if (current === next) {
      throw AppError.validation([{ field: 'newPassword', messageZh: '新密码不能与当前密码相同', messageEn: 'New password must differ' }]);
    }
    const hash = await hashPassword(next);
    await db.transaction(async (tx) => {
      await updatePasswordHash(tx, user.id, hash);
      await deleteOtherSessions(tx, user.id, tokenHashOf(token));
      await recordAudit(tx, ctx, { action: 'password.change', entity: 'user', entityId: user.id, orgCode: user.orgCode });
    });
  }

  return { login, resolve, logout, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
