import { z } from 'zod';
import {
  changeRow,
  createHouseholdRequest,
  householdDetail,
  householdIdParams,
  householdPage,
  householdSearchQuery,
  mergeHouseholdRequest,
  moveMemberRequest,
  personParams,
  qualityReportRow,
  replaceMembersRequest,
  revealResponse,
  reviewRequest,
  saveIncomeRequest,
  splitHouseholdRequest,
  updateHouseholdRequest,
} from '#common/contracts/registry.ts';
import { okResponse } from '#common/contracts/auth.ts';
import {
  pendingRow,
  qualityExportQuery,
  qualityHouseholdExportQuery,
  qualityHouseholdPage,
  qualityHouseholdQuery,
  qualityListQuery,
  qualityPage,
  reviewExportQuery,
  reviewListQuery,
  reviewPage,
} from '#common/contracts/registry-lists.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import type { Db } from '#server/db/connect.ts';
import { createRegistryLists } from './registry.lists.ts';
import type { MembershipService } from './registry.members.ts';
import type { ReviewService } from './registry.review.ts';
import type { RegistryService } from './registry.service.ts';

const tags = ['registry'];
const page = householdPage;
const changeParams = z.object({ changeId: z.coerce.number().int().positive() });

export function registryRoutes(
  app: App,
  deps: { db: Db; box: PersonalDataBox; registry: RegistryService; members: MembershipService; review: ReviewService },
): void {
  const { registry, members, review } = deps;
  app.get(
    '/api/registry/households',
    {
      schema: {
        tags,
        summary: '农户查询（姓名、户编号、身份证号）',
        querystring: householdSearchQuery,
        response: { 200: page },
      },
    },
    (req) => registry.search(requireCtx(req), req.query),
  );
  app.post(
    '/api/registry/households',
    { schema: { tags, summary: '新增农户', body: createHouseholdRequest, response: { 200: householdDetail } } },
    (req) => registry.create(requireCtx(req), req.body),
  );
  app.get(
    '/api/registry/households/:id',
    { schema: { tags, summary: '农户详情', params: householdIdParams, response: { 200: householdDetail } } },
    (req) => registry.get(requireCtx(req), req.params.id),
  );
  app.put(
    '/api/registry/households/:id',
    {
      schema: {
        tags,
        summary: '修改农户信息',
        params: householdIdParams,
        body: updateHouseholdRequest,
        response: { 200: householdDetail },
      },
    },
    (req) => registry.update(requireCtx(req), req.params.id, req.body),
  );
  app.put(
    '/api/registry/households/:id/members',
    {
      schema: {
        tags,
        summary: '调整家庭成员',
        params: householdIdParams,
        body: replaceMembersRequest,
        response: { 200: householdDetail },
      },
    },
    async (req) => {
      await members.replaceMembers(requireCtx(req), req.params.id, req.body);
      return registry.get(requireCtx(req), req.params.id);
    },
  );
  app.post(
    '/api/registry/households/:id/members/:personId/move',
    {
      schema: {
        tags,
        summary: '成员迁入他户',
        params: personParams,
        body: moveMemberRequest,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await members.moveMember(requireCtx(req), req.params.id, req.params.personId, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/registry/households/:id/split',
    {
      schema: {
        tags,
        summary: '分户',
        params: householdIdParams,
        body: splitHouseholdRequest,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await members.split(requireCtx(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/registry/households/:id/merge',
    {
      schema: {
        tags,
        summary: '并户',
        params: householdIdParams,
        body: mergeHouseholdRequest,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await members.merge(requireCtx(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/registry/households/:id/income',
    {
      schema: {
        tags,
        summary: '年度收支',
        params: householdIdParams,
        body: saveIncomeRequest,
        response: { 200: householdDetail },
      },
    },
    (req) => registry.saveIncome(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/registry/households/:id/timeline',
    { schema: { tags, summary: '变更记录', params: householdIdParams, response: { 200: z.array(changeRow) } } },
    (req) => registry.timeline(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/registry/households/:id/members/:personId/reveal-id',
    { schema: { tags, summary: '查看完整证件号码（留痕）', params: personParams, response: { 200: revealResponse } } },
    (req) => registry.revealId(requireCtx(req), req.params.id, req.params.personId),
  );
  // The admin lists on the paged convention (registry.lists.ts): without `page` the older bare arrays.
  const lists = createRegistryLists({ db: deps.db, registry });
  app.get(
    '/api/registry/reviews',
    {
      schema: {
        tags,
        summary: '村级变更审核列表（默认待审核；带 page 时分页并给出合计）',
        querystring: reviewListQuery,
        response: { 200: z.union([reviewPage, z.array(pendingRow)]) },
      },
    },
    (req) => lists.reviews(requireCtx(req), req.query),
  );
  app.get(
    '/api/registry/reviews/export.xlsx',
    { schema: { tags, summary: '导出村级变更审核列表（按筛选条件，留痕）', querystring: reviewExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '村级变更审核.xlsx', await lists.prepareReviewsExport(requireCtx(req), req.query)),
  );
  app.post(
    '/api/registry/reviews/:changeId',
    { schema: { tags, summary: '审核变更', params: changeParams, body: reviewRequest, response: { 200: okResponse } } },
    async (req) => {
      await review.review(requireCtx(req), req.params.changeId, req.body.decision, req.body.note);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/registry/quality',
    {
      schema: {
        tags,
        summary: '数据质量报告（按村；带 page 时分页、排序并给出合计）',
        querystring: qualityListQuery,
        response: { 200: z.union([qualityPage, z.array(qualityReportRow)]) },
      },
    },
    (req) =>
      req.query.page === undefined && !req.query.orgCode && !req.query.withFindings && !req.query.sort
        ? registry.quality(requireCtx(req))
        : lists.qualityPage(requireCtx(req), req.query),
  );
  app.get(
    '/api/registry/quality/export.xlsx',
    { schema: { tags, summary: '导出数据质量报告（按筛选条件，留痕）', querystring: qualityExportQuery } },
    async (req, reply) =>
      sendXlsx(req, reply, '数据质量报告.xlsx', await lists.prepareQualityExport(requireCtx(req), req.query)),
  );
  app.get(
    '/api/registry/quality/households',
    {
      schema: {
        tags,
        summary: '某条数据质量规则下的问题户（分页、排序、合计）',
        querystring: qualityHouseholdQuery,
        response: { 200: qualityHouseholdPage },
      },
    },
    (req) => lists.qualityHouseholds(requireCtx(req), req.query),
  );
  app.get(
    '/api/registry/quality/households/export.xlsx',
    {
      schema: { tags, summary: '导出某条规则下的问题户（按筛选条件，留痕）', querystring: qualityHouseholdExportQuery },
    },
    async (req, reply) =>
      sendXlsx(
        req,
        reply,
        '数据质量问题户.xlsx',
        await lists.prepareQualityHouseholdsExport(requireCtx(req), req.query),
      ),
  );
}
