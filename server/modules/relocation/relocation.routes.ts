import { z } from 'zod';
import {
  householdParams,
  householdRelocation,
  relocatedExportQuery,
  relocatedInput,
  relocatedListQuery,
  relocatedPage,
  siteInput,
  siteListQuery,
  sitePage,
} from '../../../common/contracts/relocation.ts';
import { sendXlsx } from '../../http/download.ts';
import { requireCtx } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { RelocationService } from './relocation.service.ts';

const tags = ['relocation'];

export function relocationRoutes(app: App, deps: { relocation: RelocationService }): void {
  const s = deps.relocation;
  app.get(
    '/api/relocation/sites',
    { schema: { tags, summary: '易地搬迁安置点（分页）', querystring: siteListQuery, response: { 200: sitePage } } },
    (req) => s.listSitesPage(requireCtx(req), req.query),
  );
  app.post(
    '/api/relocation/sites',
    {
      schema: {
        tags,
        summary: '登记安置点',
        body: siteInput,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    (req) => s.createSite(requireCtx(req), req.body),
  );
  app.get(
    '/api/relocation/households',
    {
      schema: {
        tags,
        summary: '搬迁户与稳定就业核查（分页，可只看未达到的）',
        querystring: relocatedListQuery,
        response: { 200: relocatedPage },
      },
    },
    (req) => s.listRelocated(requireCtx(req), req.query),
  );
  app.get(
    '/api/relocation/households/export.xlsx',
    { schema: { tags, summary: '搬迁户稳定就业核查台账（.xlsx，按筛选，留痕）', querystring: relocatedExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '易地搬迁户稳定就业核查.xlsx', await s.prepareRelocatedExport(requireCtx(req), req.query)),
  );
  app.post(
    '/api/relocation/households',
    {
      schema: {
        tags,
        summary: '登记搬迁户（农户、安置点、入住日期）',
        body: relocatedInput,
        response: { 200: z.object({ id: z.number().int(), householdId: z.number().int() }) },
      },
    },
    (req) => s.addRelocated(requireCtx(req), req.body),
  );
  app.get(
    '/api/relocation/by-household/:householdId',
    {
      schema: {
        tags,
        summary: '农户的搬迁安置与成员稳定就业',
        params: householdParams,
        response: { 200: householdRelocation },
      },
    },
    (req) => s.household(requireCtx(req), req.params.householdId),
  );
}
