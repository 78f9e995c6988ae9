import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Every file Guardline hands out goes through here: the content type, the Chinese file name (RFC 6266
// with an RFC 5987 `filename*`, and an ASCII fallback for old clients), no caching, and a streamed body
// whose writer's failure ends the download instead of hanging it. Exports audit in their services
// before calling this, so no byte leaves unaudited.

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/** `attachment; filename="ledger.xlsx"; filename*=UTF-8''%E7%9B%91…` — the fallback keeps ASCII letters, digits and the extension. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  const fallback = `${stem || 'download'}${ext}`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export interface Download {
  fileName: string;
  contentType: string;
  /** A buffer, a stream, or a writer streaming into the response. */
  body: Buffer | Readable | ((out: Writable) => Promise<void>);
  disposition?: 'attachment' | 'inline';
  /** Extra headers (content-length of a stored file, a private cache rule). */
  headers?: Record<string, string | number>;
}

export function sendDownload(req: FastifyRequest, reply: FastifyReply, d: Download): FastifyReply {
  let body: Buffer | Readable;
  if (typeof d.body === 'function') {
    const stream = new PassThrough();
    d.body(stream)
      .then(() => {
        if (!stream.writableEnded) stream.end();
      })
      .catch((err: unknown) => {
        req.log.error({ err, file: d.fileName }, 'download failed while streaming');
        stream.destroy(err instanceof Error ? err : new Error(String(err)));
      });
    body = stream;
  } else body = d.body;
  reply
    .header('content-type', d.contentType)
    .header('content-disposition', contentDisposition(d.fileName, d.disposition))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(d.headers ?? {})) reply.header(name, value);
  return reply.send(body);
}

/** An .xlsx streamed by `write`. */
export function sendXlsx(
  req: FastifyRequest,
  reply: FastifyReply,
  fileName: string,
  write: (out: Writable) => Promise<void>,
): FastifyReply {
  return sendDownload(req, reply, { fileName, contentType: CONTENT_TYPES.xlsx, body: write });
}
