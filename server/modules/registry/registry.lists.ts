import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { QUALITY_HOUSEHOLD_SORTS, QUALITY_SORTS, qualityHouseholdRow } from '#common/contracts/registry-lists.ts';
import type { qualityReportRow } from '#common/contracts/registry.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { scopePrefixOf } from '#common/domain/org-code.ts';
import { QUALITY_RULES } from '#common/domain/registry/quality-checks.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type ColumnSpec } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { CHANGE_ACTION_ZH } from './registry.lists.labels.ts';
import { listReviewPage, type ReviewFilter, type ReviewRow, type ReviewSort } from './registry.lists.repository.ts';
import type { RegistryService } from './registry.service.ts';

// The registry's admin lists on the paged convention (issue 16 point 5): 待审核 and the data-quality
// report. Each list has one filter its page, its total and its export share: reviews a SQL where-clause
// (registry.lists.repository.ts), quality a pass over the households in scope (the rules are code, not SQL).

type QualityRow = z.infer<typeof qualityReportRow>;
type QualityHouseholdRow = z.infer<typeof qualityHouseholdRow>;
type QualitySort = (typeof QUALITY_SORTS)[number];
type QualityHouseholdSort = (typeof QUALITY_HOUSEHOLD_SORTS)[number];

const EXPORT_BATCH = 1000;

/** A narrower prefix inside the actor's scope ('' for the whole scope); out of scope is a 404. */
function orgPrefixOf(ctx: RequestContext, orgCode?: string): string {
  if (!orgCode) return '';
  requireInScope(ctx, orgCode);
  return scopePrefixOf(orgCode);
}

function chinaTime(iso: string | null): string | null {
  return iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') : null;
}

/** Sorts in memory by a whitelisted key, ties by `tie`; nulls last either way. */
function sortRows<T, K extends keyof T & string>(rows: T[], key: K, order: 'asc' | 'desc' | undefined, tie: keyof T) {
  const dir = order === 'desc' ? -1 : 1;
  const cmp = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
  return rows.sort((a, b) => dir * cmp(a[key], b[key]) || cmp(a[tie], b[tie]));
}

function pageOf<T>(rows: T[], q: PagingQuery) {
  const win = pageWindow(q);
  return {
    items: rows.slice(win.offset, win.offset + win.pageSize),
    total: rows.length,
    page: win.page ?? 1,
    pageSize: win.pageSize,
  };
}

const REVIEW_STATUS_ZH = { none: '无需审核', pending: '待审核', confirmed: '已确认', rejected: '已退回' } as const;
const REVIEW_HEADERS = [
  '变更时间',
  { header: '户编号', kind: 'code' },
  '村',
  '录入人',
  '变更',
  '理由',
  '审核状态',
  '审核人',
  '审核意见',
] as const;

const QUALITY_HEADERS: readonly (string | ColumnSpec)[] = [
  { header: '村代码', kind: 'code' },
  '村',
  { header: '户数', kind: 'integer' },
  { header: '有问题户数', kind: 'integer' },
  { header: '错误数', kind: 'integer' },
  { header: '提示数', kind: 'integer' },
  ...QUALITY_RULES.map((r) => ({ header: r.nameZh, kind: 'integer' as const })),
];
const QUALITY_HOUSEHOLD_HEADERS = [
  { header: '户编号', kind: 'code' },
  '村',
  { header: '问题数', kind: 'integer' },
  '问题说明',
] as const;

