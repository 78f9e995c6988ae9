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
} from '../../../common/contracts/employment.ts';
import { sendXlsx } from '../../http/download.ts';
import { requireCtx } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { EmploymentService } from './employment.service.ts';

const tags = ['employment'];

export function employmentRoutes(app: App, deps: { employment: EmploymentService }): void {
  const { employment } = deps;
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
