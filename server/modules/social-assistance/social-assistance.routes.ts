import { z } from 'zod';
import {
  benefitInput,
  endBenefitInput,
  householdBenefits,
  householdParams,
  idParams,
  uncoveredExportQuery,
  uncoveredPage,
  uncoveredQuery,
} from '#common/contracts/social-assistance.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { SocialAssistanceService } from './social-assistance.service.ts';

const tags = ['social-assistance'];
const saved = z.object({ id: z.number().int(), householdId: z.number().int() });

export function socialAssistanceRoutes(app: App, deps: { socialAssistance: SocialAssistanceService }): void {
  const s = deps.socialAssistance;
  app.get(
    '/api/social-assistance/households/:householdId',
    {
      schema: {
        tags,
        summary: '农户成员享受的兜底保障（台账、民政数据、登记）',
        params: householdParams,
        response: { 200: householdBenefits },
      },
    },
    (req) => s.household(requireCtx(req), req.params.householdId),
  );
  app.get(
    '/api/social-assistance/uncovered',
    {
      schema: {
        tags,
        summary: '无劳动能力未纳入低保特困的监测户（分页）',
        querystring: uncoveredQuery,
        response: { 200: uncoveredPage },
      },
    },
    (req) => s.uncovered(requireCtx(req), req.query),
  );
  app.get(
    '/api/social-assistance/uncovered/export.xlsx',
    { schema: { tags, summary: '导出未纳入兜底保障的监测户（按筛选条件，留痕）', querystring: uncoveredExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '未纳入兜底保障监测户.xlsx', await s.prepareUncoveredExport(requireCtx(req), req.query)),
  );
  app.post(
    '/api/social-assistance/benefits',
    { schema: { tags, summary: '登记兜底保障', body: benefitInput, response: { 200: saved } } },
    (req) => s.addBenefit(requireCtx(req), req.body),
  );
  app.post(
    '/api/social-assistance/benefits/:id/end',
    {
      schema: {
        tags,
        summary: '结束兜底保障（留痕）',
        params: idParams,
        body: endBenefitInput,
        response: { 200: saved },
      },
    },
    (req) => s.end(requireCtx(req), req.params.id, req.body),
  );
}
