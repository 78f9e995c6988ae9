import {
  decisionDetail,
  decisionInput,
  decisionListQuery,
  decisionPage,
  handScoresInput,
  idParams,
  sheetExportQuery,
  sheetListQuery,
  sheetPage,
  sheetRow,
  villageYearParams,
} from '#common/contracts/key-villages.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { KeyVillagesService } from './key-villages.service.ts';

const tags = ['key-villages'];

export function keyVillagesRoutes(app: App, deps: { keyVillages: KeyVillagesService }): void {
  const { keyVillages: svc } = deps;
  app.get(
    '/api/key-villages',
    {
      schema: {
        tags,
        summary: '重点帮扶村评分排序（按年度、村；全县统一归一化）',
        querystring: sheetListQuery,
        response: { 200: sheetPage },
      },
    },
    (req) => svc.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/key-villages/export.xlsx',
    { schema: { tags, summary: '重点帮扶村评分排序表（.xlsx，按筛选）', querystring: sheetExportQuery } },
    async (req, reply) => {
      const write = await svc.exportSheet(requireCtx(req), req.query);
      return sendXlsx(req, reply, `${req.query.year}年重点帮扶村评分排序表.xlsx`, write);
    },
  );
  app.put(
    '/api/key-villages/scores/:orgCode/:year',
    {
      schema: {
        tags,
        summary: '县级评分：区位条件、公共服务、基础设施、资源禀赋（0–100）',
        params: villageYearParams,
        body: handScoresInput,
        response: { 200: sheetRow },
      },
    },
    (req) => svc.saveScores(requireCtx(req), req.params.orgCode, req.params.year, req.body),
  );
  app.get(
    '/api/key-villages/decisions',
    {
      schema: {
        tags,
        summary: '重点帮扶村和示范村认定记录（历次）',
        querystring: decisionListQuery,
        response: { 200: decisionPage },
      },
    },
    (req) => svc.decisions(requireCtx(req), req.query),
  );
  app.get(
    '/api/key-villages/decisions/:id',
    { schema: { tags, summary: '一次认定的村名单', params: idParams, response: { 200: decisionDetail } } },
    (req) => svc.decision(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/key-villages/decisions',
    {
      schema: {
        tags,
        summary: '县级认定重点帮扶村和示范村（文号、日期）；现行认定即指标分组和驻村标注',
        body: decisionInput,
        response: { 200: decisionDetail },
      },
    },
    (req) => svc.decide(requireCtx(req), req.body),
  );
}
