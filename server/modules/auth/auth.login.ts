import { randomBytes } from 'node:crypto';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { verifyPassword } from '#server/lib/crypto.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteExpiredSessions, findUserByUsername, insertSession, recentLoginFailures } from './auth.repository.ts';
import { resolveWith, SESSION_TTL_MS, tokenHashOf, type AuthDeps } from './auth.shared.ts';

// Signing in: the lockout, the password check (as slow for an unknown name), the session opened; failures audited.

// Verifying against a dummy hash keeps a wrong username as slow as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const badLogin = () => new AppError('UNAUTHENTICATED', { zh: '用户名或密码错误', en: 'Wrong username or password' });

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

/** A failed attempt is audited (never the password; an unknown username is not kept, it may be a password). */
async function recordFailure(
  d: AuthDeps,
  requestId: string,
  user: { id: number; orgCode: string } | undefined,
  action: string,
  ip: string | undefined,
) {
  await d.db.transaction((tx) =>
    recordAudit(tx, anonymous(requestId), {
      action,
      entity: user ? 'user' : 'session',
      entityId: user?.id ?? null,
      orgCode: user?.orgCode ?? null,
      after: { ip: ip ?? null },
    }),
  );
}

/** A new session for the user (expired ones swept), audited as its own actor; the token's actor and flag. */
async function openSession(d: AuthDeps, user: { id: number; orgCode: string }, token: string, requestId: string) {
  const expiresAt = new Date(d.clock().getTime() + SESSION_TTL_MS);
  const resolved = await d.db.transaction(async (tx) => {
    await deleteExpiredSessions(tx, d.clock());
    await insertSession(tx, tokenHashOf(token), user.id, expiresAt);
    const session = (await resolveWith(d, tx, token))!;
    await recordAudit(
      tx,
      { actor: session.actor, requestId },
      { action: 'login', entity: 'session', entityId: user.id, orgCode: user.orgCode },
    );
    return session;
  });
  return { expiresAt, ...resolved };
}

/**
 * Checks the password and opens a session; returns the cookie token (only its hash is stored).
 * Failures are audited; after `maxFailures` within `minutes` the account is locked for that window.
 */
export async function login(d: AuthDeps, username: string, password: string, requestId: string, ip?: string) {
  const user = await findUserByUsername(d.db, username);
  const since = new Date(d.clock().getTime() - d.lockout.minutes * 60_000);
  if (user && (await recentLoginFailures(d.db, user.id, since)) >= d.lockout.maxFailures) {
    await recordFailure(d, requestId, user, 'login.locked', ip);
    throw lockedOut(d.lockout.minutes);
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await recordFailure(d, requestId, user, 'login.failed', ip);
    throw badLogin();
  }
  const token = randomBytes(32).toString('base64url');
  return { token, ...(await openSession(d, user, token, requestId)) };
}
