import type { Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { pointsExportQuery, pointsRankingQuery } from '#common/contracts/village-points.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import { POINTS_CATEGORIES, zhOf } from '#common/domain/village-points/codes.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type SheetContent } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './village-points.repository.ts';
import { ENTITY, thisYear, toAward, toRank, toRedemption, toRule, type PointsDeps } from './village-points.shared.ts';

// The ranking (a village's households by points earned in the year) and the 积分制台账 (.xlsx): items, awards and
// redemptions of the year, and the ranking, for the unit filtered; each sheet read 500 rows at a time.

type Window = { pageSize: number; offset: number };
type Filter = { orgPrefix?: string; year: number };

export async function ranking(d: PointsDeps, ctx: RequestContext, q: z.infer<typeof pointsRankingQuery>) {
  requirePermission(ctx, 'programmes:read');
  const f = { orgPrefix: orgFilterPrefix(q.orgCode), year: q.year ?? thisYear(d) };
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([
    repo.ranking(d.db, ctx.actor.scopePrefix, f, w),
    repo.rankingCount(d.db, ctx.actor.scopePrefix, f),
  ]);
  return { year: f.year, items: rows.map(toRank), total, page: w.page ?? 1, pageSize: w.pageSize };
}

const RULE_HEADERS: SheetContent['headers'] = [
  '乡镇',
  '村',
  '积分项目',
  '类别',
  { header: '分值', kind: 'integer' },
  '四议两公开依据',
  { header: '已记分(次)', kind: 'integer' },
  '状态',
];
const AWARD_HEADERS: SheetContent['headers'] = [
  '村',
  '户编号',
  '户主',
  '积分项目',
  '类别',
  { header: '积分', kind: 'integer' },
  { header: '日期', kind: 'date' },
  '事由',
  '记分人',
];
const REDEMPTION_HEADERS: SheetContent['headers'] = [
  '村',
  '户编号',
  '户主',
  '兑换物品',
  { header: '数量', kind: 'integer' },
  { header: '使用积分', kind: 'integer' },
  { header: '兑换日期', kind: 'date' },
  '经办人',
];
const RANK_HEADERS: SheetContent['headers'] = [
  '村',
  { header: '名次', kind: 'integer' },
  '户编号',
  '户主',
  { header: '本年积分', kind: 'integer' },
  { header: '积分余额', kind: 'integer' },
];

async function* pages<T>(read: (w: Window) => Promise<T[]>): AsyncGenerator<T> {
  const size = 500;
  for (let offset = 0; ; offset += size) {
    const batch = await read({ pageSize: size, offset });
    yield* batch;
    if (batch.length < size) return;
  }
}

async function* ruleRows(d: PointsDeps, where: SQL): AsyncGenerator<Cell[]> {
  for await (const x of pages((w) => repo.listRules(d.db, where, {}, w))) {
    const r = toRule(x);
    const category = zhOf(POINTS_CATEGORIES, r.category);
    yield [
      r.townshipName,
      r.villageName,
      r.name,
      category,
      r.points,
      r.deliberationSubject,
      r.awards,
      r.active ? '在用' : '停用',
    ];
  }
}

async function* awardRows(d: PointsDeps, where: SQL): AsyncGenerator<Cell[]> {
  for await (const x of pages((w) => repo.listAwards(d.db, where, {}, w))) {
    const r = toAward(x);
    const category = zhOf(POINTS_CATEGORIES, r.category);
    yield [
      r.villageName,
      r.householdNo,
      r.headName,
      r.ruleName,
      category,
      r.points,
      r.awardedOn,
      r.reason,
      r.awardedBy,
    ];
  }
}

async function* redemptionRows(d: PointsDeps, where: SQL): AsyncGenerator<Cell[]> {
  for await (const x of pages((w) => repo.listRedemptions(d.db, where, {}, w))) {
    const r = toRedemption(x);
    yield [r.villageName, r.householdNo, r.headName, r.goods, r.quantity, r.points, r.redeemedOn, r.recordedBy];
  }
}

async function* rankRows(d: PointsDeps, scope: string, f: Filter): AsyncGenerator<Cell[]> {
  for await (const x of pages((w) => repo.ranking(d.db, scope, f, w))) {
    const r = toRank(x);
    yield [r.villageName, r.rank, r.householdNo, r.headName, r.earned, r.balance];
  }
}

/** 积分制台账 (.xlsx): items, awards and redemptions of the year, and the ranking, for the unit filtered. */
export async function exportLedger(d: PointsDeps, ctx: RequestContext, q: z.infer<typeof pointsExportQuery>) {
  requirePermission(ctx, 'programmes:read');
  const f: Filter = { orgPrefix: orgFilterPrefix(q.orgCode), year: q.year ?? thisYear(d) };
  const scope = ctx.actor.scopePrefix;
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: ENTITY,
      orgCode: ctx.actor.orgCode,
      after: { ledger: '积分制台账', filters: q },
    }),
  );
  return (out: Writable) =>
    writeLedger(
      out,
      [
        {
          title: '积分项目',
          headers: RULE_HEADERS,
          rows: ruleRows(d, repo.ruleWhere(scope, { orgPrefix: f.orgPrefix })),
        },
        { title: `${f.year}年积分记录`, headers: AWARD_HEADERS, rows: awardRows(d, repo.awardWhere(scope, f)) },
        {
          title: `${f.year}年积分兑换`,
          headers: REDEMPTION_HEADERS,
          rows: redemptionRows(d, repo.redemptionWhere(scope, f)),
        },
        { title: `${f.year}年积分排行`, headers: RANK_HEADERS, rows: rankRows(d, scope, f) },
      ],
      ledgerMeta(ctx),
    );
}
