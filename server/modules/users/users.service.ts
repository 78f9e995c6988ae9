import type { z } from 'zod';
import type { createUserRequest, updateUserRequest, UserRow } from '../../../common/contracts/users.ts';
import { maskPhone } from '../../../common/domain/id-card.ts';
import { ROLE_LABELS, ROLE_LEVELS, type Role } from '../../../common/domain/roles.ts';
import type { PagingQuery } from '../../../common/contracts/paging.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RequestContext } from '../../lib/context.ts';
import { hashPassword, type PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteUserSessions } from '../auth/index.ts';
import { findUnit } from '../org/index.ts';
import {
  findScopedUser,
  insertUser,
  countUsers,
  listUsers,
  type UserFilter,
  type UserSort,
  updateUser,
  usernameTaken,
  type UserWithOrg,
} from './users.repository.ts';

type CreateUser = z.infer<typeof createUserRequest>;
type UpdateUser = z.infer<typeof updateUserRequest>;

export function createUsersService(db: Db, box: PersonalDataBox) {
  function toRow(u: UserWithOrg): UserRow {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      orgCode: u.orgCode,
      orgName: u.orgName,
      phoneMasked: u.phoneCipher ? maskPhone(box.decrypt(u.phoneCipher)) : null,
      feedSource: u.feedSource,
      active: u.active,
      createdAt: u.createdAt.toISOString(),
    };
  }

  /** Audit form of a user: never the password hash or the phone. */
  const auditView = (u: Partial<UserWithOrg>) => ({
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgCode: u.orgCode,
    active: u.active,
  });

  async function checkRoleAndOrg(ctx: RequestContext, role: Role, orgCode: string) {
    requireInScope(ctx, orgCode);
    const unit = await findUnit(db, orgCode);
    if (!unit || unit.validTo) {
      throw AppError.validation([
        { field: 'orgCode', messageZh: '机构不存在或已撤并', messageEn: 'Org unit does not exist or is closed' },
      ]);
    }
    if (!ROLE_LEVELS[role].includes(unit.level)) {
      throw AppError.validation([
        {
          field: 'role',
          messageZh: `「${ROLE_LABELS[role].zh}」须设在${ROLE_LEVELS[role].map((l) => ({ county: '县', township: '乡镇', village: '行政村', group: '村民小组' })[l]).join('或')}一级`,
          messageEn: `Role ${ROLE_LABELS[role].en} must be bound to a ${ROLE_LEVELS[role].join(' or ')} unit`,
        },
      ]);
    }
  }

  /** A line-department user pushes exactly one source; nobody else has one. */
  function checkFeedSource(role: Role, feedSource: string | undefined) {
    if (role === 'department' && !feedSource) {
      throw AppError.validation([
        {
          field: 'feedSource',
          messageZh: '行业部门用户须指定数据来源',
          messageEn: 'A department user needs a data source',
        },
      ]);
    }
  }

  async function list(ctx: RequestContext, f: UserFilter & PagingQuery<UserSort> & { afterId: number; limit: number }) {
    requirePermission(ctx, 'users:read');
    const [rows, total] = await Promise.all([
      listUsers(db, ctx.actor.scopePrefix, f),
      countUsers(db, ctx.actor.scopePrefix, f),
    ]);
    const win = pageWindow(f.page !== undefined ? f : { ...f, pageSize: f.pageSize ?? f.limit });
    const cursor = f.page === undefined && (f.sort === undefined || f.sort === 'id');
    return {
      items: rows.map(toRow),
      nextAfterId: cursor && rows.length === win.pageSize ? rows[rows.length - 1].id : null,
      total,
      page: win.page ?? 1,
      pageSize: win.pageSize,
    };
  }

  async function get(ctx: RequestContext, id: number): Promise<UserRow> {
    requirePermission(ctx, 'users:read');
    const user = await findScopedUser(db, ctx.actor.scopePrefix, id);
    if (!user) throw AppError.notFound({ zh: '用户', en: 'User' });
    return toRow(user);
  }

  async function create(
    ctx: RequestContext,
    input: CreateUser,
    opts: { mustChangePassword?: boolean } = {},
  ): Promise<UserRow> {
    requirePermission(ctx, 'users:manage');
    await checkRoleAndOrg(ctx, input.role, input.orgCode);
    checkFeedSource(input.role, input.feedSource);
    if (await usernameTaken(db, input.username)) {
      throw new AppError('CONFLICT', { zh: '用户名已存在', en: 'Username already exists' }, [
        { field: 'username', messageZh: '用户名已存在', messageEn: 'Username already exists' },
      ]);
    }
    const passwordHash = await hashPassword(input.password);
    const id = await db.transaction(async (tx) => {
      const newId = await insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        orgCode: input.orgCode,
        phoneCipher: input.phone ? box.encrypt(input.phone) : null,
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
    return get(ctx, id);
  }

  async function update(ctx: RequestContext, id: number, patch: UpdateUser): Promise<UserRow> {
    requirePermission(ctx, 'users:manage');
    const before = await findScopedUser(db, ctx.actor.scopePrefix, id);
    if (!before) throw AppError.notFound({ zh: '用户', en: 'User' });
    if (id === ctx.actor.id && (patch.active === false || (patch.role && patch.role !== before.role))) {
      throw AppError.validation([
        {
          field: 'role',
          messageZh: '不能停用自己或修改自己的角色',
          messageEn: 'You cannot disable yourself or change your own role',
        },
      ]);
    }
    const role = patch.role ?? before.role;
    const orgCode = patch.orgCode ?? before.orgCode;
    if (patch.role || patch.orgCode) await checkRoleAndOrg(ctx, role, orgCode);
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    await db.transaction(async (tx) => {
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
    return get(ctx, id);
  }

  return { list, get, create, update };
}

export type UsersService = ReturnType<typeof createUsersService>;
