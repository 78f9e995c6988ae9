import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm ci --omit=dev && npm start` installs only `dependencies`, then builds the web app and runs the server.
// Every package imported by code that runs there (server, common, web sources, the vite config and the start
// scripts; not tests, test support, benches, e2e or the drizzle-kit config) must therefore be a dependency, not a devDependency.

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'dist', 'test', 'migrations'].includes(entry.name) ? [] : sourceFiles(rel);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$|test-support|drizzle\.config/.test(entry.name)
      ? [rel]
      : [];
  });
}

/**
 * The package a bare import specifier names: `antd/es/x` → `antd`, `@scope/pkg/x` → `@scope/pkg`. A subpath import
 * (`#server/…`, package.json "imports") is this package's own file.
 */
export function packageOf(specifier: string): string | null {
  if (/^[./#]/.test(specifier) || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  const typeOnly = new Set(
    [...text.matchAll(/(?:^|\n)\s*import\s+type\b[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!),
  );
  return [...found.filter((s) => !typeOnly.has(s)), ...dynamic];
}

describe('production install', () => {
  it('names the package of an import specifier', () => {
    expect(packageOf('antd')).toBe('antd');
    expect(packageOf('@tanstack/react-query')).toBe('@tanstack/react-query');
    expect(packageOf('exceljs/lib/x')).toBe('exceljs');
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('fs')).toBeNull();
    expect(packageOf('./app.ts')).toBeNull();
    expect(packageOf('#server/app.ts')).toBeNull();
  });

  it('every package the server, the web build and the start scripts import is a dependency', () => {
    const files = [
      ...sourceFiles('server'),
      ...sourceFiles('common'),
      ...sourceFiles('web/src'),
      'web/vite.config.ts',
      'scripts/ensure-web-build.mjs',
      'bin/guardline.js',
    ];
    const missing = new Map<string, string>();
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        const name = packageOf(specifier);
        if (name && !(name in pkg.dependencies) && !missing.has(name)) missing.set(name, file);
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });
});
