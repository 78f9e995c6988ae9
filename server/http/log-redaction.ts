// Request URLs reach the log; search terms can be a full ID number, a name or a phone. The logged
// URL keeps the path and parameter names and replaces the values of personal search parameters.

const PERSONAL_PARAMS = new Set(['q', 'idNumber', 'name', 'phone']);

export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decodeURIComponentSafe(eq < 0 ? pair : pair.slice(0, eq));
      return PERSONAL_PARAMS.has(key) && eq >= 0 ? `${pair.slice(0, eq)}=[redacted]` : pair;
    });
  return `${url.slice(0, at)}?${params.join('&')}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** pino serializer for `req`: what fastify logs by default, with the URL redacted. */
export function requestSerializer(req: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: req.method, url: redactUrl(req.url), host: req.hostname, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}
