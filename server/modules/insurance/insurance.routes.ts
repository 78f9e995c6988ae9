import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  claimExportQuery,
  claimInput,
  claimListQuery,
  claimPage,
  claimRow,
  decisionInput,
  decisionResult,
  householdIdParams,
  householdInsurance,
  idParams,
  importQuery,
  importReport,
  policyInput,
  policyListQuery,
  policyPage,
  policyRow,
  uncoveredPage,
  uncoveredQuery,
} from '#common/contracts/insurance.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import { uploadedFile } from '#server/http/upload.ts';
import type { App } from '#server/http/types.ts';
import type { InsuranceService } from './insurance.service.ts';

const tags = ['insurance'];
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function insuranceRoutes(app: App, deps: { insurance: InsuranceService }): void {
  const { insurance } = deps;
  app.get(
    '/api/insurance/policies',
    {
      schema: {
        tags,
        summary: '防贫保险参保农户（按年度）',
        querystring: policyListQuery,
        response: { 200: policyPage },
      },
    },
    (req) => insurance.listPolicies(requireCtx(req), req.query),
  );
  app.post(
    '/api/insurance/policies',
    { schema: { tags, summary: '参保登记', body: policyInput, response: { 200: policyRow } } },
    (req) => insurance.insure(requireCtx(req), req.body),
  );
  app.get(
    '/api/insurance/uncovered',
    {
      schema: {
        tags,
        summary: '应参保未参保农户（参保核对）',
        querystring: uncoveredQuery,
        response: { 200: uncoveredPage },
      },
    },
    (req) => insurance.uncovered(requireCtx(req), req.query),
  );
  app.get(
    '/api/insurance/uncovered/export.xlsx',
    {
      schema: {
        tags,
        summary: '应参保未参保农户清单（.xlsx，按筛选）',
        querystring: uncoveredQuery.omit({ page: true, pageSize: true, sort: true, order: true }),
      },
    },
    async (req, reply) => {
      const write = await insurance.exportUncovered(requireCtx(req), req.query);
      return sendXlsx(req, reply, '防贫保险应参保未参保农户.xlsx', write);
    },
  );
  app.get(
    '/api/insurance/claims',
    { schema: { tags, summary: '防贫保险理赔', querystring: claimListQuery, response: { 200: claimPage } } },
    (req) => insurance.listClaims(requireCtx(req), req.query),
  );
  app.post(
    '/api/insurance/claims',
    { schema: { tags, summary: '报案', body: claimInput, response: { 200: claimRow } } },
    (req) => insurance.report(requireCtx(req), req.body),
  );
  app.get(
    '/api/insurance/claims/export.xlsx',
    { schema: { tags, summary: '防贫保险理赔台账（.xlsx，按筛选）', querystring: claimExportQuery } },
    async (req, reply) => {
      const write = await insurance.exportClaims(requireCtx(req), req.query);
      return sendXlsx(req, reply, '防贫保险理赔台账.xlsx', write);
    },
  );
  app.post(
    '/api/insurance/claims/:id/decision',
    {
      schema: {
        tags,
        summary: '赔付或拒赔（赔付计入理赔收入）',
        params: idParams,
        body: decisionInput,
        response: { 200: decisionResult },
      },
    },
    (req) => insurance.decide(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/insurance/households/:householdId',
    {
      schema: { tags, summary: '农户的防贫保险', params: householdIdParams, response: { 200: householdInsurance } },
    },
    (req) => insurance.household(requireCtx(req), req.params.householdId),
  );
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('file'))
      await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    scoped.post(
      '/api/insurance/claims/import',
      {
        schema: {
          tags,
          summary: '导入承保机构理赔清单（.xlsx，先试导入）',
          querystring: importQuery,
          response: { 200: importReport },
        },
      },
      async (req) => {
        const ctx = requireCtx(req);
        const { buffer } = await uploadedFile(req, MAX_IMPORT_BYTES);
        return insurance.importClaims(ctx, buffer, req.query.dryRun === 'true');
      },
    );
  });
}
