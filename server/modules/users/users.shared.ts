import type { z } from 'zod';
import type { createUserRequest, updateUserRequest, UserRow } from '#common/contracts/users.ts';
import { maskPhone } from '#common/domain/id-card.ts';
import { ROLE_LABELS, ROLE_LEVELS, type Role } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { requireInScope } from '#server/lib/permissions.ts';
import { findUnit } from '../org/index.ts';
import type { UserWithOrg } from './users.repository.ts';

// What the user-account use cases share (users.read.ts, users.write.ts): the deps, a user's row and audit form, the
// checks of a role against its unit and of a department user's data source.

export interface UsersDeps {
  db: Db;
  box: PersonalDataBox;
}

export type CreateUser = z.infer<typeof createUserRequest>;
export type UpdateUser = z.infer<typeof updateUserRequest>;

export const USER = { zh: '用户', en: 'User' };

export function toRow(d: UsersDeps, u: UserWithOrg): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgCode: u.orgCode,
    orgName: u.orgName,
    phoneMasked: u.phoneCipher ? maskPhone(d.box.decrypt(u.phoneCipher)) : null,
    feedSource: u.feedSource,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Audit form of a user: never the password hash or the phone. */
export const auditView = (u: Partial<UserWithOrg>) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  orgCode: u.orgCode,
  active: u.active,
});

const LEVEL_ZH = { county: '县', township: '乡镇', village: '行政村', group: '村民小组' } as const;

/** The unit is in the actor's scope and open, at a level the role is bound to. */
export async function checkRoleAndOrg(d: UsersDeps, ctx: RequestContext, role: Role, orgCode: string) {
  requireInScope(ctx, orgCode);
  const unit = await findUnit(d.db, orgCode);
  if (!unit || unit.validTo) {
    throw AppError.validation([
      { field: 'orgCode', messageZh: '机构不存在或已撤并', messageEn: 'Org unit does not exist or is closed' },
    ]);
  }
  if (!ROLE_LEVELS[role].includes(unit.level)) {
    throw AppError.validation([
      {
        field: 'role',
        messageZh: `「${ROLE_LABELS[role].zh}」须设在${ROLE_LEVELS[role].map((l) => LEVEL_ZH[l]).join('或')}一级`,
        messageEn: `Role ${ROLE_LABELS[role].en} must be bound to a ${ROLE_LEVELS[role].join(' or ')} unit`,
      },
    ]);
  }
}

/** A line-department user pushes exactly one source; nobody else has one. */
export function checkFeedSource(role: Role, feedSource: string | undefined) {
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
