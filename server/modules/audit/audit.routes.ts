import { auditExportQuery, auditPage, auditQuery } from '#common/contracts/audit.ts';
import type { Db } from '#server/db/connect.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import { prepareAuditExport, queryAudit } from './audit.service.ts';

export function auditRoutes(app: App, db: Db): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（只读，分页、排序、合计）',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (req) => queryAudit(db, requireCtx(req), req.query),
  );
  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（按列表筛选条件，导出本身留痕）',
        querystring: auditExportQuery,
      },
    },
    async (req, reply) => {
      const write = await prepareAuditExport(db, requireCtx(req), req.query);
      return sendXlsx(req, reply, '审计日志.xlsx', write);
    },
  );
}
