import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.ts';

// A file upload (multipart/form-data) is a request another site's page can send without a preflight.
// When the browser says where the page came from (Origin), it must be this site (the Host the request
// was sent to, or the proxy's X-Forwarded-Host with GUARDLINE_TRUST_PROXY=1); otherwise 403. Scripts and
// the CLI send no Origin and are not affected.

export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false; // "null" (sandboxed pages, privacy redirects) or garbage
  }
}

export function registerUploadOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD') return;
    if (!/^multipart\/form-data\b/i.test(String(req.headers['content-type'] ?? ''))) return;
    if (!sameOrigin(req)) {
      throw new AppError('FORBIDDEN', {
        zh: '拒绝来自其他网站的文件上传',
        en: 'File uploads from another site are refused',
      });
    }
  });
}
