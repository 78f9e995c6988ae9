import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.ts';
import type { RequestContext } from '../lib/context.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';

// The session cookie becomes a RequestContext here; routes never read cookies themselves.

export const SESSION_COOKIE = 'gl_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext | null;
    sessionToken: string | null;
  }
}

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
    }
  });
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
