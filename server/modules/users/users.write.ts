import type { UserRow } from '#common/contracts/users.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { hashPassword } from '#server/lib/crypto.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteUserSessions } from '../auth/index.ts';
import { get } from './users.read.ts';
import { findScopedUser, insertUser, updateUser, usernameTaken, type UserWithOrg } from './users.repository.ts';
import {
  auditView,
  checkFeedSource,
  checkRoleAndOrg,
  USER,
  type CreateUser,
  type UpdateUser,
  type UsersDeps,
} from './users.shared.ts';

// Creating and changing user accounts (a password reset included), audited.

export async function create(
  d: UsersDeps,
  ctx: RequestContext,
  input: CreateUser,
  opts: { mustChangePassword?: boolean } = {},
): Promise<UserRow> {
  requirePermission(ctx, 'users:manage');
  await checkRoleAndOrg(d, ctx, input.role, input.orgCode);
  checkFeedSource(input.role, input.feedSource);
  if (await usernameTaken(d.db, input.username)) {
    throw new AppError('CONFLICT', { zh: '用户名已存在', en: 'Username already exists' }, [
      { field: 'username', messageZh: '用户名已存在', messageEn: 'Username already exists' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  const id = await d.db.transaction(async (tx) => {
    const newId = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      orgCode: input.orgCode,
      phoneCipher: input.phone ? d.box.encrypt(input.phone) : null,
      feedSource: input.role === 'department' ? input.feedSource : null,
      passwordHash,
      mustChangePassword: opts.mustChangePassword ?? true,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'user',
      entityId: newId,
      orgCode: input.orgCode,
      after: auditView({ ...input, active: true }),
    });
    return newId;
  });
  return get(d, ctx, id);
}

/** The account in scope; nobody disables himself or changes his own role. */
async function userToChange(d: UsersDeps, ctx: RequestContext, id: number, patch: UpdateUser): Promise<UserWithOrg> {
  const before = await findScopedUser(d.db, ctx.actor.scopePrefix, id);
  if (!before) throw AppError.notFound(USER);
  if (id === ctx.actor.id && (patch.active === false || (patch.role && patch.role !== before.role))) {
    throw AppError.validation([
      {
        field: 'role',
        messageZh: '不能停用自己或修改自己的角色',
        messageEn: 'You cannot disable yourself or change your own role',
      },
    ]);
  }
  return before;
}

export async function update(d: UsersDeps, ctx: RequestContext, id: number, patch: UpdateUser): Promise<UserRow> {
  requirePermission(ctx, 'users:manage');
  const before = await userToChange(d, ctx, id, patch);
  const orgCode = patch.orgCode ?? before.orgCode;
  if (patch.role || patch.orgCode) await checkRoleAndOrg(d, ctx, patch.role ?? before.role, orgCode);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  await d.db.transaction(async (tx) => {
    await updateUser(tx, id, {
      displayName: patch.displayName,
      role: patch.role,
      orgCode: patch.orgCode,
      active: patch.active,
      ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
    });
    // A reset password (or a disabled account) ends every session the user had open.
    if (passwordHash || patch.active === false) await deleteUserSessions(tx, id);
    const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    await recordAudit(tx, ctx, {
      action: patch.password ? 'update.password-reset' : 'update',
      entity: 'user',
      entityId: id,
      orgCode,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return get(d, ctx, id);
}
