import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.ts';
import type { RequestContext } from '../lib/context.ts';
import type { AuthService } from '../modules/auth/index.ts';

// The session cookie becomes a RequestContext here; routes never read cookies themselves.

export const SESSION_COOKIE = 'gl_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext | null;
    sessionToken: string | null;
  }
}

/** What an account that still has its initial or reset password may call (the server enforces it, not only the web app). */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/health']);

export const passwordChangeRequired = () =>
  new AppError('PASSWORD_CHANGE_REQUIRED', {
    zh: '请先修改初始密码后再继续操作',
    en: 'Change your initial password before you continue',
  });

export function registerSession(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await auth.resolve(token);
    if (session) {
      req.ctx = { actor: session.actor, requestId: req.id };
      req.sessionToken = token;
      const path = req.url.split('?')[0];
      if (session.mustChangePassword && path.startsWith('/api/') && !OPEN_BEFORE_PASSWORD_CHANGE.has(path))
        throw passwordChangeRequired();
    }
  });
}

/** A hook for routes outside the API's own (the API description): a live session that may work, else 401/403. */
export function requireSignedIn(auth: AuthService) {
  return async (req: FastifyRequest): Promise<void> => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await auth.resolve(token) : undefined;
    if (!session) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
    if (session.mustChangePassword) throw passwordChangeRequired();
  };
}

/** The context of a signed-in actor; 401 otherwise. */
export function requireCtx(req: FastifyRequest): RequestContext {
  if (!req.ctx) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
  return req.ctx;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
