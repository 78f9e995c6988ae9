import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const actorResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgCode: z.string(),
  orgName: z.string(),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type ActorResponse = z.infer<typeof actorResponse>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, { message: '新密码至少 10 个字符 / at least 10 characters' }).max(200),
});

export const okResponse = z.object({ ok: z.literal(true) });
