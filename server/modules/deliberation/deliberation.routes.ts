import { z } from 'zod';
import {
  deliberationCreate,
  deliberationDetail,
  deliberationListQuery,
  deliberationRow,
  deliberationStepInput,
  idParams,
} from '#common/contracts/deliberation.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { DeliberationService } from './deliberation.service.ts';

const tags = ['deliberation'];

export function deliberationRoutes(app: App, deps: { deliberation: DeliberationService }): void {
  const { deliberation } = deps;
  app.get(
    '/api/deliberations',
    {
      schema: {
        tags,
        summary: '四议两公开记录',
        querystring: deliberationListQuery,
        response: { 200: z.array(deliberationRow) },
      },
    },
    (req) => deliberation.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/deliberations',
    {
      schema: { tags, summary: '新建四议两公开记录', body: deliberationCreate, response: { 200: deliberationDetail } },
    },
    (req) => deliberation.create(requireCtx(req), req.body),
  );
  app.get(
    '/api/deliberations/:id',
    { schema: { tags, summary: '四议两公开记录详情', params: idParams, response: { 200: deliberationDetail } } },
    (req) => deliberation.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/deliberations/:id/steps',
    {
      schema: {
        tags,
        summary: '登记一个环节（系统校验顺序与表决规则）',
        params: idParams,
        body: deliberationStepInput,
        response: { 200: deliberationDetail },
      },
    },
    (req) => deliberation.recordStep(requireCtx(req), req.params.id, req.body),
  );
}
