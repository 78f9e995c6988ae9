import { z } from 'zod';
import {
  applicationStatusRequest,
  applicationStatusResponse,
  clueDetail,
  clueIdParams,
  clueListQuery,
  cluePage,
  closeClueRequest,
  officerApplicationRequest,
  publicApplicationRequest,
  visitRequest,
} from '#common/contracts/clues.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import type { ChannelsService } from './channels.service.ts';
import type { CluesService } from './clues.service.ts';

const tags = ['clues'];
const clueIds = z.object({ clueIds: z.array(z.number().int()) });

export function cluesRoutes(
  app: App,
  deps: { db: Db; box: PersonalDataBox; clues: CluesService; channels: ChannelsService },
): void {
  const { clues, channels } = deps;
  app.get(
    '/api/clues',
    {
      schema: {
        tags,
        summary: '线索列表（四个渠道）',
        querystring: clueListQuery,
        response: { 200: cluePage },
      },
    },
    (req) => clues.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/clues/:id',
    { schema: { tags, summary: '线索详情', params: clueIdParams, response: { 200: clueDetail } } },
    (req) => clues.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/clues/:id/close',
    {
      schema: {
        tags,
        summary: '核实无风险，关闭线索',
        params: clueIdParams,
        body: closeClueRequest,
        response: { 200: clueDetail },
      },
    },
    (req) => clues.close(requireCtx(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/clues/applications',
    {
      schema: {
        tags,
        summary: '代录农户申请（含承诺授权）',
        body: officerApplicationRequest,
        response: { 200: clueIds },
      },
    },
    (req) => channels.applyByOfficer(requireCtx(req), req.body),
  );
  app.post(
    '/api/visits',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: '走访排查记录',
        body: visitRequest,
        response: { 200: z.object({ visitId: z.number().int(), clueIds: z.array(z.number().int()) }) },
      },
    },
    (req) => channels.recordVisit(requireCtx(req), req.body),
  );

  // The public self-application page: no login, so it is rate-limited per address.
  app.post(
    '/api/public/applications',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '农户在线申请（公开）',
        body: publicApplicationRequest,
        response: { 200: z.object({ receipt: z.string(), clueIds: z.array(z.number().int()) }) },
      },
    },
    (req) => channels.applyPublic(req.body, req.id),
  );
  app.post(
    '/api/public/applications/status',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '查询申请办理进度（公开）',
        body: applicationStatusRequest,
        response: { 200: applicationStatusResponse },
      },
    },
    (req) => channels.status(req.body),
  );
  app.get(
    '/api/public/villages',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '可申请的行政村（公开）',
        response: { 200: z.array(z.object({ code: z.string(), name: z.string(), townshipName: z.string() })) },
      },
    },
    () => channels.publicVillages(),
  );
}
