import { createHash, randomBytes } from 'node:crypto';
import type { ActorResponse } from '../../../common/contracts/auth.ts';
import { scopePrefixOf } from '../../../common/domain/org-code.ts';
import { PERMISSIONS, can } from '../../../common/domain/roles.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import { hashPassword, verifyPassword } from '../../lib/crypto.ts';
import { recordAudit } from '../audit/index.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteOtherSessions,
  findSessionUser,
  findUserById,
  findUserByUsername,
  insertSession,
  recentLoginFailures,
  updatePasswordHash,
} from './auth.repository.ts';

/** A session lasts one working day; logging in again starts a new one. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
// Verifying against a dummy hash keeps a wrong username as slow as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const badLogin = () => new AppError('UNAUTHENTICATED', { zh: '用户名或密码错误', en: 'Wrong username or password' });

/** Lockout after repeated failures (GUARDLINE_LOGIN_MAX_FAILURES / GUARDLINE_LOGIN_LOCK_MINUTES). */
export interface LoginLockout {
  maxFailures: number;
  minutes: number;
}
export const DEFAULT_LOGIN_LOCKOUT: LoginLockout = { maxFailures: 5, minutes: 15 };

const lockedOut = (minutes: number) =>
  new AppError('RATE_LIMITED', {
    zh: `登录失败次数过多，该账号已临时锁定，请 ${minutes} 分钟后再试或联系管理员重置密码`,
    en: `Too many failed logins: this account is locked for ${minutes} minutes; try later or ask an administrator to reset the password`,
  });

/** The audit row of a login attempt made by nobody yet signed in. */
const anonymous = (requestId: string): RequestContext => ({
  requestId,
  actor: {
    id: 0,
    username: '',
    displayName: '（未登录）',
    role: 'auditor',
    orgCode: '',
    orgName: '',
    feedSource: null,
    scopePrefix: '',
  },
});

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

export function createAuthService(
  db: Db,
  clock: () => Date = () => new Date(),
  lockout: LoginLockout = DEFAULT_LOGIN_LOCKOUT,
) {
  /** A failed attempt is audited (never the password; an unknown username is not kept, it may be a password). */
  async function recordFailure(
    requestId: string,
    user: { id: number; orgCode: string } | undefined,
    action: string,
    ip: string | undefined,
  ) {
    await db.transaction((tx) =>
      recordAudit(tx, anonymous(requestId), {
        action,
        entity: user ? 'user' : 'session',
        entityId: user?.id ?? null,
        orgCode: user?.orgCode ?? null,
        after: { ip: ip ?? null },
      }),
    );
  }

  /**
   * Checks the password and opens a session; returns the cookie token (only its hash is stored).
   * Failures are audited; after `maxFailures` within `minutes` the account is locked for that window.
   */
  async function login(username: string, password: string, requestId: string, ip?: string) {
    const user = await findUserByUsername(db, username);
    const since = new Date(clock().getTime() - lockout.minutes * 60_000);
    if (user && (await recentLoginFailures(db, user.id, since)) >= lockout.maxFailures) {
      await recordFailure(requestId, user, 'login.locked', ip);
      throw lockedOut(lockout.minutes);
    }
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      await recordFailure(requestId, user, 'login.failed', ip);
      throw badLogin();
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(clock().getTime() + SESSION_TTL_MS);
    const resolved = await db.transaction(async (tx) => {
      await deleteExpiredSessions(tx, clock());
      await insertSession(tx, tokenHashOf(token), user.id, expiresAt);
      const session = (await resolveWith(tx, token))!;
      await recordAudit(
        tx,
        { actor: session.actor, requestId },
        { action: 'login', entity: 'session', entityId: user.id, orgCode: user.orgCode },
      );
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
      await recordAudit(tx, ctx, {
        action: 'logout',
        entity: 'session',
        entityId: ctx.actor.id,
        orgCode: ctx.actor.orgCode,
      });
    });
  }

  /** Other sessions of the user end; the one making the change stays signed in. */
  async function changePassword(ctx: RequestContext, token: string, current: string, next: string): Promise<void> {
    const user = await findUserById(db, ctx.actor.id);
    if (!user || !(await verifyPassword(current, user.passwordHash))) {
      throw AppError.validation([
        { field: 'currentPassword', messageZh: '当前密码不正确', messageEn: 'Current password is wrong' },
      ]);
    }
    if (current === next) {
      throw AppError.validation([
        { field: 'newPassword', messageZh: '新密码不能与当前密码相同', messageEn: 'New password must differ' },
      ]);
    }
    const hash = await hashPassword(next);
    await db.transaction(async (tx) => {
      await updatePasswordHash(tx, user.id, hash);
      await deleteOtherSessions(tx, user.id, tokenHashOf(token));
      await recordAudit(tx, ctx, {
        action: 'password.change',
        entity: 'user',
        entityId: user.id,
        orgCode: user.orgCode,
      });
    });
  }

  return { login, resolve, logout, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
