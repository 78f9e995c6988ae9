import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/app-error.ts';
import { useTestApp } from '../test/test-app.ts';
import { fieldPath } from './validation.ts';

const env = useTestApp({
  extend(app) {
    app.get('/api/test/app-error', async () => {
      throw new AppError('CONFLICT', { zh: '冲突', en: 'Conflict' });
    });
    app.get('/api/test/crash', async () => {
      throw new Error('secret internals');
    });
  },
});

describe('errors never crash the process and always carry a request id', () => {
  it('malformed JSON → 400 in Chinese', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' });
    expect(res.json().error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('wrong types → 400 with field-level messages, English on request', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 3, password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message).toBe('Invalid input: see the fields');
    expect(error.fields).toEqual([
      { field: 'username', messageZh: expect.stringContaining('string'), messageEn: expect.stringContaining('number') },
    ]);
  });

  it('oversized body → 413', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unknown API route → 404 JSON', async () => {
    const res = await env.app.inject({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('bad query parameter → 400 naming the parameter', async () => {
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({ url: '/api/org/units/12345', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'params.code', messageZh: '区划代码须为 12 位数字' });
  });

  it('an AppError maps once to its status; an unknown error is a generic 500', async () => {
    const conflict = await env.app.inject({ url: '/api/test/app-error' });
    expect(conflict.statusCode).toBe(409);
    const crash = await env.app.inject({ url: '/api/test/crash' });
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('secret internals');
    expect(crash.json().error.message).toContain(crash.json().error.requestId);
    expect((await env.app.inject({ url: '/api/health' })).json()).toEqual({
      status: 'ok',
      database: env.database.kind,
    });
  });
});

describe('field paths', () => {
  it.each([
    [undefined, ['members', 1, 'idNumber'], 'members[1].idNumber'],
    [undefined, ['period'], 'period'],
    ['query', ['limit'], 'query.limit'],
    [undefined, ['rows', 0, 'cells', 2], 'rows[0].cells[2]'],
    [undefined, [], ''],
  ] as const)('%s %j → %s', (prefix, path, expected) => {
    expect(fieldPath(prefix, path)).toBe(expected);
  });
});
