import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  exitInput,
  hireDetail,
  hireExportQuery,
  hireInput,
  hireListQuery,
  hirePage,
  householdIdParams,
  householdPosts,
  importQuery,
  importReport,
  monthInput,
  postIdParams,
  postInput,
  postListQuery,
  postPage,
  postRow,
} from '#common/contracts/posts.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import { uploadedFile } from '#server/http/upload.ts';
import type { App } from '#server/http/types.ts';
import type { PostsService } from './posts.service.ts';

const tags = ['posts'];
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function postsRoutes(app: App, deps: { posts: PostsService }): void {
  const { posts } = deps;
  app.get(
    '/api/posts',
    { schema: { tags, summary: '公益岗位（按村、类型）', querystring: postListQuery, response: { 200: postPage } } },
    (req) => posts.listPosts(requireCtx(req), req.query),
  );
  app.post(
    '/api/posts',
    { schema: { tags, summary: '按需设岗', body: postInput, response: { 200: postRow } } },
    (req) => posts.createPost(requireCtx(req), req.body),
  );
  app.get(
    '/api/posts/hires',
    { schema: { tags, summary: '公益岗位人员', querystring: hireListQuery, response: { 200: hirePage } } },
    (req) => posts.listHires(requireCtx(req), req.query),
  );
  app.get(
    '/api/posts/hires/export.xlsx',
    { schema: { tags, summary: '公益岗位人员台账（.xlsx，按筛选）', querystring: hireExportQuery } },
    async (req, reply) => {
      const write = await posts.exportHires(requireCtx(req), req.query);
      return sendXlsx(req, reply, '公益岗位人员台账.xlsx', write);
    },
  );
  app.get(
    '/api/posts/hires/:id',
    { schema: { tags, summary: '聘用记录与月度出勤', params: postIdParams, response: { 200: hireDetail } } },
    (req) => posts.getHire(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/posts/:id/hires',
    {
      schema: {
        tags,
        summary: '以岗聘任（资格核对）',
        params: postIdParams,
        body: hireInput,
        response: { 200: hireDetail },
      },
    },
    (req) => posts.hire(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/posts/hires/:id/exit',
    { schema: { tags, summary: '有序退岗', params: postIdParams, body: exitInput, response: { 200: hireDetail } } },
    (req) => posts.exit(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/posts/hires/:id/months',
    {
      schema: {
        tags,
        summary: '在岗领补：月度出勤与补贴',
        params: postIdParams,
        body: monthInput,
        response: { 200: hireDetail },
      },
    },
    (req) => posts.recordMonth(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/posts/households/:householdId',
    { schema: { tags, summary: '农户的公益岗位', params: householdIdParams, response: { 200: householdPosts } } },
    (req) => posts.household(requireCtx(req), req.params.householdId),
  );
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('file'))
      await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    scoped.post(
      '/api/posts/import',
      {
        schema: {
          tags,
          summary: '导入公益岗位人员（.xlsx，先试导入）',
          querystring: importQuery,
          response: { 200: importReport },
        },
      },
      async (req) => {
        const ctx = requireCtx(req);
        const { buffer } = await uploadedFile(req, MAX_IMPORT_BYTES);
        return posts.importHires(ctx, buffer, req.query.dryRun === 'true');
      },
    );
  });
}
