import { z } from 'zod';
import { orgCode, orgListQuery, orgSearchQuery, orgTreeNode, orgTreeQuery, orgUnit } from '#common/contracts/org.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { OrgService } from './org.service.ts';

const codeParams = z.object({ code: orgCode });

export function orgRoutes(app: App, org: OrgService): void {
  app.get(
    '/api/org/tree',
    {
      schema: {
        tags: ['org'],
        summary: '机构树（以当前用户机构为根）',
        querystring: orgTreeQuery,
        response: { 200: z.array(orgTreeNode) },
      },
    },
    async (req) => org.tree(requireCtx(req), req.query),
  );
  app.get(
    '/api/org/units/:code',
    { schema: { tags: ['org'], summary: '按代码查机构', params: codeParams, response: { 200: orgUnit } } },
    async (req) => org.getUnit(requireCtx(req), req.params.code),
  );
  app.get(
    '/api/org/units/:code/children',
    {
      schema: {
        tags: ['org'],
        summary: '下级机构',
        params: codeParams,
        querystring: orgListQuery,
        response: { 200: z.array(orgUnit) },
      },
    },
    async (req) => org.children(requireCtx(req), req.params.code, req.query),
  );
  app.get(
    '/api/org/search',
    {
      schema: {
        tags: ['org'],
        summary: '按名称或代码搜索机构',
        querystring: orgSearchQuery,
        response: { 200: z.array(orgUnit) },
      },
    },
    async (req) => org.search(requireCtx(req), req.query.q, req.query.limit),
  );
}
