import {
  pointsAwardInput,
  pointsAwardPage,
  pointsAwardQuery,
  pointsBalance,
  pointsExportQuery,
  pointsIdParams,
  pointsRankingPage,
  pointsRankingQuery,
  pointsRedemptionInput,
  pointsRedemptionPage,
  pointsRedemptionQuery,
  pointsRuleInput,
  pointsRulePage,
  pointsRuleQuery,
  pointsRuleRow,
} from '#common/contracts/village-points.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { VillagePointsService } from './village-points.service.ts';

const tags = ['village-points'];
const written = pointsBalance.extend({ id: pointsBalance.shape.householdId });

export function villagePointsRoutes(app: App, deps: { villagePoints: VillagePointsService }): void {
  const { villagePoints: svc } = deps;
  app.get(
    '/api/village-points/rules',
    { schema: { tags, summary: '村积分项目', querystring: pointsRuleQuery, response: { 200: pointsRulePage } } },
    (req) => svc.listRules(requireCtx(req), req.query),
  );
  app.post(
    '/api/village-points/rules',
    {
      schema: {
        tags,
        summary: '新增积分项目（依四议两公开决议）',
        body: pointsRuleInput,
        response: { 200: pointsRuleRow },
      },
    },
    (req) => svc.createRule(requireCtx(req), req.body),
  );
  app.get(
    '/api/village-points/awards',
    { schema: { tags, summary: '积分记录', querystring: pointsAwardQuery, response: { 200: pointsAwardPage } } },
    (req) => svc.listAwards(requireCtx(req), req.query),
  );
  app.post(
    '/api/village-points/awards',
    { schema: { tags, summary: '给农户记分', body: pointsAwardInput, response: { 200: written } } },
    (req) => svc.award(requireCtx(req), req.body),
  );
  app.get(
    '/api/village-points/redemptions',
    {
      schema: {
        tags,
        summary: '积分超市兑换记录',
        querystring: pointsRedemptionQuery,
        response: { 200: pointsRedemptionPage },
      },
    },
    (req) => svc.listRedemptions(requireCtx(req), req.query),
  );
  app.post(
    '/api/village-points/redemptions',
    {
      schema: {
        tags,
        summary: '积分兑换（余额不足不予兑换）',
        body: pointsRedemptionInput,
        response: { 200: written },
      },
    },
    (req) => svc.redeem(requireCtx(req), req.body),
  );
  app.get(
    '/api/village-points/ranking',
    {
      schema: {
        tags,
        summary: '积分排行（按村）',
        querystring: pointsRankingQuery,
        response: { 200: pointsRankingPage },
      },
    },
    (req) => svc.ranking(requireCtx(req), req.query),
  );
  app.get(
    '/api/village-points/households/:id',
    { schema: { tags, summary: '农户积分余额', params: pointsIdParams, response: { 200: pointsBalance } } },
    (req) => svc.balance(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/village-points/export.xlsx',
    { schema: { tags, summary: '积分制台账（.xlsx）', querystring: pointsExportQuery } },
    async (req, reply) => {
      const write = await svc.exportLedger(requireCtx(req), req.query);
      return sendXlsx(req, reply, '积分制台账.xlsx', write);
    },
  );
}
