import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assetListQuery } from '#common/contracts/assets.ts';
import { idParams } from '#common/contracts/deliberation.ts';
import { projectListQuery } from '#common/contracts/projects.ts';
import { CONTENT_TYPES, sendDownload, sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import { htmlToPdf } from '#server/lib/pdf.ts';
import {
  assetBook,
  createNotices,
  fundBook,
  projectBook,
  writeBook,
  type Deps,
  type LedgerBook,
} from './projects.exports.ts';

// Routes of the ledger exports (.xlsx) and the public notices (page or PDF): each parses and calls one
// function of projects.exports.ts, which checks, scopes and audits. A list's export takes the list's
// filters and order (its page and page size are ignored: the export holds every matching row).

export type { Deps } from './projects.exports.ts';

const withoutPage = <Q extends { page?: number; pageSize?: number }>({ page: _p, pageSize: _s, ...rest }: Q) => rest;

export function ledgerRoutes(app: App, deps: Deps): void {
  const tags = ['ledgers'];
  const notices = createNotices(deps);
  const send = (req: FastifyRequest, reply: FastifyReply, b: LedgerBook) =>
    sendXlsx(req, reply, b.fileName, (out) => writeBook(out, b));

  app.get(
    '/api/projects/export.xlsx',
    { schema: { tags, summary: '导出项目库（筛选结果，.xlsx，留痕）', querystring: projectListQuery } },
    async (req, reply) => send(req, reply, await projectBook(deps, requireCtx(req), withoutPage(req.query))),
  );
  app.get(
    '/api/funds/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出衔接资金台账（.xlsx，留痕）',
        querystring: z.object({ year: z.coerce.number().int() }),
      },
    },
    async (req, reply) => send(req, reply, await fundBook(deps, requireCtx(req), req.query.year)),
  );
  app.get(
    '/api/assets/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出资产台账（筛选结果；县总账或乡村明细账，.xlsx，留痕）',
        querystring: assetListQuery,
      },
    },
    async (req, reply) => send(req, reply, await assetBook(deps, requireCtx(req), withoutPage(req.query))),
  );

  // Public notices: printable page, or the same page as PDF (503 pointing to the page when Chromium is missing).
  const html = (reply: FastifyReply, body: string) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const pdf = async (req: FastifyRequest, reply: FastifyReply, body: string, name: string) =>
    sendDownload(req, reply, {
      fileName: name,
      contentType: CONTENT_TYPES.pdf,
      body: await htmlToPdf(body),
      disposition: 'inline',
    });

  app.get(
    '/api/projects/:id/notice.html',
    { schema: { tags, summary: '项目公示/公告（打印版）', params: idParams } },
    async (req, reply) => html(reply, await notices.projectNotice(requireCtx(req), req.params.id)),
  );
  app.get(
    '/api/projects/:id/notice.pdf',
    { schema: { tags, summary: '项目公示/公告（PDF）', params: idParams } },
    async (req, reply) => pdf(req, reply, await notices.projectNotice(requireCtx(req), req.params.id), '项目公示.pdf'),
  );
  const incomeParams = z.object({
    id: z.coerce.number().int().positive(),
    incomeId: z.coerce.number().int().positive(),
  });
  app.get(
    '/api/assets/:id/incomes/:incomeId/notice.html',
    { schema: { tags, summary: '资产收益分配公示（打印版）', params: incomeParams } },
    async (req, reply) => html(reply, await notices.incomeNotice(requireCtx(req), req.params.id, req.params.incomeId)),
  );
  app.get(
    '/api/assets/:id/incomes/:incomeId/notice.pdf',
    { schema: { tags, summary: '资产收益分配公示（PDF）', params: incomeParams } },
    async (req, reply) =>
      pdf(
        req,
        reply,
        await notices.incomeNotice(requireCtx(req), req.params.id, req.params.incomeId),
        '资产收益分配公示.pdf',
      ),
  );
}
