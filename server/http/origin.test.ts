import { describe, expect, it } from 'vitest';
import { multipart } from '../modules/attachments/attachments.test-support.ts';
import { useTestApp } from '../test/test-app.ts';

// Issue #13 §10: file uploads check Origin — the same origin as Host, else 403.

const env = useTestApp();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('x')]);

async function upload(url: string, headers: Record<string, string>) {
  const up = multipart({ ownerKind: 'visit' }, { name: 'a.png', type: 'image/png', data: PNG });
  return env.app.inject({
    method: 'POST',
    url,
    headers: { cookie: await env.login('village_officer'), host: '192.168.1.20:3000', ...up.headers, ...headers },
    payload: up.payload,
  });
}

describe('the Origin of file uploads', () => {
  it.each([
    ['another site', 'https://evil.example', 403],
    ['the same address on another port', 'http://192.168.1.20:8080', 403],
    ['a sandboxed page', 'null', 403],
    ['this site', 'http://192.168.1.20:3000', 200],
  ])('from %s (%s) → %s', async (_what, origin, status) => {
    const res = await upload('/api/attachments', { origin });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 403) expect(res.json().error.messageZh).toBe('拒绝来自其他网站的文件上传');
  });

  it('applies to every upload route (household import, department feed)', async () => {
    for (const url of ['/api/registry/import', '/api/feeds/import']) {
      expect((await upload(url, { origin: 'https://evil.example' })).statusCode, url).toBe(403);
    }
  });

  it('a client that sends no Origin (a script, the CLI) is not affected', async () => {
    expect((await upload('/api/attachments', {})).statusCode).toBe(200);
  });
});
