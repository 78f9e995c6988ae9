import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { FEED_SOURCE_CODES } from '../domain/feeds/sources.ts';
import { orgCode } from './org.ts';
import { pageMeta, pagingFields } from './paging.ts';

export const userRow = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgCode: z.string(),
  orgName: z.string(),
  phoneMasked: z.string().nullable(),
  feedSource: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRow>;

export const createUserRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { message: '用户名为 3-32 位字母、数字或 _.- / 3-32 letters, digits or _.-' }),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(ROLES),
  orgCode,
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/)
    .optional(),
  /** Required for 行业部门 users: the data source they push. */
  feedSource: z.enum(FEED_SOURCE_CODES).optional(),
  password: z.string().min(10).max(200),
});

export const updateUserRequest = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  role: z.enum(ROLES).optional(),
  orgCode: orgCode.optional(),
  active: z.boolean().optional(),
  password: z.string().min(10).max(200).optional(),
});

export const USER_SORTS = ['id', 'username', 'displayName', 'role', 'org', 'createdAt', 'active'] as const;
export const userListQuery = z.object({
  q: z.string().trim().max(40).optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
  /** Older callers (no `page`): the `limit` users after this id. */
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...pagingFields(USER_SORTS),
});
export const userPage = z.object({
  items: z.array(userRow),
  nextAfterId: z.number().int().nullable(),
  ...pageMeta,
});

export const userIdParams = z.object({ id: z.coerce.number().int().positive() });
