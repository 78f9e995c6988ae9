import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  employmentExportQuery,
  employmentFiguresResponse,
  employmentInput,
  employmentListQuery,
  employmentPage,
  employmentRow,
  employmentUpdate,
  followUpInput,
  householdEmployment,
  householdParams,
  idParams,
  importQuery,
  importReport,
  figuresQuery,
  trainingExportQuery,
  trainingInput,
  trainingListQuery,
  trainingPage,
  workshopExportQuery,
  workshopInput,
  workshopListQuery,
  workshopPage,
  workshopRow,
  workshopUpdate,
} from '#common/contracts/employment.ts';
import { sendXlsx } from '#server/http/download.ts';
import { AppError } from '#server/lib/app-error.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { EmploymentService } from './employment.service.ts';

const tags = ['employment'];
const IMPORT_BYTES = 5 * 1024 * 1024;

export function employmentRoutes(app: App, deps: { employment: EmploymentService }): void {
  const { employment } = deps;
  const kindParams = z.object({ kind: z.enum(['jobs', 'trainings']) });
  // Multipart only inside this plugin (as the feeds module does), for the 人社 office's .xlsx.
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('file'))
      await scoped.register(multipart, { limits: { fileSize: IMPORT_BYTES, files: 1, fields: 5 } });
    scoped.post(
      '/api/employment/import/:kind',
      {
        schema: {
          tags,
          summary: '导入人社部门的务工就业或技能培训 .xlsx（逐行校验，试导入不写入）',
          params: kindParams,
          querystring: importQuery,
          response: { 200: importReport },
        },
      },
      async (req) => {
        const file = await req.file({ limits: { fileSize: IMPORT_BYTES, files: 1 } });
        if (!file)
          throw new AppError('BAD_REQUEST', {
            zh: '请在字段 file 中上传文件',
            en: 'Upload the file in the field "file"',
          });
        const buffer = await file.toBuffer();
        return employment.importFile(requireCtx(req), req.params.kind, buffer, req.query.dryRun === '1');
      },
    );
  });
  app.get(
    '/api/employment/import/:kind/template.xlsx',
    { schema: { tags, summary: '导入模板（表头与示例行）', params: kindParams } },
    (req, reply) => {
      requireCtx(req);
      const name = req.params.kind === 'jobs' ? '务工就业导入模板.xlsx' : '技能培训导入模板.xlsx';
      return sendXlsx(req, reply, name, employment.importTemplate(req.params.kind));
    },
  );
  app.get(
    '/api/employment/jobs',
    {
      schema: {
        tags,
        summary: '务工就业台账（分页）',
        querystring: employmentListQuery,
        response: { 200: employmentPage },
      },
    },
    (req) => employment.listJobs(requireCtx(req), req.query),
  );
  app.post(
    '/api/employment/jobs',
    { schema: { tags, summary: '登记务工就业', body: employmentInput, response: { 200: employmentRow } } },
    (req) => employment.createJob(requireCtx(req), req.body),
  );
  app.put(
    '/api/employment/jobs/:id',
    {
      schema: {
        tags,
        summary: '修改务工记录（含结束日期，留痕）',
        params: idParams,
        body: employmentUpdate,
        response: { 200: employmentRow },
      },
    },
    (req) => employment.updateJob(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/employment/jobs/:id/follow-ups',
    {
      schema: {
        tags,
        summary: '稳岗跟踪（离岗即结束该务工记录）',
        params: idParams,
        body: followUpInput,
        response: { 200: employmentRow },
      },
    },
    (req) => employment.addFollowUp(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/employment/jobs/export.xlsx',
    { schema: { tags, summary: '导出务工就业台账（按列表筛选条件，留痕）', querystring: employmentExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '务工就业台账.xlsx', await employment.prepareJobsExport(requireCtx(req), req.query)),
  );
  app.get(
    '/api/employment/trainings',
    {
      schema: {
        tags,
        summary: '技能培训台账（分页）',
        querystring: trainingListQuery,
        response: { 200: trainingPage },
      },
    },
    (req) => employment.listTrainings(requireCtx(req), req.query),
  );
  app.post(
    '/api/employment/trainings',
    {
      schema: {
        tags,
        summary: '登记技能培训与证书',
        body: trainingInput,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    async (req) => ({ id: await employment.createTraining(requireCtx(req), req.body) }),
  );
  app.get(
    '/api/employment/trainings/export.xlsx',
    { schema: { tags, summary: '导出技能培训台账（按列表筛选条件，留痕）', querystring: trainingExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '技能培训台账.xlsx', await employment.prepareTrainingExport(requireCtx(req), req.query)),
  );
  app.get(
    '/api/employment/workshops',
    { schema: { tags, summary: '扶贫车间（分页）', querystring: workshopListQuery, response: { 200: workshopPage } } },
    (req) => employment.listWorkshops(requireCtx(req), req.query),
  );
  app.post(
    '/api/employment/workshops',
    { schema: { tags, summary: '登记扶贫车间', body: workshopInput, response: { 200: workshopRow } } },
    (req) => employment.createWorkshop(requireCtx(req), req.body),
  );
  app.put(
    '/api/employment/workshops/:id',
    {
      schema: {
        tags,
        summary: '修改扶贫车间（留痕）',
        params: idParams,
        body: workshopUpdate,
        response: { 200: workshopRow },
      },
    },
    (req) => employment.updateWorkshop(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/employment/workshops/export.xlsx',
    { schema: { tags, summary: '导出扶贫车间台账（按列表筛选条件，留痕）', querystring: workshopExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '扶贫车间台账.xlsx', await employment.prepareWorkshopExport(requireCtx(req), req.query)),
  );
  app.get(
    '/api/employment/figures',
    {
      schema: {
        tags,
        summary: '就业率、持证率、外出务工人数（脱贫户与监测户人口，按月）',
        querystring: figuresQuery,
        response: { 200: employmentFiguresResponse },
      },
    },
    (req) => employment.figures(requireCtx(req), req.query),
  );
  app.get(
    '/api/employment/households/:householdId',
    {
      schema: {
        tags,
        summary: '农户的就业与培训（农户页）',
        params: householdParams,
        response: { 200: householdEmployment },
      },
    },
    (req) => employment.household(requireCtx(req), req.params.householdId),
  );
}
