import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'guardline-web-'));
const app = Fastify();

beforeAll(async () => {
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>防返贫监测</title>');
  writeFileSync(path.join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'index-Bx3k9.js'), 'export {}');
  expect(await registerWebApp(app, root)).toBe(true);
  app.get('/api/health', async () => ({ status: 'ok' }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web app', () => {
  it('keeps content-hashed assets for a year without asking again', async () => {
    const res = await app.inject('/assets/index-Bx3k9.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('asks again for the app shell and unhashed files on every load, and answers 304 when unchanged', async () => {
    for (const url of ['/', '/registry/households/12', '/favicon.svg']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      const again = await app.inject({ url, headers: { 'if-none-match': String(res.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
    }
    expect((await app.inject('/registry/households/12')).body).toContain('防返贫监测');
  });

  it('leaves unknown API paths to the API (404), not to the app shell', async () => {
    expect((await app.inject('/api/nothing-here')).statusCode).toBe(404);
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok' });
  });

  it('registers nothing when the app is not built', async () => {
    const bare = Fastify();
    expect(await registerWebApp(bare, path.join(root, 'missing'))).toBe(false);
    await bare.close();
  });
});
