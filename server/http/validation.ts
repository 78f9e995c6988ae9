import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { FieldError } from '../lib/app-error.ts';

// Our own zod validator for routes, so that each issue keeps its path and can be told in Chinese and English.

const zhErrorMap = z.locales.zhCN().localeError;
const enErrorMap = z.locales.en().localeError;

export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly fields: FieldError[],
  ) {
    super(`invalid ${part}`);
  }
}

function message(map: typeof zhErrorMap, issue: z.core.$ZodIssue): string {
  const out = map(issue as never);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}

/** One spelling for every field path, the domain rules' own: `members[1].idNumber`. */
export function fieldPath(prefix: string | undefined, path: readonly PropertyKey[]): string {
  let out = prefix ?? '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

/** Custom schema messages are written "中文 / English"; otherwise zod's own locales speak. */
export function issueToField(issue: z.core.$ZodIssue, prefix?: string): FieldError {
  const field = fieldPath(prefix, issue.path) || (prefix ?? '');
  const custom = issue.message.includes(' / ') ? issue.message.split(' / ') : null;
  return {
    field,
    messageZh: custom ? custom[0] : message(zhErrorMap, issue),
    messageEn: custom ? custom.slice(1).join(' / ') : message(enErrorMap, issue),
  };
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const part = httpPart === 'body' ? undefined : httpPart;
    return {
      error: new RequestValidationError(
        httpPart ?? 'body',
        result.error.issues.map((i) => issueToField(i, part)),
      ),
    };
  };

/** The path of the first string holding a NUL byte (PostgreSQL refuses 0x00 in text), or null. */
export function findNul(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], [...path, i]);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, v] of Object.entries(value)) {
      const hit = findNul(key, [...path, key]) ?? findNul(v, [...path, key]);
      if (hit) return hit;
    }
  }
  return null;
}

/** Every route: a NUL byte in the query, path parameters or a parsed body is a 400 naming the field, before any query runs. */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const parts: [string | undefined, string, unknown][] = [
      ['querystring', 'querystring', req.query],
      ['params', 'params', req.params],
      [undefined, 'body', req.body],
    ];
    for (const [prefix, part, data] of parts) {
      const hit = findNul(data);
      if (hit)
        throw new RequestValidationError(part, [
          {
            field: fieldPath(prefix, hit) || part,
            messageZh: '不能包含空字符（NUL）',
            messageEn: 'Must not contain a NUL character',
          },
        ]);
    }
  });
}
