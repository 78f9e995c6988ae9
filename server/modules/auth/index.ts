// The auth module's public API for other modules (users, http/session): the service factory, its type, and
// ending a user's sessions (password reset, deactivation). Routes are registered by server/app.ts.
export { createAuthService, type AuthService } from './auth.service.ts';
export { deleteUserSessions } from './auth.repository.ts';
