import { describe, expect, it } from 'vitest';
import { householdRequest } from '../test/factories.ts';
import { useTestApp } from '../test/test-app.ts';

// Issue #13 §10: a NUL byte anywhere in the input is a 400 with a field message, never a 500
// (PostgreSQL refuses 0x00 in text, so it must not reach a query).

const env = useTestApp();

describe('NUL bytes in input', () => {
  it.each([
    ['a query string', 'GET', '/api/registry/households?q=%E7%8E%8B%00', undefined, 'q'],
    ['a query string of a search by name', 'GET', '/api/users?q=li%00', undefined, 'q'],
    ['a path parameter', 'GET', '/api/org/units/140521%00', undefined, 'code'],
    [
      'a JSON body',
      'POST',
      '/api/registry/households',
      { ...householdRequest(), address: '东庄村\u0000一组' },
      'address',
    ],
  ] as const)('in %s answers 400 naming the field', async (_what, method, url, payload, field) => {
    const res = await env.app.inject({ method, url, payload, headers: { cookie: await env.login('county_admin') } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({
      field: expect.stringContaining(field),
      messageZh: '不能包含空字符（NUL）',
    });
  });
});
