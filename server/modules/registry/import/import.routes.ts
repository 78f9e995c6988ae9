import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importQuery, importReport, jobIdResponse } from '#common/contracts/registry-transfer.ts';
import { FEED_SOURCE_CODES, FEED_SOURCES } from '#common/domain/feeds/sources.ts';
import type { Db } from '#server/db/connect.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { IMPORT_LIMITS } from '#server/lib/import-limits.ts';
import type { JobsService } from '#server/modules/jobs/index.ts';
import { createExportService } from '../export/export.service.ts';
import { AppError } from '#server/lib/app-error.ts';
import { createImportService } from './import.service.ts';
import { writeImportReport } from './report-workbook.ts';
import { feedTemplate, householdTemplate } from './import-templates.ts';
import { saveUploads } from './upload.ts';

// The household workbook over HTTP: upload → job id (poll GET /api/jobs/:id), and the streamed export.
// Multipart parsing is registered inside this plugin only (as the feeds routes do), unless app.ts
// already registered it for everyone.

const tags = ['registry'];
/** Uploads stream to disk, up to this each (server/lib/import-limits.ts). */
export const MAX_LEDGER_FILE_BYTES = IMPORT_LIMITS.maxLedgerUploadBytes;

export function registryTransferRoutes(app: App, deps: { db: Db; box: PersonalDataBox; jobs: JobsService }): void {
  const importer = createImportService(deps.db, deps.box, deps.jobs);
  const exporter = createExportService(deps.db, deps.box);

  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('parts'))
      await scoped.register(multipart, { limits: { fileSize: MAX_LEDGER_FILE_BYTES, files: 2, fields: 10 } });

    const summary = '导入户信息表（multipart：households = .xlsx 或 households.csv，members = members.csv；后台任务）';
    scoped.post(
      '/api/registry/import',
      { schema: { tags, summary, querystring: importQuery, response: { 200: jobIdResponse } } },
      async (req) => {
        const ctx = requireCtx(req);
        importer.authorise(ctx); // before the upload is read
        const upload = await saveUploads(req);
        try {
          const job = await importer.start(ctx, upload.files, req.query, { cleanup: upload.remove });
          return { jobId: job.id };
        } catch (err) {
          await upload.remove();
          throw err;
        }
      },
    );
  });

  // An import job's errors and change list as .xlsx (only its starter reads the job: jobs.service).
  app.get(
    '/api/registry/import/:jobId/report.xlsx',
    {
      schema: {
        tags,
        summary: '下载导入（或预检）结果：错误清单与变更清单（.xlsx）',
        params: z.object({ jobId: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const job = await deps.jobs.get(ctx, req.params.jobId);
      if (job.kind !== 'registry.import' || job.status !== 'succeeded' || !job.result)
        throw AppError.notFound({ zh: '导入结果', en: 'Import result' });
      const report = importReport.parse(job.result);
      return sendXlsx(req, reply, `导入结果-${report.file.replace(/\.[^.]+$/, '')}.xlsx`, (out) =>
        writeImportReport(out, ctx, report),
      );
    },
  );

  // Blank files to fill in (no personal data; any signed-in user).
  app.get(
    '/api/import-templates/households.xlsx',
    { schema: { tags, summary: '下载户信息导入模板（户信息 + 家庭成员，含示例行与填写说明）' } },
    async (req, reply) => {
      requireCtx(req);
      return sendXlsx(req, reply, '户信息导入模板.xlsx', householdTemplate);
    },
  );
  app.get(
    '/api/import-templates/feed.xlsx',
    {
      schema: {
        tags: ['feeds'],
        summary: '下载部门比对数据导入模板（按数据来源，含示例行与填写说明）',
        querystring: z.object({ source: z.enum(FEED_SOURCE_CODES) }),
      },
    },
    async (req, reply) => {
      requireCtx(req);
      const source = FEED_SOURCES.find((s) => s.code === req.query.source)!;
      return sendXlsx(req, reply, `部门比对数据模板-${source.zh}.xlsx`, (out) => feedTemplate(out, source.zh));
    },
  );

  app.get(
    '/api/registry/export.xlsx',
    { schema: { tags, summary: '导出户信息表（含完整证件号码，留痕）' } },
    async (req, reply) => {
      const prepared = await exporter.prepare(requireCtx(req));
      return sendXlsx(req, reply, '农户台账.xlsx', prepared.write);
    },
  );
}
