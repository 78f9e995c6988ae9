import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANUAL_PAGES, manualImageParams, manualPageParams, manualPageResponse } from '#common/contracts/help.ts';
import { AppError } from '#server/lib/app-error.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';

// The user manual in docs/manual/ (markdown and the screenshots the browser journey e2e/manual.test.ts takes),
// read from disk on each request so regenerated screenshots show without rebuilding the web app.

export const MANUAL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'manual');

const notFound = () => AppError.notFound({ zh: '手册页面', en: 'manual page' });

export function helpRoutes(app: App, manualDir = MANUAL_DIR): void {
  app.get(
    '/api/help/manual/:page',
    {
      schema: {
        tags: ['help'],
        summary: '使用手册页面（Markdown）',
        params: manualPageParams,
        response: { 200: manualPageResponse },
      },
    },
    async (req) => {
      requireCtx(req);
      // Only the listed pages: the name never reaches the file system unchecked.
      if (!MANUAL_PAGES.includes(req.params.page)) throw notFound();
      const text = await readFile(path.join(manualDir, `${req.params.page}.md`), 'utf8').catch(() => null);
      if (text === null) throw notFound();
      return { page: req.params.page, markdown: text };
    },
  );

  app.get(
    '/api/help/img/:file',
    { schema: { tags: ['help'], summary: '使用手册截图', params: manualImageParams } },
    async (req, reply) => {
      requireCtx(req);
      const file = path.join(manualDir, 'img', req.params.file);
      if (!existsSync(file)) throw notFound();
      return reply.header('content-type', 'image/png').header('cache-control', 'no-cache').send(createReadStream(file));
    },
  );
}
