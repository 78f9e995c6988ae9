import { z } from 'zod';
import { paramRow, periodQuery, resolvedParam, setParamRequest } from '#common/contracts/params.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { ParamsService } from './params.service.ts';

const tags = ['params'];

export function paramsRoutes(app: App, params: ParamsService): void {
  app.get(
    '/api/params',
    { schema: { tags, summary: '政策参数及其历史版本', response: { 200: z.array(paramRow) } } },
    (req) => params.list(requireCtx(req)),
  );
  app.get(
    '/api/params/resolved',
    {
      schema: {
        tags,
        summary: '某月生效的参数值',
        querystring: periodQuery,
        response: { 200: z.record(z.string(), resolvedParam) },
      },
    },
    (req) => params.resolve(requireCtx(req), req.query.period),
  );
  app.post(
    '/api/params',
    {
      schema: {
        tags,
        summary: '设置参数（新增一个生效版本）',
        body: setParamRequest,
        response: { 200: z.array(paramRow) },
      },
    },
    (req) => params.set(requireCtx(req), req.body),
  );
}
