import {
  collectiveExportQuery,
  collectiveInput,
  collectiveListQuery,
  collectivePage,
  villageHistory,
  villageParams,
  villageYearParams,
} from '#common/contracts/collective-economy.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { CollectiveEconomyService } from './collective-economy.service.ts';

const tags = ['collective-economy'];

export function collectiveEconomyRoutes(app: App, deps: { collectiveEconomy: CollectiveEconomyService }): void {
  const { collectiveEconomy: svc } = deps;
  app.get(
    '/api/collective-economy',
    {
      schema: {
        tags,
        summary: '村集体经济收入（按年度、村，乡镇合计，薄弱村）',
        querystring: collectiveListQuery,
        response: { 200: collectivePage },
      },
    },
    (req) => svc.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/collective-economy/export.xlsx',
    { schema: { tags, summary: '村集体经济收入台账（.xlsx，按筛选）', querystring: collectiveExportQuery } },
    async (req, reply) => {
      const write = await svc.exportLedger(requireCtx(req), req.query);
      return sendXlsx(req, reply, `${req.query.year}年村集体经济收入台账.xlsx`, write);
    },
  );
  app.get(
    '/api/collective-economy/villages/:orgCode',
    {
      schema: {
        tags,
        summary: '一个村的历年填报记录（含被更正的）与资产台账收益',
        params: villageParams,
        response: { 200: villageHistory },
      },
    },
    (req) => svc.history(requireCtx(req), req.params.orgCode),
  );
  app.put(
    '/api/collective-economy/villages/:orgCode/:year',
    {
      schema: {
        tags,
        summary: '填报或更正一个村的年度集体经济收入',
        params: villageYearParams,
        body: collectiveInput,
        response: { 200: villageHistory },
      },
    },
    (req) => svc.save(requireCtx(req), req.params.orgCode, req.params.year, req.body),
  );
}
