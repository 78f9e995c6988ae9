import { z } from 'zod';
import {
  explainQuery,
  explainResponse,
  householdIdParams,
  runDiff,
  runIdParams,
  runExportQuery,
  runListQuery,
  runPage,
  runRow,
  startRunRequest,
  startRunResponse,
  warningListQuery,
  warningPage,
} from '#common/contracts/monitoring.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { MonitoringService } from './monitoring.service.ts';

const tags = ['monitoring'];

export function monitoringRoutes(app: App, deps: { monitoring: MonitoringService }): void {
  const { monitoring } = deps;
  app.post(
    '/api/monitoring/runs',
    {
      schema: { tags, summary: '启动月度监测（后台任务）', body: startRunRequest, response: { 200: startRunResponse } },
    },
    async (req) => {
      const { jobId, runId, wait } = await monitoring.runMonth(requireCtx(req), req.body.period);
      wait.catch((err) => req.log.error({ err, runId }, 'monitoring run failed'));
      return { jobId, runId };
    },
  );
  app.get(
    '/api/monitoring/runs',
    {
      schema: {
        tags,
        summary: '监测运行记录（耗时、各规则预警数；带 page 时分页并给出合计）',
        querystring: runListQuery,
        response: { 200: z.union([runPage, z.array(runRow)]) },
      },
    },
    (req) => monitoring.runs(requireCtx(req), req.query),
  );
  app.get(
    '/api/monitoring/runs/export.xlsx',
    { schema: { tags, summary: '导出监测运行记录（按列表筛选条件，留痕）', querystring: runExportQuery } },
    async (req, reply) => {
      const write = await monitoring.prepareRunsExport(requireCtx(req), req.query);
      return sendXlsx(req, reply, '监测运行记录.xlsx', write);
    },
  );
  app.get(
    '/api/monitoring/runs/:id/diff',
    { schema: { tags, summary: '与上月比较：新增、持续、解除', params: runIdParams, response: { 200: runDiff } } },
    (req) => monitoring.diff(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/monitoring/warnings',
    {
      schema: {
        tags,
        summary: '预警列表（按辖区，按 id 翻页）',
        querystring: warningListQuery,
        response: { 200: warningPage },
      },
    },
    (req) => monitoring.warnings(requireCtx(req), req.query),
  );
  app.get(
    '/api/monitoring/households/:id/explain',
    {
      schema: {
        tags,
        summary: '某户各规则的判断依据与监测类型建议',
        params: householdIdParams,
        querystring: explainQuery,
        response: { 200: explainResponse },
      },
    },
    (req) => monitoring.explain(requireCtx(req), req.params.id, req.query.period),
  );
}
