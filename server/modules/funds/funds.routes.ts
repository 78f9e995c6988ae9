import { z } from 'zod';
import {
  allocationInput,
  allocationRow,
  assignmentInput,
  assignmentRow,
  disbursementInput,
  disbursementRow,
  fundChecksResponse,
  fundYearQuery,
} from '#common/contracts/funds.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { FundsService } from './funds.service.ts';

const tags = ['funds'];
const listQuery = z.object({ year: z.coerce.number().int().optional(), projectId: z.coerce.number().int().optional() });

export function fundsRoutes(app: App, deps: { funds: FundsService }): void {
  const { funds } = deps;
  app.get(
    '/api/funds/allocations',
    {
      schema: {
        tags,
        summary: '衔接资金指标（按来源、年度）',
        querystring: listQuery,
        response: { 200: z.array(allocationRow) },
      },
    },
    (req) => funds.allocations(requireCtx(req), req.query.year),
  );
  app.post(
    '/api/funds/allocations',
    { schema: { tags, summary: '登记资金指标', body: allocationInput, response: { 200: allocationRow } } },
    (req) => funds.allocate(requireCtx(req), req.body),
  );
  app.get(
    '/api/funds/assignments',
    { schema: { tags, summary: '资金安排到项目', querystring: listQuery, response: { 200: z.array(assignmentRow) } } },
    (req) => funds.assignments(requireCtx(req), req.query),
  );
  app.post(
    '/api/funds/assignments',
    {
      schema: {
        tags,
        summary: '安排资金到项目（不得超出指标余额）',
        body: assignmentInput,
        response: { 200: assignmentRow },
      },
    },
    (req) => funds.assign(requireCtx(req), req.body),
  );
  app.get(
    '/api/funds/disbursements',
    { schema: { tags, summary: '资金支付记录', querystring: listQuery, response: { 200: z.array(disbursementRow) } } },
    (req) => funds.disbursements(requireCtx(req), req.query),
  );
  app.post(
    '/api/funds/disbursements',
    {
      schema: {
        tags,
        summary: '登记支付（日期、凭证；余额不得为负）',
        body: disbursementInput,
        response: { 200: disbursementRow },
      },
    },
    (req) => funds.disburse(requireCtx(req), req.body),
  );
  app.get(
    '/api/funds/checks',
    {
      schema: {
        tags,
        summary: '资金使用规则校验（产业占比、以工代赈劳务报酬、项目管理费）',
        querystring: fundYearQuery,
        response: { 200: fundChecksResponse },
      },
    },
    (req) => funds.checks(requireCtx(req), req.query.year),
  );
}
