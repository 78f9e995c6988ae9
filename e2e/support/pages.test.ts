import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '#server/demo.ts';
import { APP_PAGES, DEMO_LOGINS, REDIRECT_PATHS } from './pages.ts';

// The every-page list cannot forget a page: every route path written in the route files is in it.

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'src');
const read = (file: string) => readFileSync(path.join(WEB, file), 'utf8');

/** Route paths in a route file: `path="…"`, `path={CONSTANT}` and `guarded('…'`. */
function routePaths(source: string, constants: Record<string, string>): string[] {
  const paths: string[] = [];
  for (const m of source.matchAll(/\bpath=(?:"([^"]+)"|\{([A-Z_]+)\})|guarded\(\s*'([^']+)'/g)) {
    const value = m[1] ?? m[3] ?? constants[m[2]];
    if (value === undefined) throw new Error(`unknown route constant ${m[2]}`);
    paths.push(value);
  }
  return paths;
}

function allRoutePaths(): string[] {
  const constants = Object.fromEntries(
    [...read('auth/RequireAuth.tsx').matchAll(/export const ([A-Z_]+) = '([^']+)'/g)].map((m) => [m[1], m[2]]),
  );
  const files = [
    'AppRoutes.tsx',
    ...readdirSync(path.join(WEB, 'pages'))
      .filter((dir) => {
        try {
          return readdirSync(path.join(WEB, 'pages', dir)).includes('routes.tsx');
        } catch {
          return false;
        }
      })
      .map((dir) => `pages/${dir}/routes.tsx`),
  ];
  const paths = files.flatMap((file) => routePaths(read(file), constants));
  // The registry mounts its own routes under /registry/*: relative paths, an index route.
  const registry = read('pages/registry/RegistryRoutes.tsx');
  const nested = routePaths(registry, constants).map((p) => (p === '*' ? '*' : `/registry/${p}`));
  if (/<Route index/.test(registry)) nested.push('/registry');
  if (/<Route index/.test(read('AppRoutes.tsx'))) paths.push('/');
  return [...paths.filter((p) => p !== '/registry/*'), ...nested];
}

describe('the every-page list', () => {
  it('names every route of the route files (a new page cannot be forgotten)', () => {
    const listed = new Set([...APP_PAGES.map((p) => p.path), ...REDIRECT_PATHS]);
    const routes = allRoutePaths();
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((p) => !listed.has(p))).toEqual([]);
  });

  it('names no page that is not a route, each page once, with a Chinese name', () => {
    const routes = new Set(allRoutePaths());
    expect(APP_PAGES.map((p) => p.path).filter((p) => !routes.has(p))).toEqual([]);
    expect(REDIRECT_PATHS.filter((p) => !routes.has(p))).toEqual([]);
    expect(new Set(APP_PAGES.map((p) => p.path)).size).toBe(APP_PAGES.length);
    expect(new Set(APP_PAGES.map((p) => p.id)).size).toBe(APP_PAGES.length);
    for (const p of APP_PAGES) expect(p.name, p.path).toMatch(/^[\u4e00-\u9fff（）]+$/);
    // Routes with parameters say how to get there.
    for (const p of APP_PAGES.filter((e) => e.path.includes(':'))) expect(p.reach ?? p.url, p.path).toBeDefined();
  });

  it('signs in with the demo users’ passwords', () => {
    for (const [username, password] of Object.entries(DEMO_LOGINS)) {
      expect(DEMO_USERS.find((u) => u.username === username)?.password, username).toBe(password);
    }
  });
});
