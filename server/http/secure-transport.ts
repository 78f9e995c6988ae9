import type { FastifyInstance, FastifyRequest } from 'fastify';

// A county intranet often serves plain http on a LAN address. HSTS and the CSP directive
// upgrade-insecure-requests would make the browser fetch every script over https there and leave
// the page blank, so they are sent only when the request arrived over https (TLS here, or a proxy's
// X-Forwarded-Proto with GUARDLINE_TRUST_PROXY=1) or when GUARDLINE_HTTPS=1 says the site is TLS-only.

export const HSTS = 'max-age=31536000; includeSubDomains';

export function overHttps(req: FastifyRequest, always: boolean): boolean {
  return always || req.protocol === 'https';
}

export function registerSecureTransport(app: FastifyInstance, always: boolean): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!overHttps(req, always)) return payload;
    reply.header('strict-transport-security', HSTS);
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests'))
      reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    return payload;
  });
}
