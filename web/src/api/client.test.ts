// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n/language.ts';
import { ApiError, api, setPasswordChangeRequiredHandler, setUnauthorizedHandler } from './client.ts';

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const errorBody = {
  error: {
    code: 'VALIDATION',
    message: '输入有误',
    messageZh: '输入有误',
    messageEn: 'Invalid input',
    requestId: 'r-1',
    fields: [{ field: 'username', messageZh: '用户名太短', messageEn: 'too short' }],
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
  setLanguage('zh-CN');
});

describe('api client', () => {
  it('sends the UI language and drops empty query values', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { items: [] }));
    vi.stubGlobal('fetch', fetchMock);
    setLanguage('en');
    await api.get('/api/users', { q: '', afterId: 0, limit: 50, extra: undefined });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/users?afterId=0&limit=50');
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en');
  });

  it('turns the error envelope into an ApiError with field errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(400, errorBody)),
    );
    const error = await api.post('/api/users', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.fields[0].field).toBe('username');
    expect(apiError.messageIn('zh-CN')).toBe('输入有误');
    expect(apiError.messageIn('en')).toBe('Invalid input');
    expect(apiError.requestId).toBe('r-1');
  });

  it('reports an expired session, but not a failed login', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(401, errorBody)),
    );
    await api.post('/api/auth/login', {}).catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await api.get('/api/users').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('reports a refusal until the password is changed, but not other 403s', async () => {
    const onPasswordChangeRequired = vi.fn();
    setPasswordChangeRequiredHandler(onPasswordChangeRequired);
    const refusal = (code: string) => ({ error: { ...errorBody.error, code, fields: undefined } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(403, refusal('FORBIDDEN'))),
    );
    await api.get('/api/users').catch(() => undefined);
    expect(onPasswordChangeRequired).not.toHaveBeenCalled();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(403, refusal('PASSWORD_CHANGE_REQUIRED'))),
    );
    const error = (await api.get('/api/users').catch((caught: unknown) => caught)) as ApiError;
    expect(error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(onPasswordChangeRequired).toHaveBeenCalledOnce();
  });

  it('explains an unreachable server in both languages', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    const error = (await api.get('/api/health').catch((caught: unknown) => caught)) as ApiError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.messageIn('zh-CN')).toContain('无法连接服务器');
  });
});
