// A small typed fetch wrapper. Request and response types come from common/contracts (type-only
// imports, so zod never reaches the browser bundle); the server validates every request anyway.
import type { ErrorResponse } from '#common/contracts/errors.ts';
import { getLanguage, type Language } from '../i18n/language.ts';
import { translate } from '../i18n/useI18n.ts';

export type FieldError = NonNullable<ErrorResponse['error']['fields']>[number];

/** The API's error envelope as an exception; `fields` lets forms mark the offending inputs. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly requestId: string | null;
  readonly fields: FieldError[];

  constructor(status: number, body: ErrorResponse['error'] | null, fallback: { zh: string; en: string }) {
    super(body?.message ?? fallback.zh);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`);
    this.messageZh = body?.messageZh ?? fallback.zh;
    this.messageEn = body?.messageEn ?? fallback.en;
    this.requestId = body?.requestId ?? null;
    this.fields = body?.fields ?? [];
  }

  messageIn(language: Language): string {
    return language === 'en' ? this.messageEn : this.messageZh;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

let onUnauthorized: (() => void) | null = null;

/** Called when a request other than login/me is answered 401: the session has expired. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** The server's answer to any call but me/password/logout while the initial password is unchanged. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

let onPasswordChangeRequired: (() => void) | null = null;

/** Called when the server refuses a request until the password is changed (403 PASSWORD_CHANGE_REQUIRED). */
export function setPasswordChangeRequiredHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function bilingual(key: Parameters<typeof translate>[1]) {
  return { zh: translate('zh-CN', key), en: translate('en', key) };
}

async function readErrorBody(response: Response): Promise<ErrorResponse['error'] | null> {
  try {
    const parsed = (await response.json()) as Partial<ErrorResponse>;
    return parsed.error && typeof parsed.error.code === 'string' ? parsed.error : null;
  } catch {
    return null;
  }
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLanguage() === 'en' ? 'en' : 'zh-CN',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, null, bilingual('common.networkError'));
  }

  if (!response.ok) {
    const body = await readErrorBody(response);
    const isSessionProbe = path === '/api/auth/me' || path === '/api/auth/login';
    if (response.status === 401 && !isSessionProbe) onUnauthorized?.();
    if (response.status === 403 && body?.code === PASSWORD_CHANGE_REQUIRED) onPasswordChangeRequired?.();
    throw new ApiError(response.status, body, bilingual('common.errorTitle'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
};

/**
 * Uploads a department sheet (.xlsx, multipart field `file`) to an import endpoint (`path` with its query, the dry-run
 * flag included) and answers the endpoint's report; a network failure or an error answer is an ApiError.
 */
export async function uploadSheet<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': getLanguage() === 'en' ? 'en' : 'zh-CN' },
    });
  } catch {
    throw new ApiError(0, null, { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server.' });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
    throw new ApiError(response.status, body?.error ?? null, { zh: '上传失败，请重试', en: 'The upload failed.' });
  }
  return (await response.json()) as T;
}

/** A printed file (PDF) as a blob; a refusal becomes an ApiError with the server's error body. */
export async function fetchPdf(url: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null, { zh: '网络连接失败，请稍后重试', en: 'Network error, please retry' });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: ConstructorParameters<typeof ApiError>[1] } | null;
    throw new ApiError(res.status, body?.error ?? null, {
      zh: `PDF 生成失败（${res.status}）`,
      en: `PDF failed (${res.status})`,
    });
  }
  return res.blob();
}
