import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type AppErrorCode, type FieldError } from '../lib/app-error.ts';
import { RequestValidationError } from './validation.ts';

// The only place that maps errors to HTTP. Nothing reaches the client as a stack trace.

export const STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export function wantsEnglish(req: FastifyRequest): boolean {
  return /^en\b/i.test(String(req.headers['accept-language'] ?? ''));
}

function send(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  zh: string,
  en: string,
  fields?: FieldError[],
) {
  return reply.status(status).send({
    error: {
      code,
      message: wantsEnglish(req) ? en : zh,
      messageZh: zh,
      messageEn: en,
      requestId: req.id,
      ...(fields ? { fields } : {}),
    },
  });
}

/** Fastify's own client errors (bad JSON, oversized body, wrong content type) become AppError-shaped 4xx. */
function fromFastify(error: FastifyError): AppError | null {
  const status = error.statusCode ?? 500;
  if (status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { zh: '请求内容过大', en: 'Request body too large' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('BAD_REQUEST', { zh: '不支持的内容类型', en: 'Unsupported content type' });
  }
  if (status === 429)
    return new AppError('RATE_LIMITED', { zh: '操作过于频繁，请稍后再试', en: 'Too many requests, try again later' });
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', { zh: '请求内容过大', en: 'Request body too large' });
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/.test(error.message)) {
    return new AppError('BAD_REQUEST', { zh: '请求内容不是有效的 JSON', en: 'Request body is not valid JSON' });
  }
  return new AppError('BAD_REQUEST', { zh: '请求无效', en: `Bad request: ${error.message}` });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof RequestValidationError) {
      return send(
        req,
        reply,
        400,
        'VALIDATION',
        '输入有误，请检查标出的字段',
        'Invalid input: see the fields',
        error.fields,
      );
    }
    const appError = error instanceof AppError ? error : fromFastify(error);
    if (appError) {
      return send(
        req,
        reply,
        STATUS[appError.code],
        appError.code,
        appError.messageZh,
        appError.messageEn,
        appError.fields,
      );
    }
    req.log.error({ err: error }, 'unhandled error');
    return send(
      req,
      reply,
      500,
      'INTERNAL',
      `服务器内部错误，请联系管理员（请求号 ${req.id}）`,
      `Internal error (request ${req.id})`,
    );
  });

  app.setNotFoundHandler((req, reply) =>
    send(
      req,
      reply,
      404,
      'NOT_FOUND',
      `接口不存在：${req.method} ${req.url}`,
      `No such route: ${req.method} ${req.url}`,
    ),
  );
}
