import {
  contributionInput,
  endPairingInput,
  pairingDetail,
  pairingExportQuery,
  pairingIdParams,
  pairingInput,
  pairingListQuery,
  pairingPage,
  pairingTotals,
} from '#common/contracts/social-pairing.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { SocialPairingService } from './social-pairing.service.ts';

const tags = ['social-pairing'];

export function socialPairingRoutes(app: App, deps: { socialPairing: SocialPairingService }): void {
  const { socialPairing: svc } = deps;
  app.get(
    '/api/social-pairing',
    {
      schema: {
        tags,
        summary: '社会力量帮扶结对（按村、类别）',
        querystring: pairingListQuery,
        response: { 200: pairingPage },
      },
    },
    (req) => svc.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/social-pairing',
    { schema: { tags, summary: '登记结对', body: pairingInput, response: { 200: pairingDetail } } },
    (req) => svc.create(requireCtx(req), req.body),
  );
  app.get(
    '/api/social-pairing/totals',
    {
      schema: {
        tags,
        summary: '按类别、按乡镇汇总（按筛选）',
        querystring: pairingExportQuery,
        response: { 200: pairingTotals },
      },
    },
    (req) => svc.totals(requireCtx(req), req.query),
  );
  app.get(
    '/api/social-pairing/export.xlsx',
    { schema: { tags, summary: '社会力量帮扶台账（.xlsx，按筛选）', querystring: pairingExportQuery } },
    async (req, reply) => {
      const write = await svc.exportLedger(requireCtx(req), req.query);
      return sendXlsx(req, reply, '社会力量帮扶台账.xlsx', write);
    },
  );
  app.get(
    '/api/social-pairing/:id',
    { schema: { tags, summary: '结对与帮扶投入', params: pairingIdParams, response: { 200: pairingDetail } } },
    (req) => svc.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/social-pairing/:id/contributions',
    {
      schema: {
        tags,
        summary: '登记帮扶投入（资金、项目、岗位）',
        params: pairingIdParams,
        body: contributionInput,
        response: { 200: pairingDetail },
      },
    },
    (req) => svc.contribute(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/social-pairing/:id/end',
    {
      schema: {
        tags,
        summary: '结束结对',
        params: pairingIdParams,
        body: endPairingInput,
        response: { 200: pairingDetail },
      },
    },
    (req) => svc.end(requireCtx(req), req.params.id, req.body),
  );
}
