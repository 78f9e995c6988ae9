import { z } from 'zod';
import { auditQuery, auditRow } from '../../../common/contracts/audit.ts';
import type { Db } from '../../db/connect.ts';
import { requireCtx } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { queryAudit } from './audit.service.ts';

const auditPage = z.object({ items: z.array(auditRow), nextBeforeId: z.number().int().nullable() });

export function auditRoutes(app: App, db: Db): void {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: '审计日志（只读）', querystring: auditQuery, response: { 200: auditPage } } },
    async (req) => queryAudit(db, requireCtx(req), req.query),
  );
}
