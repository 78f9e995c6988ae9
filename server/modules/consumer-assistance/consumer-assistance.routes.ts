import {
  closeOutletInput,
  consumerSummary,
  idParams,
  outletExportQuery,
  outletInput,
  outletListQuery,
  outletPage,
  outletRow,
  productInput,
  productListQuery,
  productPage,
  productRow,
  saleInput,
  saleListQuery,
  salePage,
  summaryQuery,
} from '#common/contracts/consumer-assistance.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { ConsumerAssistanceService } from './consumer-assistance.service.ts';

const tags = ['consumer-assistance'];

export function consumerAssistanceRoutes(app: App, deps: { consumerAssistance: ConsumerAssistanceService }): void {
  const { consumerAssistance: svc } = deps;
  app.get(
    '/api/consumer-assistance/summary',
    {
      schema: {
        tags,
        summary: '专馆/专区/专柜建成数对照目标，本年销售',
        querystring: summaryQuery,
        response: { 200: consumerSummary },
      },
    },
    (req) => svc.summary(requireCtx(req), req.query),
  );
  app.get(
    '/api/consumer-assistance/outlets',
    { schema: { tags, summary: '消费帮扶网点', querystring: outletListQuery, response: { 200: outletPage } } },
    (req) => svc.listOutlets(requireCtx(req), req.query),
  );
  app.post(
    '/api/consumer-assistance/outlets',
    { schema: { tags, summary: '登记网点', body: outletInput, response: { 200: outletRow } } },
    (req) => svc.createOutlet(requireCtx(req), req.body),
  );
  app.get(
    '/api/consumer-assistance/outlets/export.xlsx',
    { schema: { tags, summary: '消费帮扶网点台账（.xlsx，按筛选）', querystring: outletExportQuery } },
    async (req, reply) => {
      const write = await svc.exportOutlets(requireCtx(req), req.query);
      return sendXlsx(req, reply, '消费帮扶网点台账.xlsx', write);
    },
  );
  app.post(
    '/api/consumer-assistance/outlets/:id/close',
    {
      schema: {
        tags,
        summary: '关闭网点',
        params: idParams,
        body: closeOutletInput,
        response: { 200: outletRow },
      },
    },
    (req) => svc.closeOutlet(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/consumer-assistance/products',
    { schema: { tags, summary: '帮扶产品与供货方', querystring: productListQuery, response: { 200: productPage } } },
    (req) => svc.listProducts(requireCtx(req), req.query),
  );
  app.post(
    '/api/consumer-assistance/products',
    { schema: { tags, summary: '登记产品', body: productInput, response: { 200: productRow } } },
    (req) => svc.createProduct(requireCtx(req), req.body),
  );
  app.get(
    '/api/consumer-assistance/sales',
    { schema: { tags, summary: '月度销售', querystring: saleListQuery, response: { 200: salePage } } },
    (req) => svc.listSales(requireCtx(req), req.query),
  );
  app.put(
    '/api/consumer-assistance/sales',
    { schema: { tags, summary: '登记或更正月度销售额', body: saleInput, response: { 200: salePage } } },
    (req) => svc.recordSale(requireCtx(req), req.body),
  );
}
