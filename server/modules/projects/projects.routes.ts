import { idParams } from '#common/contracts/deliberation.ts';
import {
  projectAction,
  projectAdjust,
  projectDetail,
  projectInput,
  projectListQuery,
  projectListAnswer,
  projectStatusChange,
} from '#common/contracts/projects.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { ProjectsService } from './projects.service.ts';

const tags = ['projects'];

export function projectsRoutes(app: App, deps: { projects: ProjectsService }): void {
  const { projects } = deps;
  app.get(
    '/api/projects',
    { schema: { tags, summary: '项目库', querystring: projectListQuery, response: { 200: projectListAnswer } } },
    (req) => projects.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: '申报项目（无联农带农机制或绩效目标不得入库）',
        body: projectInput,
        response: { 200: projectDetail },
      },
    },
    (req) => projects.create(requireCtx(req), req.body),
  );
  app.get(
    '/api/projects/:id',
    { schema: { tags, summary: '项目详情与流转记录', params: idParams, response: { 200: projectDetail } } },
    (req) => projects.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/projects/:id/entry',
    {
      schema: {
        tags,
        summary: '入库流程：办结本环节、退回或撤销',
        params: idParams,
        body: projectAction,
        response: { 200: projectDetail },
      },
    },
    (req) => projects.act(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/projects/:id/status',
    {
      schema: {
        tags,
        summary: '项目状态：实施、验收、完成（生成资产）、终止',
        params: idParams,
        body: projectStatusChange,
        response: { 200: projectDetail },
      },
    },
    (req) => projects.changeStatus(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/projects/:id/adjust',
    {
      schema: {
        tags,
        summary: '项目调整（须说明原因）',
        params: idParams,
        body: projectAdjust,
        response: { 200: projectDetail },
      },
    },
    (req) => projects.adjust(requireCtx(req), req.params.id, req.body),
  );
}
