import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { helpRoutes } from './help.routes.ts';

// /api/help serves docs/manual to signed-in users: only the listed pages and img/*.png, nothing else on disk.

const dir = mkdtempSync(path.join(tmpdir(), 'guardline-manual-'));
mkdirSync(path.join(dir, 'img'));
writeFileSync(path.join(dir, 'README.md'), '# 使用手册\n');
writeFileSync(path.join(dir, 'cadre.md'), '# 帮扶干部\n![走访](img/cadre-visit-phone.png)\n');
writeFileSync(path.join(dir, 'secret.md'), '# not listed\n');
writeFileSync(path.join(dir, 'img', 'cadre-visit-phone.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The real routes on the real manual are registered by buildApp; a second copy under /test reads the fixture.
const env = useTestApp({
  extend: (app) =>
    app.register(async (scoped) => helpRoutes(scoped as unknown as Parameters<typeof helpRoutes>[0], dir), {
      prefix: '/test',
    }),
});

describe('/api/help', () => {
  it('needs a session', async () => {
    expect((await env.app.inject({ url: '/api/help/manual/README' })).statusCode).toBe(401);
    expect((await env.app.inject({ url: '/api/help/img/cadre-visit-phone.png' })).statusCode).toBe(401);
  });

  it('sends a listed page as markdown and its screenshot as a PNG', async () => {
    const cookie = await env.login('cadre');
    const page = await env.app.inject({ url: '/test/api/help/manual/cadre', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ page: 'cadre', markdown: expect.stringContaining('# 帮扶干部') });
    const image = await env.app.inject({ url: '/test/api/help/img/cadre-visit-phone.png', headers: { cookie } });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it.each([
    ['a file in the folder that is not a manual page', '/test/api/help/manual/secret', 404],
    ['a listed page missing on disk', '/test/api/help/manual/auditor', 404],
    ['a path out of the folder', '/test/api/help/manual/..%2F..%2Fpackage', 400],
    ['a screenshot that does not exist', '/test/api/help/img/none.png', 404],
    ['a file that is not a screenshot', '/test/api/help/img/..%2Fcadre.md', 400],
  ])('refuses %s', async (_what, url, status) => {
    const cookie = await env.login('cadre');
    const res = await env.app.inject({ url, headers: { cookie } });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('serves the real manual: the index and every role page', async () => {
    const cookie = await env.login('auditor');
    for (const page of ['README', 'county-admin', 'village-officer', 'auditor']) {
      const res = await env.app.inject({ url: `/api/help/manual/${page}`, headers: { cookie } });
      expect(res.statusCode, page).toBe(200);
    }
  });
});
