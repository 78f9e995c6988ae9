import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { hashPassword, verifyPassword } from '#server/lib/crypto.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteOtherSessions, deleteSession, findUserById, updatePasswordHash } from './auth.repository.ts';
import { resolveWith, tokenHashOf, type AuthDeps } from './auth.shared.ts';

// A signed-in session: who is behind the token, signing out, changing one's password.

/** The actor behind a cookie token, or undefined when the session is missing, expired or the user disabled. */
export const resolve = (d: AuthDeps, token: string) => resolveWith(d, d.db, token);

export async function logout(d: AuthDeps, ctx: RequestContext, token: string): Promise<void> {
  await d.db.transaction(async (tx) => {
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
export async function changePassword(
  d: AuthDeps,
  ctx: RequestContext,
  token: string,
  current: string,
  next: string,
): Promise<void> {
  const user = await findUserById(d.db, ctx.actor.id);
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
  await d.db.transaction(async (tx) => {
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
