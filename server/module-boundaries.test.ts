import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import moduleBoundaries from '../eslint-rules/module-boundaries.js';

// Issue 18 point 1: the lint rule that keeps other modules out of a module's files, and the import-cycle check.

const root = path.resolve(import.meta.dirname, '..');
const at = (rel: string) => path.join(root, rel);

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('guardline/module-boundaries', moduleBoundaries, {
  valid: [
    { filename: at('server/modules/cases/cases.service.ts'), code: "import { recordAudit } from '../audit/index.ts';" },
    { filename: at('server/modules/cases/cases.service.ts'), code: "import { x } from './cases.repository.ts';" },
    { filename: at('server/modules/registry/import/pipeline.ts'), code: "import { y } from '../registry.guard.ts';" },
    {
      filename: at('server/modules/registry/import/pipeline.ts'),
      code: "import { y } from '../export/export.service.ts';",
    },
    { filename: at('server/modules/cases/cases.test.ts'), code: "import { y } from '../audit/audit.service.ts';" },
    { filename: at('server/app.ts'), code: "import { y } from './modules/cases/cases.routes.ts';" },
    { filename: at('server/lib/county.ts'), code: "import { Q } from '../modules/org/index.ts';" },
    { filename: at('common/domain/x.ts'), code: "import { z } from 'zod';" },
    {
      filename: at('server/modules/cases/x.ts'),
      code: "import { recordAudit } from '#server/modules/audit/index.ts';",
    },
    {
      filename: at('server/modules/cases/x.ts'),
      code: "import { x } from '#server/modules/cases/cases.repository.ts';",
    },
  ],
  invalid: [
    {
      filename: at('server/modules/cases/cases.service.ts'),
      code: "import { recordAudit } from '../audit/audit.service.ts';",
      errors: [{ messageId: 'deep' }],
    },
    {
      filename: at('server/modules/registry/import/pipeline.ts'),
      code: "import type { JobsService } from '../../jobs/jobs.service.ts';",
      errors: [{ messageId: 'deep' }],
    },
    {
      filename: at('server/modules/cases/cases.service.ts'),
      code: "export { a } from '../monitoring/clues.repository.ts'; const m = import('../jobs/jobs.service.ts');",
      errors: [{ messageId: 'deep' }, { messageId: 'deep' }],
    },
    {
      filename: at('server/http/session.ts'),
      code: "import type { AuthService } from '../modules/auth/auth.service.ts';",
      errors: [{ messageId: 'deep' }],
    },
    {
      filename: at('common/domain/x.ts'),
      code: "import { AppError } from '../../server/lib/app-error.ts';",
      errors: [{ messageId: 'commonToServer' }],
    },
    {
      filename: at('server/modules/cases/cases.service.ts'),
      code: "import { recordAudit } from '#server/modules/audit/audit.service.ts';",
      errors: [{ messageId: 'deep' }],
    },
    {
      filename: at('common/domain/x.ts'),
      code: "import { AppError } from '#server/lib/app-error.ts';",
      errors: [{ messageId: 'commonToServer' }],
    },
  ],
});

describe('check-import-cycles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardline-cycles-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const run = () => {
    try {
      return { code: 0, out: execFileSync('node', [at('scripts/check-import-cycles.mjs'), dir], { encoding: 'utf8' }) };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { code: err.status, out: err.stderr };
    }
  };

  it('passes a module graph without cycles, then fails on a module cycle, type-only and #server/… imports included', () => {
    write('server/modules/a/index.ts', "export { a } from './a.service.ts';\n");
    write('server/modules/a/a.service.ts', "import { b } from '../b/index.ts';\nexport const a = () => b;\n");
    write('server/modules/b/index.ts', 'export const b = 1;\nexport type B = number;\n');
    expect(run().code).toBe(0);
    write(
      'server/modules/b/index.ts',
      // through the package's subpath import: the check resolves #server/… like a relative path
      "import type { A } from '#server/modules/a/types.ts';\nexport const b = 1;\nexport type B = A;\n",
    );
    write('server/modules/a/types.ts', 'export type A = number;\n');
    const failed = run();
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('module import cycle: a <-> b');
  });
});
