import { createHash } from 'node:crypto';
import type { ActorResponse } from '#common/contracts/auth.ts';
import { scopePrefixOf } from '#common/domain/org-code.ts';
import { PERMISSIONS, can } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import type { Actor } from '#server/lib/context.ts';
import { findSessionUser } from './auth.repository.ts';

// What the sign-in use cases share (auth.login.ts, auth.sessions.ts): the deps, the session's length, the lockout
// settings, the stored form of a token, the actor behind a token.

/** A session lasts one working day; logging in again starts a new one. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Lockout after repeated failures (GUARDLINE_LOGIN_MAX_FAILURES / GUARDLINE_LOGIN_LOCK_MINUTES). */
export interface LoginLockout {
  maxFailures: number;
  minutes: number;
}
export const DEFAULT_LOGIN_LOCKOUT: LoginLockout = { maxFailures: 5, minutes: 15 };

export interface AuthDeps {
  db: Db;
  clock: () => Date;
  lockout: LoginLockout;
}

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

/** The actor behind a cookie token read through `handle` (the pool or a transaction), or undefined. */
export async function resolveWith(d: AuthDeps, handle: Db, token: string) {
  const row = await findSessionUser(handle, tokenHashOf(token), d.clock());
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
