import {
  clueIdsAnswer,
  petitionClueInput,
  petitionCloseInput,
  petitionDetail,
  petitionExportQuery,
  petitionHouseholdInput,
  petitionHouseholdParams,
  petitionIdParams,
  petitionInput,
  petitionListQuery,
  petitionPage,
  petitionStepInput,
  zeroPetitionExportQuery,
  zeroPetitionPage,
  zeroPetitionQuery,
} from '#common/contracts/petitions.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { PetitionsService } from './petitions.service.ts';

const tags = ['petitions'];

export function petitionsRoutes(app: App, deps: { petitions: PetitionsService }): void {
  const { petitions: svc } = deps;
  app.get(
    '/api/petitions',
    {
      schema: {
        tags,
        summary: '涉贫舆情信访登记簿（含逾期）',
        querystring: petitionListQuery,
        response: { 200: petitionPage },
      },
    },
    (req) => svc.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/petitions',
    { schema: { tags, summary: '登记舆情或信访事项', body: petitionInput, response: { 200: petitionDetail } } },
    (req) => svc.create(requireCtx(req), req.body),
  );
  app.get(
    '/api/petitions/export.xlsx',
    { schema: { tags, summary: '涉贫舆情信访台账（.xlsx，按筛选）', querystring: petitionExportQuery } },
    async (req, reply) => {
      const write = await svc.exportLedger(requireCtx(req), req.query);
      return sendXlsx(req, reply, '涉贫舆情信访台账.xlsx', write);
    },
  );
  app.get(
    '/api/petitions/zero-petition',
    {
      schema: {
        tags,
        summary: '零上访村（按年度，按村、按乡镇）',
        querystring: zeroPetitionQuery,
        response: { 200: zeroPetitionPage },
      },
    },
    (req) => svc.zeroPetition(requireCtx(req), req.query),
  );
  app.get(
    '/api/petitions/zero-petition/export.xlsx',
    { schema: { tags, summary: '零上访村台账（.xlsx，按筛选）', querystring: zeroPetitionExportQuery } },
    async (req, reply) => {
      const write = await svc.exportZeroPetition(requireCtx(req), req.query);
      return sendXlsx(req, reply, '零上访村台账.xlsx', write);
    },
  );
  app.get(
    '/api/petitions/:id',
    {
      schema: {
        tags,
        summary: '事项、办理过程与涉及农户',
        params: petitionIdParams,
        response: { 200: petitionDetail },
      },
    },
    (req) => svc.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/petitions/:id/steps',
    {
      schema: {
        tags,
        summary: '记录办理环节',
        params: petitionIdParams,
        body: petitionStepInput,
        response: { 200: petitionDetail },
      },
    },
    (req) => svc.addStep(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/:id/close',
    {
      schema: {
        tags,
        summary: '办结',
        params: petitionIdParams,
        body: petitionCloseInput,
        response: { 200: petitionDetail },
      },
    },
    (req) => svc.close(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/:id/households',
    {
      schema: {
        tags,
        summary: '添加涉及农户',
        params: petitionIdParams,
        body: petitionHouseholdInput,
        response: { 200: petitionDetail },
      },
    },
    (req) => svc.addHousehold(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/:id/households/:householdId/clue',
    {
      schema: {
        tags,
        summary: '涉及农户存在风险：生成监测线索（舆情信访研判）',
        params: petitionHouseholdParams,
        body: petitionClueInput,
        response: { 200: clueIdsAnswer },
      },
    },
    (req) => svc.raiseClue(requireCtx(req), req.params.id, req.params.householdId, req.body),
  );
}
