import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/test-app.ts';
import { ERROR_CODES } from './api-docs.ts';
import { STATUS } from './errors.ts';

// Issue #16 §10: the API description says how to sign in, that money is in fen and dates are China days,
// and lists the error shape and every error code; each operation lists its error responses.

const env = useTestApp();

async function openApi() {
  const res = await env.app.inject({ url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('the OpenAPI document', () => {
  it('says how to sign in: the login route, the session cookie, the password change, no CSRF token', async () => {
    const doc = await openApi();
    const text: string = doc.info.description;
    for (const words of [
      'POST /api/auth/login',
      'gl_session',
      'HttpOnly',
      'SameSite=Lax',
      '/api/auth/password',
      'CSRF',
    ])
      expect(text).toContain(words);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'gl_session' });
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
  });

  it('says money is in fen and dates are China days', async () => {
    const text: string = (await openApi()).info.description;
    expect(text).toMatch(/单位为分（fen，1 元 = 100 分）/);
    expect(text).toContain('integer number of fen');
    expect(text).toContain('UTC+8');
  });

  it('lists every error code with its HTTP status, and the error body', async () => {
    const doc = await openApi();
    const text: string = doc.info.description;
    // Every code the server can send (errors.ts maps them) has a row, with the status errors.ts sends.
    expect(Object.keys(ERROR_CODES).sort()).toEqual([...Object.keys(STATUS), 'INTERNAL'].sort());
    for (const [code, { status }] of Object.entries(ERROR_CODES)) expect(text).toContain(`| ${status} | \`${code}\` |`);
    expect(Object.keys(doc.components.schemas.ErrorResponse.properties.error.properties).sort()).toEqual(
      ['code', 'fields', 'message', 'messageEn', 'messageZh', 'requestId'].sort(),
    );
  });

  it('lists the error responses on each operation', async () => {
    const doc = await openApi();
    const search = doc.paths['/api/registry/households'].get.responses;
    for (const status of ['400', '401', '403', '404', '409', '429', '500']) {
      expect(search[status], status).toBeDefined();
      const body = search[status].content['application/json'].schema;
      expect(Object.keys(body.properties.error.properties)).toContain('messageZh');
    }
    expect(search['401'].description).toContain('UNAUTHENTICATED');
    expect(search['403'].description).toContain('PASSWORD_CHANGE_REQUIRED');
    expect(search['200']).toBeDefined();
  });
});
