import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  feedBatchListQuery,
  feedBatchPage,
  feedBatchParams,
  feedImportResult,
  feedRecordPage,
  feedRecordsQuery,
  importFeedQuery,
  jobStarted,
  pushFeedRequest,
} from '#common/contracts/feeds.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import { AppError } from '#server/lib/app-error.ts';
import { IMPORT_LIMITS } from '#server/lib/import-limits.ts';
import type { FeedsService } from './feeds.service.ts';

const tags = ['feeds'];
/** A county's department file (CSV or XLSX); read into memory, then imported by a job (server/lib/import-limits.ts). */
export const MAX_FEED_FILE_BYTES = IMPORT_LIMITS.maxFeedUploadBytes;
/** 10,000 pushed records with attributes fit well within this. */
const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Department data routes. Multipart parsing is registered inside this plugin only (so no other
 * route accepts uploads), unless app.ts has already registered it for everyone.
 */
export function feedsRoutes(app: App, deps: { feeds: FeedsService }): void {
  const { feeds } = deps;
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('file'))
      await scoped.register(multipart, { limits: { fileSize: MAX_FEED_FILE_BYTES, files: 1, fields: 10 } });

    scoped.post(
      '/api/feeds/import',
      {
        schema: {
          tags,
          summary: '导入部门比对数据文件（CSV/XLSX，后台任务）',
          querystring: importFeedQuery,
          response: { 200: jobStarted },
        },
      },
      async (req) => {
        const ctx = requireCtx(req);
        feeds.authorizeImport(ctx, req.query.source);
        const file = await req.file({ limits: { fileSize: MAX_FEED_FILE_BYTES, files: 1 } });
        if (!file)
          throw new AppError('BAD_REQUEST', {
            zh: '请在字段 file 中上传文件',
            en: 'Upload the file in the field "file"',
          });
        const buffer = await file.toBuffer();
        const job = await feeds.startImport(ctx, {
          fileName: file.filename || 'upload',
          buffer,
          dryRun: req.query.dryRun,
          source: req.query.source,
        });
        return { jobId: job.id };
      },
    );

    scoped.post(
      '/api/feeds/records',
      {
        bodyLimit: PUSH_BODY_LIMIT,
        schema: {
          tags,
          summary: '部门系统推送比对数据（每次最多 10000 条）',
          body: pushFeedRequest,
          response: { 200: feedImportResult },
        },
      },
      (req) => feeds.pushRecords(requireCtx(req), req.body),
    );

    scoped.get(
      '/api/feeds/batches',
      { schema: { tags, summary: '数据批次列表', querystring: feedBatchListQuery, response: { 200: feedBatchPage } } },
      (req) => feeds.batches(requireCtx(req), req.query),
    );

    scoped.get(
      '/api/feeds/batches/:id/records',
      {
        schema: {
          tags,
          summary: '批次中的记录（证件号码脱敏）',
          params: feedBatchParams,
          querystring: feedRecordsQuery,
          response: { 200: feedRecordPage },
        },
      },
      (req) => feeds.batchRecords(requireCtx(req), req.params.id, req.query),
    );
  });
}
