import { z } from 'zod';
import {
  approvalAction,
  approvalRow,
  approvalsQuery,
  assessmentQuery,
  assessmentResponse,
  assessmentScheme,
  auditQuery,
  cockpitQuery,
  cockpitResponse,
  definitionsResponse,
  formQuery,
  formResponse,
  importRequest,
  importSummary,
  indicatorDef,
  orgGroupList,
  saveFormRequest,
  targetInput,
  targetRow,
  valueAuditRow,
} from '#common/contracts/indicators.ts';
import { CONTENT_TYPES, sendDownload } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { AssessmentService } from './assessment.service.ts';
import { cockpitWorkbook } from './indicators.xlsx.ts';
import type { IndicatorsService } from './indicators.service.ts';

const tags = ['indicators'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const codeParams = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/) });
const actionParams = z.object({ action: z.enum(['submit', 'approve', 'return']) });

export function indicatorsRoutes(
  app: App,
  deps: { indicators: IndicatorsService; assessment: AssessmentService },
): void {
  const { indicators: s, assessment } = deps;
  app.get(
    '/api/indicators/definitions',
    { schema: { tags, summary: '数据元、数据集与指标定义', response: { 200: definitionsResponse } } },
    (req) => s.definitions(requireCtx(req)),
  );
  app.put(
    '/api/indicators/definitions/:code',
    {
      schema: {
        tags,
        summary: '保存指标定义（校验表达式与循环引用）',
        params: codeParams,
        body: indicatorDef,
        response: { 200: definitionsResponse },
      },
    },
    (req) => {
      if (req.body.code !== req.params.code)
        return s.saveIndicator(requireCtx(req), { ...req.body, code: req.params.code });
      return s.saveIndicator(requireCtx(req), req.body);
    },
  );
  app.get(
    '/api/indicators/targets',
    { schema: { tags, summary: '目标值（含文件依据）', response: { 200: z.array(targetRow) } } },
    (req) => s.listTargets(requireCtx(req)),
  );
  app.get(
    '/api/indicators/groups',
    {
      schema: {
        tags,
        summary: '机构分组及成员（重点帮扶村、示范村、重点行政村、脱贫村）',
        response: { 200: orgGroupList },
      },
    },
    (req) => s.listGroups(requireCtx(req)),
  );
  app.post(
    '/api/indicators/targets',
    {
      schema: { tags, summary: '新增目标（下级可覆盖上级）', body: targetInput, response: { 200: z.array(targetRow) } },
    },
    (req) => s.saveTarget(requireCtx(req), req.body),
  );
  app.put(
    '/api/indicators/targets/:id',
    {
      schema: { tags, summary: '修改目标', params: idParams, body: targetInput, response: { 200: z.array(targetRow) } },
    },
    (req) => s.saveTarget(requireCtx(req), req.body, req.params.id),
  );
  app.delete(
    '/api/indicators/targets/:id',
    { schema: { tags, summary: '删除目标', params: idParams, response: { 200: z.array(targetRow) } } },
    (req) => s.deleteTarget(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/indicators/form',
    {
      schema: {
        tags,
        summary: '填报表（数据集 × 机构 × 期间）',
        querystring: formQuery,
        response: { 200: formResponse },
      },
    },
    (req) => s.form(requireCtx(req), req.query),
  );
  app.put(
    '/api/indicators/form',
    {
      schema: {
        tags,
        summary: '保存填报值（运行校验规则，留痕）',
        body: saveFormRequest,
        response: { 200: formResponse },
      },
    },
    (req) => s.saveForm(requireCtx(req), req.body),
  );
  app.get(
    '/api/indicators/values/audit',
    { schema: { tags, summary: '单元格修改痕迹', querystring: auditQuery, response: { 200: z.array(valueAuditRow) } } },
    (req) => s.valueAudit(requireCtx(req), req.query),
  );
  app.post(
    '/api/indicators/approvals/:action',
    {
      schema: {
        tags,
        summary: '上报 / 审核 / 退回（村→乡→县）',
        params: actionParams,
        body: approvalAction,
        response: { 200: formResponse },
      },
    },
    (req) => s.act(requireCtx(req), req.params.action, req.body),
  );
  app.get(
    '/api/indicators/approvals',
    {
      schema: {
        tags,
        summary: '下级单位的上报与审核状态',
        querystring: approvalsQuery,
        response: { 200: z.array(approvalRow) },
      },
    },
    (req) => s.approvals(requireCtx(req), req.query),
  );
  app.post(
    '/api/indicators/import',
    {
      schema: {
        tags,
        summary: '导入数据值（JSON/CSV，可试导入）',
        body: importRequest,
        response: { 200: importSummary },
      },
    },
    (req) => s.importValues(requireCtx(req), req.body),
  );

  app.get(
    '/api/indicators/cockpit',
    {
      schema: {
        tags,
        summary: '驾驶舱：指标达标、趋势、乡镇评分',
        querystring: cockpitQuery,
        response: { 200: cockpitResponse },
      },
    },
    (req) => s.cockpit(requireCtx(req), req.query),
  );
  app.get(
    '/api/indicators/cockpit.xlsx',
    { schema: { tags, summary: '驾驶舱导出 .xlsx', querystring: cockpitQuery } },
    async (req, reply) => {
      const data = await s.cockpit(requireCtx(req), req.query);
      return sendDownload(req, reply, {
        fileName: `指标驾驶舱-${data.unit.name}-${data.period}.xlsx`,
        contentType: CONTENT_TYPES.xlsx,
        body: await cockpitWorkbook(data),
      });
    },
  );

  app.get(
    '/api/indicators/assessment',
    {
      schema: {
        tags,
        summary: '乡镇考核评估结果',
        querystring: assessmentQuery,
        response: { 200: assessmentResponse },
      },
    },
    (req) => assessment.result(requireCtx(req), req.query.year),
  );
  app.put(
    '/api/indicators/assessment/scheme',
    {
      schema: { tags, summary: '设置考核方案（权重）', body: assessmentScheme, response: { 200: assessmentResponse } },
    },
    (req) => assessment.saveScheme(requireCtx(req), req.body),
  );
  app.get(
    '/api/indicators/assessment.xlsx',
    { schema: { tags, summary: '考核结果表 .xlsx', querystring: assessmentQuery } },
    async (req, reply) => {
      const data = await assessment.result(requireCtx(req), req.query.year);
      return sendDownload(req, reply, {
        fileName: `乡镇考核评估结果-${data.year}.xlsx`,
        contentType: CONTENT_TYPES.xlsx,
        body: await assessment.workbook(data),
      });
    },
  );
}
