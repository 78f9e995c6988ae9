import { z } from 'zod';
import {
  caseActionRequest,
  caseDetail,
  caseIdParams,
  caseListQuery,
  caseListAnswer,
  dueGroup,
  dueListQuery,
  zeroingQuery,
  zeroingResponse,
  startEliminationRequest,
  startIdentificationRequest,
} from '#common/contracts/cases.ts';
import { CONTENT_TYPES, sendDownload, sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { CaseReports } from './cases.reports.ts';
import type { CasesService } from './cases.service.ts';

const noticeParams = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(['publicity', 'announcement']) });

const tags = ['cases'];

export function casesRoutes(app: App, deps: { cases: CasesService; caseReports: CaseReports }): void {
  const { cases, caseReports: reports } = deps;
  // Before /api/cases/:id so the static paths win.
  app.get(
    '/api/cases/due',
    {
      schema: {
        tags,
        summary: '识别认定时限：超期和临期事项（按乡镇、村）',
        querystring: dueListQuery,
        response: { 200: z.object({ limitDays: z.number().int(), asOf: z.string(), groups: z.array(dueGroup) }) },
      },
    },
    (req) => reports.due(requireCtx(req), req.query.orgCode),
  );
  app.get(
    '/api/cases/zeroing',
    { schema: { tags, summary: '动态清零看板', querystring: zeroingQuery, response: { 200: zeroingResponse } } },
    (req) => reports.zeroing(requireCtx(req), req.query.orgCode),
  );
  for (const which of ['monitored', 'eliminated'] as const) {
    const name = which === 'monitored' ? '监测对象台账' : '风险消除台账';
    app.get(
      `/api/cases/ledgers/${which}.xlsx`,
      { schema: { tags, summary: `导出${name}（留痕）` } },
      async (req, reply) => {
        const prepared = await reports.prepareLedger(requireCtx(req), which);
        return sendXlsx(req, reply, `${name}.xlsx`, prepared.write);
      },
    );
  }
  app.get(
    '/api/cases/export.xlsx',
    { schema: { tags, summary: '导出事项列表（筛选结果，.xlsx，留痕）', querystring: caseListQuery } },
    async (req, reply) => {
      const { afterId: _a, limit: _l, page: _p, pageSize: _s, ...query } = req.query;
      const write = await cases.prepareListExport(requireCtx(req), query);
      return sendXlsx(req, reply, '识别认定和风险消除事项.xlsx', write);
    },
  );
  app.get(
    '/api/cases/:id/notices/:kind.html',
    { schema: { tags, summary: '公示/公告打印版（已隐去敏感信息）', params: noticeParams } },
    async (req, reply) => {
      const html = await reports.noticeHtml(requireCtx(req), req.params.id, req.params.kind);
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
  app.get(
    '/api/cases/:id/notices/:kind.pdf',
    { schema: { tags, summary: '公示/公告 PDF', params: noticeParams } },
    async (req, reply) => {
      const { pdf, title } = await reports.noticePdf(requireCtx(req), req.params.id, req.params.kind);
      return sendDownload(req, reply, {
        fileName: `${title}.pdf`,
        contentType: CONTENT_TYPES.pdf,
        body: pdf,
        disposition: 'inline',
      });
    },
  );
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '识别认定/风险消除事项列表',
        querystring: caseListQuery,
        response: { 200: caseListAnswer },
      },
    },
    (req) => cases.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: '事项详情', params: caseIdParams, response: { 200: caseDetail } } },
    (req) => cases.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/cases/identifications',
    {
      schema: { tags, summary: '由线索发起识别认定', body: startIdentificationRequest, response: { 200: caseDetail } },
    },
    (req) => cases.startIdentification(requireCtx(req), req.body.clueId),
  );
  app.post(
    '/api/cases/eliminations',
    {
      schema: {
        tags,
        summary: '发起风险消除（帮扶消除/自然消除）',
        body: startEliminationRequest,
        response: { 200: caseDetail },
      },
    },
    (req) => cases.startElimination(requireCtx(req), req.body),
  );
  app.post(
    '/api/cases/:id/actions',
    {
      schema: {
        tags,
        summary: '办理当前环节（完成、退回、终止、开始公示）',
        params: caseIdParams,
        body: caseActionRequest,
        response: { 200: caseDetail },
      },
    },
    (req) => cases.act(requireCtx(req), req.params.id, req.body),
  );
}
