import {
  assetCustodyInput,
  assetDetail,
  assetInput,
  assetListQuery,
  assetListAnswer,
  assetSummary,
  disposalInput,
  incomeInput,
} from '#common/contracts/assets.ts';
import { idParams } from '#common/contracts/deliberation.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { AssetsService } from './assets.service.ts';

const tags = ['assets'];

export function assetsRoutes(app: App, deps: { assets: AssetsService }): void {
  const { assets } = deps;
  app.get(
    '/api/assets',
    {
      schema: {
        tags,
        summary: '资产台账（县总账、乡村明细账按权限范围）',
        querystring: assetListQuery,
        response: { 200: assetListAnswer },
      },
    },
    (req) => assets.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/assets/summary',
    { schema: { tags, summary: '资产分类与权属汇总', response: { 200: assetSummary } } },
    (req) => assets.totals(requireCtx(req)),
  );
  app.post(
    '/api/assets',
    { schema: { tags, summary: '登记资产（清产核资）', body: assetInput, response: { 200: assetDetail } } },
    (req) => assets.create(requireCtx(req), req.body),
  );
  app.get(
    '/api/assets/:id',
    { schema: { tags, summary: '资产详情与收益记录', params: idParams, response: { 200: assetDetail } } },
    (req) => assets.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/assets/:id/custody',
    {
      schema: {
        tags,
        summary: '管护主体与责任人',
        params: idParams,
        body: assetCustodyInput,
        response: { 200: assetDetail },
      },
    },
    (req) => assets.setCustody(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/assets/:id/incomes',
    {
      schema: {
        tags,
        summary: '登记收益与分配（须经四议两公开）',
        params: idParams,
        body: incomeInput,
        response: { 200: assetDetail },
      },
    },
    (req) => assets.recordIncome(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/assets/:id/disposal',
    {
      schema: {
        tags,
        summary: '资产处置（收入归所有权人）',
        params: idParams,
        body: disposalInput,
        response: { 200: assetDetail },
      },
    },
    (req) => assets.dispose(requireCtx(req), req.params.id, req.body),
  );
}
