import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  householdIdParams,
  householdLoans,
  loanDetail,
  loanExportQuery,
  loanIdParams,
  loanImportQuery,
  loanImportReport,
  loanInput,
  loanListQuery,
  loanPage,
  renewalInput,
  repaymentInput,
  subsidyInput,
  subsidyQuery,
  subsidyQuote,
} from '#common/contracts/microloans.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import { uploadedFile } from '#server/http/upload.ts';
import type { App } from '#server/http/types.ts';
import type { MicroloansService } from './microloans.service.ts';

const tags = ['microloans'];
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function microloansRoutes(app: App, deps: { microloans: MicroloansService }): void {
  const { microloans } = deps;
  app.get(
    '/api/microloans',
    {
      schema: { tags, summary: '脱贫人口小额信贷（含逾期）', querystring: loanListQuery, response: { 200: loanPage } },
    },
    (req) => microloans.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/microloans',
    { schema: { tags, summary: '登记贷款（对象、额度、期限核对）', body: loanInput, response: { 200: loanDetail } } },
    (req) => microloans.create(requireCtx(req), req.body),
  );
  app.get(
    '/api/microloans/export.xlsx',
    { schema: { tags, summary: '小额信贷台账（.xlsx，按筛选）', querystring: loanExportQuery } },
    async (req, reply) => {
      const write = await microloans.exportLoans(requireCtx(req), req.query);
      return sendXlsx(req, reply, '脱贫人口小额信贷台账.xlsx', write);
    },
  );
  app.get(
    '/api/microloans/import/template.xlsx',
    { schema: { tags, summary: '银行放款明细导入模板（表头与示例行）' } },
    (req, reply) => {
      requireCtx(req);
      return sendXlsx(req, reply, '小额信贷放款明细导入模板.xlsx', microloans.importTemplate());
    },
  );
  app.get(
    '/api/microloans/households/:householdId',
    { schema: { tags, summary: '农户的小额信贷', params: householdIdParams, response: { 200: householdLoans } } },
    (req) => microloans.household(requireCtx(req), req.params.householdId),
  );
  app.get(
    '/api/microloans/:id',
    { schema: { tags, summary: '贷款及还款、贴息记录', params: loanIdParams, response: { 200: loanDetail } } },
    (req) => microloans.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/microloans/:id/repayments',
    {
      schema: { tags, summary: '登记还款', params: loanIdParams, body: repaymentInput, response: { 200: loanDetail } },
    },
    (req) => microloans.repay(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/microloans/:id/subsidy',
    {
      schema: {
        tags,
        summary: '计算应贴利息（上次贴息至截止日）',
        params: loanIdParams,
        querystring: subsidyQuery,
        response: { 200: subsidyQuote },
      },
    },
    (req) => microloans.quoteSubsidy(requireCtx(req), req.params.id, req.query.to),
  );
  app.post(
    '/api/microloans/:id/subsidies',
    {
      schema: {
        tags,
        summary: '发放贴息（按计算金额）',
        params: loanIdParams,
        body: subsidyInput,
        response: { 200: loanDetail },
      },
    },
    (req) => microloans.paySubsidy(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/microloans/:id/renew',
    {
      schema: { tags, summary: '展期或续贷', params: loanIdParams, body: renewalInput, response: { 200: loanDetail } },
    },
    (req) => microloans.renew(requireCtx(req), req.params.id, req.body),
  );
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('file'))
      await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    scoped.post(
      '/api/microloans/import',
      {
        schema: {
          tags,
          summary: '导入银行放款明细（.xlsx，先试导入）',
          querystring: loanImportQuery,
          response: { 200: loanImportReport },
        },
      },
      async (req) => {
        const ctx = requireCtx(req);
        const { buffer } = await uploadedFile(req, MAX_IMPORT_BYTES);
        return microloans.importLoans(ctx, buffer, req.query.dryRun === 'true');
      },
    );
  });
}
