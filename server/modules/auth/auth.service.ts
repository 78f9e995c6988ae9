import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { login } from './auth.login.ts';
import { changePassword, logout, resolve } from './auth.sessions.ts';
import { DEFAULT_LOGIN_LOCKOUT, type AuthDeps, type LoginLockout } from './auth.shared.ts';

// Sign-in. One factory composing the use cases: signing in with the lockout (auth.login.ts), the session's actor,
// signing out and changing the password (auth.sessions.ts), what they share (auth.shared.ts).

export {
  actorToResponse,
  DEFAULT_LOGIN_LOCKOUT,
  SESSION_TTL_MS,
  tokenHashOf,
  type LoginLockout,
} from './auth.shared.ts';

export function createAuthService(
  db: Db,
  clock: () => Date = () => new Date(),
  lockout: LoginLockout = DEFAULT_LOGIN_LOCKOUT,
) {
  const d: AuthDeps = { db, clock, lockout };
  return {
    login: bindDeps(d, login),
    resolve: bindDeps(d, resolve),
    logout: bindDeps(d, logout),
    changePassword: bindDeps(d, changePassword),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
