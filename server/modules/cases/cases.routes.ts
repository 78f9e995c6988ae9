import { z } from 'zod';
import {
  caseActionRequest,
  caseDetail,
  caseIdParams,
  caseListQuery,
  caseRow,
  startEliminationRequest,
  startIdentificationRequest,
} from '../../../common/contracts/cases.ts';
import { requireCtx } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { CasesService } from './cases.service.ts';

const tags = ['cases'];

export function casesRoutes(app: App, deps: { cases: CasesService }): void {
  const { cases } = deps;
  app.get(
    '/api/cases',
    { schema: { tags, summary: '识别认定/风险消除事项列表', querystring: caseListQuery, response: { 200: z.object({ items: z.array(caseRow), nextAfterId: z.number().int().nullable(), stageLabels: z.record(z.string(), z.string()) }) } } },
    (req) => cases.list(requireCtx(req), req.query),
  );
  app.get('/api/cases/:id', { schema: { tags, summary: '事项详情', params: caseIdParams, response: { 200: caseDetail } } }, (req) => cases.get(requireCtx(req), req.params.id));
  app.post('/api/cases/identifications', { schema: { tags, summary: '由线索发起识别认定', body: startIdentificationRequest, response: { 200: caseDetail } } }, (req) =>
    cases.startIdentification(requireCtx(req), req.body.clueId),
  );
  app.post('/api/cases/eliminations', { schema: { tags, summary: '发起风险消除（帮扶消除/自然消除）', body: startEliminationRequest, response: { 200: caseDetail } } }, (req) =>
    cases.startElimination(requireCtx(req), req.body),
  );
  app.post('/api/cases/:id/actions', { schema: { tags, summary: '办理当前环节（完成、退回、终止、开始公示）', params: caseIdParams, body: caseActionRequest, response: { 200: caseDetail } } }, (req) =>
    cases.act(requireCtx(req), req.params.id, req.body),
  );
}
