import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Issue 18 point 2: `npm run lint` keeps the layers thin — SQL only in repositories, routes without SQL or
// repositories, service functions (split by use case) within one screen. Linted with the project's own config,
// minus its type-aware part: the layer rules read only the text, and type information would make eslint load the
// whole project's TypeScript program for each snippet (≈20 s of this file's time).

const root = path.resolve(import.meta.dirname, '..');
/** Every typescript-eslint rule that needs type information, switched off. */
type RuleMeta = { meta: { docs?: { requiresTypeChecking?: boolean } } };
const TS_RULES = (tseslint.plugin as { rules?: Record<string, RuleMeta> }).rules ?? {};
const TYPE_AWARE_OFF = Object.fromEntries(
  Object.entries(TS_RULES)
    .filter(([, rule]) => rule.meta.docs?.requiresTypeChecking)
    .map(([name]) => [`@typescript-eslint/${name}`, 'off' as const]),
);
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: TYPE_AWARE_OFF,
    },
  ],
});
const LAYER_RULES = new Set([
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-syntax',
  'max-lines-per-function',
]);

async function layerErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => m.ruleId);
}

/** A function of `n` lines, its braces included. */
const fnOfLines = (n: number) =>
  [
    'export function f(a: number) {',
    ...Array.from({ length: n - 3 }, (_, i) => `  a += ${i};`),
    '  return a;',
    '}',
  ].join('\n');

describe('thin layers (eslint.config.js)', () => {
  it('refuses SQL in a service use-case file: a drizzle import, a table import, a query on db or tx', async () => {
    const code = [
      "import { sql } from 'drizzle-orm';",
      "import { welfarePosts } from '../../db/schema/posts.ts';",
      'export const a = (db: any) => db.select().from(welfarePosts).where(sql`true`);',
      'export const b = (d: any) => d.db.execute(sql`select 1`);',
    ].join('\n');
    expect(await layerErrors('server/modules/posts/posts.setup.ts', code)).toEqual([
      '@typescript-eslint/no-restricted-imports',
      '@typescript-eslint/no-restricted-imports',
      'no-restricted-syntax',
      'no-restricted-syntax',
    ]);
  }, 120_000);

  it('lets a service name drizzle types and lets a repository query', async () => {
    expect(
      await layerErrors(
        'server/modules/posts/posts.setup.ts',
        "import type { SQL } from 'drizzle-orm';\nexport type X = SQL;\n",
      ),
    ).toEqual([]);
    const repo = "import { sql } from 'drizzle-orm';\nexport const a = (db: any) => db.execute(sql`select 1`);\n";
    expect(await layerErrors('server/modules/posts/posts.repository.ts', repo)).toEqual([]);
  }, 120_000);

  it('keeps repositories and SQL out of routes', async () => {
    const code =
      "import { listPosts } from './posts.repository.ts';\nexport const a = (db: any) => db.query.x;\nvoid listPosts;\n";
    expect(await layerErrors('server/modules/posts/posts.routes.ts', code)).toEqual([
      '@typescript-eslint/no-restricted-imports',
      'no-restricted-syntax',
    ]);
  }, 120_000);

  it('holds a service function to 60 lines (blank lines and comments not counted)', async () => {
    expect(await layerErrors('server/modules/microloans/microloans.loans.ts', fnOfLines(60))).toEqual([]);
    expect(await layerErrors('server/modules/microloans/microloans.loans.ts', fnOfLines(61))).toEqual([
      'max-lines-per-function',
    ]);
    expect(await layerErrors('server/modules/cases/cases.service.ts', fnOfLines(61))).toEqual([
      'max-lines-per-function',
    ]);
  }, 120_000);
});
