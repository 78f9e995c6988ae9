import {
  afClueRequest,
  afClueResponse,
  afHouseholdPage,
  afHouseholdQuery,
  afQuery,
  afResponse,
  changeListQuery,
  changePage,
  compareQuery,
  createScenarioRequest,
  createScenarioResponse,
  scenarioCompare,
  scenarioDetail,
  scenarioHouseholdExplain,
  scenarioHouseholdParams,
  scenarioIdParams,
  scenarioListQuery,
  scenarioPage,
} from '#common/contracts/analysis.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { DeprivationService } from './deprivation.service.ts';
import type { WhatIfService } from './whatif.service.ts';

const tags = ['analysis'];

export function analysisRoutes(app: App, deps: { whatIf: WhatIfService; deprivation: DeprivationService }): void {
  const { whatIf, deprivation } = deps;
  app.post(
    '/api/analysis/scenarios',
    {
      schema: {
        tags,
        summary: '政策试算：保存方案并在沙盒中重算该月（后台任务，不写入正式预警）',
        body: createScenarioRequest,
        response: { 200: createScenarioResponse },
      },
    },
    async (req) => {
      const { id, jobId, wait } = await whatIf.create(requireCtx(req), req.body);
      wait.catch((err) => req.log.error({ err, scenarioId: id }, 'what-if scenario failed'));
      return { id, jobId };
    },
  );
  app.get(
    '/api/analysis/scenarios',
    { schema: { tags, summary: '试算方案列表', querystring: scenarioListQuery, response: { 200: scenarioPage } } },
    (req) => whatIf.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/analysis/scenarios/compare',
    { schema: { tags, summary: '比较两个试算方案', querystring: compareQuery, response: { 200: scenarioCompare } } },
    (req) => whatIf.compare(requireCtx(req), req.query.a, req.query.b),
  );
  app.get(
    '/api/analysis/scenarios/:id',
    {
      schema: {
        tags,
        summary: '试算结果：进入与退出户数（按乡镇、村、户类型、预警类别）及工作量变化',
        params: scenarioIdParams,
        response: { 200: scenarioDetail },
      },
    },
    (req) => whatIf.get(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/analysis/scenarios/:id/changes',
    {
      schema: {
        tags,
        summary: '试算进出名单（分页）',
        params: scenarioIdParams,
        querystring: changeListQuery,
        response: { 200: changePage },
      },
    },
    (req) => whatIf.changes(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/analysis/scenarios/:id/changes.xlsx',
    { schema: { tags, summary: '导出试算进出名单（留痕）', params: scenarioIdParams, querystring: changeListQuery } },
    async (req, reply) => {
      const prepared = await whatIf.prepareExport(requireCtx(req), req.params.id, req.query);
      return sendXlsx(req, reply, prepared.fileName, prepared.write);
    },
  );
  app.get(
    '/api/analysis/scenarios/:id/households/:householdId',
    {
      schema: {
        tags,
        summary: '某户在现行参数与试算参数下的判断依据',
        params: scenarioHouseholdParams,
        response: { 200: scenarioHouseholdExplain },
      },
    },
    (req) => whatIf.explainHousehold(requireCtx(req), req.params.id, req.params.householdId),
  );
  app.get(
    '/api/analysis/deprivation',
    {
      schema: {
        tags,
        summary: '多维剥夺（阿尔基尔–福斯特）：H、A、M0，按乡镇、村，各维度贡献，逐月',
        querystring: afQuery,
        response: { 200: afResponse },
      },
    },
    (req) => deprivation.summary(requireCtx(req), req.query),
  );
  app.get(
    '/api/analysis/deprivation/households',
    {
      schema: {
        tags,
        summary: '多维贫困但未纳入监测的农户（附原因）',
        querystring: afHouseholdQuery,
        response: { 200: afHouseholdPage },
      },
    },
    (req) => deprivation.unmonitored(requireCtx(req), req.query),
  );
  app.post(
    '/api/analysis/deprivation/clues',
    {
      schema: {
        tags,
        summary: '为多维贫困未监测户生成线索（部门信息比对渠道）',
        body: afClueRequest,
        response: { 200: afClueResponse },
      },
    },
    (req) => deprivation.raiseClue(requireCtx(req), req.body),
  );
}
