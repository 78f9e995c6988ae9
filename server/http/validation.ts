import type { FastifySchemaCompiler } from 'fastify';
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
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues.map((i) => issueToField(i, part))) };
  };
