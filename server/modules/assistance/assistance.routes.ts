import { z } from 'zod';
import {
  cadreOption,
  createFundRequest,
  disburseRequest,
  endPairingRequest,
  fundDetail,
  fundIncomeRequest,
  fundRow,
  householdAssistance,
  householdParams,
  idParams,
  measureInput,
  measureExportQuery,
  measureListQuery,
  measurePage,
  measureRow,
  measureUpdate,
  obligationBoard,
  obligationExportQuery,
  obligationQuery,
  pairingExportQuery,
  pairingListQuery,
  pairingPage,
  pairingRequest,
  pairingRow,
  unpairedQuery,
  unpairedResponse,
  reliefApplicationRequest,
  reliefApplicationRow,
  reliefDecisionRequest,
  subtypeRequest,
  subtypeRow,
  workspace,
} from '#common/contracts/assistance.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { Db } from '#server/db/connect.ts';
import { createAssistanceExport } from './assistance.export.ts';
import type { AssistanceService } from './assistance.service.ts';
import type { ReliefService } from './relief.service.ts';

const tags = ['assistance'];

export function assistanceRoutes(
  app: App,
  deps: { db: Db; assistance: AssistanceService; relief: ReliefService },
): void {
  const { assistance, relief } = deps;
  const exporter = createAssistanceExport(deps.db, assistance);

  // 结对帮扶
  app.get(
    '/api/assistance/cadres',
    { schema: { tags, summary: '可结对的帮扶干部', response: { 200: z.array(cadreOption) } } },
    (req) => assistance.cadres(requireCtx(req)),
  );
  app.get(
    '/api/assistance/pairings',
    {
      schema: {
        tags,
        summary: '结对帮扶列表（分页、排序，共 N 条）',
        querystring: pairingListQuery,
        response: { 200: pairingPage },
      },
    },
    (req) => assistance.pairings(requireCtx(req), req.query),
  );
  app.get(
    '/api/assistance/unpaired',
    {
      schema: {
        tags,
        summary: '未结对的监测户（分页、排序，共 N 户）',
        querystring: unpairedQuery,
        response: { 200: unpairedResponse },
      },
    },
    (req) => assistance.unpaired(requireCtx(req), req.query),
  );
  app.post(
    '/api/assistance/pairings',
    {
      schema: {
        tags,
        summary: '结对（或更换帮扶干部，保留历史）',
        body: pairingRequest,
        response: { 200: pairingRow },
      },
    },
    (req) => assistance.pair(requireCtx(req), req.body),
  );
  app.post(
    '/api/assistance/pairings/:id/end',
    { schema: { tags, summary: '结束结对', params: idParams, body: endPairingRequest, response: { 200: pairingRow } } },
    (req) => assistance.endPairing(requireCtx(req), req.params.id, req.body),
  );

  // 帮扶措施
  app.get(
    '/api/assistance/subtypes',
    { schema: { tags, summary: '措施类别子项（可维护代码表）', response: { 200: z.array(subtypeRow) } } },
    (req) => assistance.subtypes(requireCtx(req)),
  );
  app.post(
    '/api/assistance/subtypes',
    { schema: { tags, summary: '新增或修改措施子项', body: subtypeRequest, response: { 200: subtypeRow } } },
    (req) => assistance.saveSubtype(requireCtx(req), req.body),
  );
  app.get(
    '/api/assistance/measures',
    {
      schema: {
        tags,
        summary: '帮扶措施列表',
        querystring: measureListQuery,
        response: { 200: measurePage },
      },
    },
    (req) => assistance.measures(requireCtx(req), req.query),
  );
  app.post(
    '/api/assistance/measures',
    { schema: { tags, summary: '登记帮扶措施', body: measureInput, response: { 200: measureRow } } },
    (req) => assistance.createMeasure(requireCtx(req), req.body),
  );
  app.get(
    '/api/assistance/measures/:id',
    { schema: { tags, summary: '帮扶措施', params: idParams, response: { 200: measureRow } } },
    (req) => assistance.getMeasure(requireCtx(req), req.params.id),
  );
  app.put(
    '/api/assistance/measures/:id',
    { schema: { tags, summary: '修改帮扶措施', params: idParams, body: measureUpdate, response: { 200: measureRow } } },
    (req) => assistance.editMeasure(requireCtx(req), req.params.id, req.body),
  );

  // 户帮扶页、帮扶责任预警、干部工作台
  app.get(
    '/api/assistance/households/:householdId',
    {
      schema: {
        tags,
        summary: '农户帮扶情况（结对、措施、预警、分类帮扶建议、走访）',
        params: householdParams,
        response: { 200: householdAssistance },
      },
    },
    (req) => assistance.household(requireCtx(req), req.params.householdId),
  );
  app.get(
    '/api/assistance/obligations',
    {
      schema: {
        tags,
        summary: '帮扶责任预警（按乡镇）',
        querystring: obligationQuery,
        response: { 200: obligationBoard },
      },
    },
    (req) => assistance.board(requireCtx(req), req.query),
  );
  app.get(
    '/api/assistance/workspace',
    { schema: { tags, summary: '帮扶干部工作台', response: { 200: workspace } } },
    (req) => assistance.workspace(requireCtx(req)),
  );

  // 应急救助基金 / 临时救助
  app.get('/api/relief/funds', { schema: { tags, summary: '救助基金', response: { 200: z.array(fundRow) } } }, (req) =>
    relief.funds(requireCtx(req)),
  );
  app.post(
    '/api/relief/funds',
    { schema: { tags, summary: '设立救助基金', body: createFundRequest, response: { 200: fundDetail } } },
    (req) => relief.createFund(requireCtx(req), req.body),
  );
  app.get(
    '/api/relief/funds/:id',
    { schema: { tags, summary: '基金台账', params: idParams, response: { 200: fundDetail } } },
    (req) => relief.fund(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/relief/funds/:id/income',
    { schema: { tags, summary: '基金入账', params: idParams, body: fundIncomeRequest, response: { 200: fundDetail } } },
    (req) => relief.income(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/relief/applications',
    {
      schema: {
        tags,
        summary: '救助申请',
        querystring: z.object({
          status: z.enum(['submitted', 'approved', 'rejected', 'disbursed']).optional(),
          householdId: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: z.array(reliefApplicationRow) },
      },
    },
    (req) => relief.applications(requireCtx(req), req.query),
  );
  app.post(
    '/api/relief/applications',
    {
      schema: {
        tags,
        summary: '救助申请登记',
        body: reliefApplicationRequest,
        response: { 200: reliefApplicationRow },
      },
    },
    (req) => relief.apply(requireCtx(req), req.body),
  );
  app.post(
    '/api/relief/applications/:id/decision',
    {
      schema: {
        tags,
        summary: '审批救助申请',
        params: idParams,
        body: reliefDecisionRequest,
        response: { 200: reliefApplicationRow },
      },
    },
    (req) => relief.decide(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/relief/applications/:id/disburse',
    {
      schema: {
        tags,
        summary: '发放救助金（余额不足则拒绝）',
        params: idParams,
        body: disburseRequest,
        response: { 200: reliefApplicationRow },
      },
    },
    (req) => relief.disburse(requireCtx(req), req.params.id, req.body),
  );

  // 导出（留痕）：server/http/download.ts streams the workbook
  app.get(
    '/api/assistance/measures/export.xlsx',
    { schema: { tags, summary: '导出帮扶措施台账（按列表筛选条件，留痕）', querystring: measureExportQuery } },
    async (req, reply) => {
      const write = await exporter.prepareMeasures(requireCtx(req), req.query);
      return sendXlsx(req, reply, '帮扶措施台账.xlsx', write);
    },
  );
  app.get(
    '/api/assistance/obligations/export.xlsx',
    { schema: { tags, summary: '导出帮扶责任预警（按列表筛选条件，留痕）', querystring: obligationExportQuery } },
    async (req, reply) => {
      const write = await exporter.prepareObligations(requireCtx(req), req.query);
      return sendXlsx(req, reply, '帮扶责任预警.xlsx', write);
    },
  );
  app.get(
    '/api/assistance/pairings/export.xlsx',
    { schema: { tags, summary: '导出结对帮扶名单（按列表筛选条件，留痕）', querystring: pairingExportQuery } },
    async (req, reply) => {
      const write = await exporter.preparePairings(requireCtx(req), req.query);
      return sendXlsx(req, reply, '结对帮扶名单.xlsx', write);
    },
  );
  app.get(
    '/api/relief/funds/:id/ledger.xlsx',
    { schema: { tags, summary: '导出救助基金台账（留痕）', params: idParams } },
    async (req, reply) => {
      const prepared = await relief.prepareLedger(requireCtx(req), req.params.id);
      return sendXlsx(req, reply, `${prepared.name}台账.xlsx`, prepared.write);
    },
  );
}
