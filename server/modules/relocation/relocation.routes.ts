import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  correctRelocatedInput,
  endRelocatedInput,
  householdParams,
  relocatedIdParams,
  relocationImportQuery,
  relocationImportReport,
  householdRelocation,
  relocatedExportQuery,
  relocatedInput,
  relocatedListQuery,
  relocatedPage,
  siteInput,
  siteListQuery,
  sitePage,
} from '#common/contracts/relocation.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RelocationService } from './relocation.service.ts';

const tags = ['relocation'];
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const changed = { 200: z.object({ id: z.number().int(), householdId: z.number().int() }) };

export function relocationRoutes(app: App, deps: { relocation: RelocationService }): void {
  const s = deps.relocation;
  app.get(
    '/api/relocation/sites',
    { schema: { tags, summary: '易地搬迁安置点（分页）', querystring: siteListQuery, response: { 200: sitePage } } },
    (req) => s.listSitesPage(requireCtx(req), req.query),
  );
  app.post(
    '/api/relocation/sites',
    {
      schema: {
        tags,
        summary: '登记安置点',
        body: siteInput,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    (req) => s.createSite(requireCtx(req), req.body),
  );
  app.get(
    '/api/relocation/households',
    {
      schema: {
        tags,
        summary: '搬迁户与稳定就业核查（分页，可只看未达到的）',
        querystring: relocatedListQuery,
        response: { 200: relocatedPage },
      },
    },
    (req) => s.listRelocated(requireCtx(req), req.query),
  );
  app.get(
    '/api/relocation/households/export.xlsx',
    { schema: { tags, summary: '搬迁户稳定就业核查台账（.xlsx，按筛选，留痕）', querystring: relocatedExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '易地搬迁户稳定就业核查.xlsx', await s.prepareRelocatedExport(requireCtx(req), req.query)),
  );
  app.post(
    '/api/relocation/households',
    {
      schema: {
        tags,
        summary: '登记搬迁户（农户、安置点、入住日期）',
        body: relocatedInput,
        response: { 200: z.object({ id: z.number().int(), householdId: z.number().int() }) },
      },
    },
    (req) => s.addRelocated(requireCtx(req), req.body),
  );
  app.get(
    '/api/relocation/by-household/:householdId',
    {
      schema: {
        tags,
        summary: '农户的搬迁安置与成员稳定就业',
        params: householdParams,
        response: { 200: householdRelocation },
      },
    },
    (req) => s.household(requireCtx(req), req.params.householdId),
  );
  app.post(
    '/api/relocation/households/:id/end',
    {
      schema: {
        tags,
        summary: '结束搬迁户登记（迁出、户内人员全部亡故、误登记、其他；留痕，不删除）',
        params: relocatedIdParams,
        body: endRelocatedInput,
        response: changed,
      },
    },
    (req) => s.endEntry(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/relocation/households/:id/correct',
    {
      schema: {
        tags,
        summary: '更正搬迁户登记（安置点或入住日期有误：原登记结束，新登记生效）',
        params: relocatedIdParams,
        body: correctRelocatedInput,
        response: changed,
      },
    },
    (req) => s.correctEntry(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/relocation/import/template.xlsx',
    { schema: { tags, summary: '搬迁户名单导入模板（表头与示例行）' } },
    (req, reply) => {
      requireCtx(req);
      return sendXlsx(req, reply, '易地扶贫搬迁户名单导入模板.xlsx', s.importTemplate());
    },
  );
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('file'))
      await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    scoped.post(
      '/api/relocation/import',
      {
        schema: {
          tags,
          summary: '导入搬迁户名单（.xlsx：身份证号 姓名 安置点 搬迁入住日期 [备注]；先试导入）',
          querystring: relocationImportQuery,
          response: { 200: relocationImportReport },
        },
      },
      async (req) => {
        const ctx = requireCtx(req);
        const file = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
        if (!file)
          throw new AppError('BAD_REQUEST', {
            zh: '请在字段 file 中上传文件',
            en: 'Upload the file in the field "file"',
          });
        return s.importList(ctx, await file.toBuffer(), req.query.dryRun === 'true');
      },
    );
  });
}
