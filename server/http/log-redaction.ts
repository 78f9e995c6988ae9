// Request URLs reach the log; search terms can be a full ID number, a name or a phone. The logged
// URL keeps the path and parameter names; values are kept only for the parameters listed here as
// codes, ids, dates and switches (every query parameter of every route is checked against this list
// by log-redaction.test.ts). Anything else — `q` and any parameter added later — is redacted.
// Request bodies are never logged; a failed query's bound parameters are cut from logged errors.

export const LOGGED_PARAMS = new Set([
  'asOf',
  'includeClosed',
  'depth',
  'limit',
  'afterId',
  'beforeId',
  'entity',
  'entityId',
  'actorId',
  'from',
  'to',
  'orgCode',
  'kind',
  'monitoringStatus',
  'period',
  'year',
  'type',
  'status',
  'entryStage',
  'mine',
  'projectId',
  'category',
  'ownerLevel',
  'villageCode',
  'purpose',
  'decided',
  'channel',
  'riskType',
  'ruleCode',
  'householdId',
  'cadreUserId',
  'activeOnly',
  'code',
  'ownerKind',
  'ownerId',
  'stage',
  'due',
  'dataSet',
  'org',
  'element',
  'boundaries',
  'dryRun',
  'skipInvalid',
  'source',
  'village',
]);

export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decodeURIComponentSafe(eq < 0 ? pair : pair.slice(0, eq));
      return !LOGGED_PARAMS.has(key) && eq >= 0 ? `${pair.slice(0, eq)}=[redacted]` : pair;
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
export function requestSerializer(req: {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** Cuts the bound parameters (search terms, hashes) out of a failed query's message ("…\nparams: …"). */
export function redactQueryParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
}

/** pino serializer for `err`: type, message and stack with a failed query's parameters cut out. */
export function errorSerializer(err: Error & { code?: unknown; cause?: unknown }) {
  const cause =
    err.cause instanceof Error
      ? {
          type: err.cause.name,
          message: redactQueryParams(err.cause.message),
          code: (err.cause as { code?: unknown }).code,
        }
      : undefined;
  return {
    type: err.name,
    message: redactQueryParams(err.message),
    code: err.code,
    stack: redactQueryParams(err.stack ?? ''),
    cause,
  };
}