export function createRegistryLists(deps: { db: Db; registry: RegistryService }) {
  const { db, registry } = deps;

  function reviewFilter(ctx: RequestContext, q: { orgCode?: string; status: ReviewFilter['status']; action?: string }) {
    requirePermission(ctx, 'registry:review');
    return {
      scopePrefix: ctx.actor.scopePrefix,
      orgPrefix: orgPrefixOf(ctx, q.orgCode),
      status: q.status,
      action: q.action,
    };
  }

  /** 待审核: with `page` a numbered page and the total; without, every matching change (older callers). */
  async function reviews(
    ctx: RequestContext,
    q: { orgCode?: string; status: ReviewFilter['status']; action?: string } & PagingQuery<ReviewSort>,
  ) {
    const f = { ...reviewFilter(ctx, q), sort: q.sort, order: q.order };
    if (q.page !== undefined) {
      const { rows, total } = await listReviewPage(db, { ...f, page: q.page, pageSize: q.pageSize });
      return { items: rows, total, page: q.page, pageSize: pageWindow(q).pageSize };
    }
    const all: ReviewRow[] = [];
    for (let page = 1; ; page++) {
      const { rows } = await listReviewPage(db, { ...f, page, pageSize: EXPORT_BATCH });
      all.push(...rows);
      if (rows.length < EXPORT_BATCH) return all;
    }
  }

  async function prepareReviewsExport(
    ctx: RequestContext,
    q: { orgCode?: string; status: ReviewFilter['status']; action?: string } & PagingQuery<ReviewSort>,
  ) {
    const f = { ...reviewFilter(ctx, q), sort: q.sort, order: q.order };
    const first = await listReviewPage(db, { ...f, page: 1, pageSize: EXPORT_BATCH });
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'registry_change',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { ledger: '村级变更审核', rows: first.total, status: q.status, action: q.action ?? null },
      }),
    );
    async function* rows(): AsyncGenerator<Cell[]> {
      let batch = first.rows;
      for (let page = 1; ;) {
        for (const r of batch)
          yield [
            chinaTime(r.at),
            r.householdNo,
            r.villageName,
            r.actorName,
            CHANGE_ACTION_ZH[r.action] ?? r.action,
            r.reason,
            REVIEW_STATUS_ZH[r.reviewStatus],
            r.reviewedBy,
            r.reviewNote,
          ];
        if (batch.length < EXPORT_BATCH) return;
        batch = (await listReviewPage(db, { ...f, page: ++page, pageSize: EXPORT_BATCH })).rows;
      }
    }
    return (out: Writable) =>
      writeLedger(out, [{ title: '村级变更审核', headers: REVIEW_HEADERS, rows: rows() }], ledgerMeta(ctx));
  }

  /** The per-village rows the filters match, sorted (the page, the total and the export share this). */
  async function qualityRows(
    ctx: RequestContext,
    q: { orgCode?: string; withFindings?: 'true' | 'false' } & PagingQuery<QualitySort>,
  ): Promise<QualityRow[]> {
    const rows = await registry.quality(ctx, orgPrefixOf(ctx, q.orgCode));
    const matching = rows.filter((r) =>
      q.withFindings === 'true'
        ? r.householdsWithFindings > 0
        : q.withFindings === 'false'
          ? r.householdsWithFindings === 0
          : true,
    );
    return sortRows(matching, q.sort ?? 'orgCode', q.order, 'orgCode');
  }

  async function qualityPage(
    ctx: RequestContext,
    q: { orgCode?: string; withFindings?: 'true' | 'false' } & PagingQuery<QualitySort>,
  ) {
    return pageOf(await qualityRows(ctx, q), q);
  }

  async function prepareQualityExport(
    ctx: RequestContext,
    q: { orgCode?: string; withFindings?: 'true' | 'false' } & PagingQuery<QualitySort>,
  ) {
    requirePermission(ctx, 'registry:export');
    const rows = await qualityRows(ctx, q);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'data_quality',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { ledger: '数据质量报告', rows: rows.length, withFindings: q.withFindings ?? null },
      }),
    );
    async function* cells(): AsyncGenerator<Cell[]> {
      for (const r of rows)
        yield [
          r.orgCode,
          r.orgName,
          r.households,
          r.householdsWithFindings,
          r.errors,
          r.warnings,
          ...QUALITY_RULES.map((rule) => r.byRule[rule.code] ?? 0),
        ];
    }
    return (out: Writable) =>
      writeLedger(out, [{ title: '数据质量报告', headers: QUALITY_HEADERS, rows: cells() }], ledgerMeta(ctx));
  }

  /** The households behind one rule, as filtered and sorted (page, total and export share this). */
  async function qualityHouseholdRows(
    ctx: RequestContext,
    q: { orgCode?: string; rule: string } & PagingQuery<QualityHouseholdSort>,
  ): Promise<QualityHouseholdRow[]> {
    const rows: QualityHouseholdRow[] = [];
    await registry.qualityWalk(ctx, orgPrefixOf(ctx, q.orgCode), (v) => {
      const mine = v.findings.filter((f) => f.rule === q.rule);
      if (mine.length === 0) return;
      rows.push({
        householdId: v.householdId,
        householdNo: v.householdNo,
        villageCode: v.villageCode,
        villageName: v.villageName,
        messagesZh: mine.map((f) => f.messageZh),
        messagesEn: mine.map((f) => f.messageEn),
        findings: mine.length,
      });
    });
    const key = q.sort === 'village' ? 'villageName' : q.sort === 'findings' ? 'findings' : 'householdNo';
    return sortRows(rows, key, q.order, 'householdNo');
  }

  async function qualityHouseholds(
    ctx: RequestContext,
    q: { orgCode?: string; rule: string } & PagingQuery<QualityHouseholdSort>,
  ) {
    return pageOf(await qualityHouseholdRows(ctx, q), q);
  }

  async function prepareQualityHouseholdsExport(
    ctx: RequestContext,
    q: { orgCode?: string; rule: string } & PagingQuery<QualityHouseholdSort>,
  ) {
    requirePermission(ctx, 'registry:export');
    const rows = await qualityHouseholdRows(ctx, q);
    const rule = QUALITY_RULES.find((r) => r.code === q.rule);
    const title = `数据质量问题户（${rule ? rule.nameZh : q.rule}）`;
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'data_quality',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { ledger: '数据质量问题户', rule: q.rule, rows: rows.length },
      }),
    );
    async function* cells(): AsyncGenerator<Cell[]> {
      for (const r of rows) yield [r.householdNo, r.villageName, r.findings, r.messagesZh.join('；')];
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [{ title: '问题户', caption: title, headers: QUALITY_HOUSEHOLD_HEADERS, rows: cells() }],
        ledgerMeta(ctx),
      );
  }

  return {
    reviews,
    prepareReviewsExport,
    qualityPage,
    prepareQualityExport,
    qualityHouseholds,
    prepareQualityHouseholdsExport,
  };
}

export type RegistryLists = ReturnType<typeof createRegistryLists>;
