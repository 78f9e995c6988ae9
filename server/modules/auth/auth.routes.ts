import { actorResponse, changePasswordRequest, loginRequest, okResponse } from '#common/contracts/auth.ts';
import { clearSessionCookie, requireCtx, setSessionCookie } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import { actorToResponse, type AuthService } from './auth.service.ts';

export function authRoutes(
  app: App,
  auth: AuthService,
  opts: { secureCookies: boolean; attemptsPerMinute: number; passwordChecksPerMinute: number },
): void {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: loginRequest, response: { 200: actorResponse } },
      // Per address and username: guessing passwords is slow, and one user cannot lock out an office.
      config: {
        rateLimit: {
          hook: 'preHandler',
          max: opts.attemptsPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (req) => `${req.ip}|${(req.body as { username?: string })?.username ?? ''}`,
        },
      },
    },
    async (req, reply) => {
      const session = await auth.login(req.body.username, req.body.password, req.id, req.ip);
      setSessionCookie(reply, session.token, session.expiresAt, opts.secureCookies || req.protocol === 'https');
      return actorToResponse(session.actor, session.mustChangePassword);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okResponse } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      await auth.logout(ctx, req.sessionToken!);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: actorResponse } } },
    async (req) => {
      const ctx = requireCtx(req);
      const session = await auth.resolve(req.sessionToken!);
      return actorToResponse(ctx.actor, session?.mustChangePassword ?? false);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: '修改密码', body: changePasswordRequest, response: { 200: okResponse } },
      // The current-password check is a password oracle for a stolen session: per user (or address), a few a minute.
      config: {
        rateLimit: {
          hook: 'preHandler',
          max: opts.passwordChecksPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (req) => (req.ctx ? `user:${req.ctx.actor.id}` : `ip:${req.ip}`),
        },
      },
    },
    async (req) => {
      await auth.changePassword(requireCtx(req), req.sessionToken!, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
