import type { z } from 'zod';
import type {
  OutletInput,
  OutletRow,
  closeOutletInput,
  outletListQuery,
} from '#common/contracts/consumer-assistance.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { paramSourceText } from '#common/domain/params/source-text.ts';
import { outletProgress } from '#common/domain/village-economy/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './consumer-assistance.repository.ts';
import { OUTLET, outletFilter, toOutletRow, todayOf, yearOf, type ConsumerDeps } from './consumer-assistance.shared.ts';

// 三专 outlets (专馆、专区、专柜): the list, opening and closing one, and the summary against the plan's targets.

export async function listOutlets(d: ConsumerDeps, ctx: RequestContext, q: z.infer<typeof outletListQuery>) {
  requirePermission(ctx, 'programmes:read');
  const today = todayOf(d);
  const where = repo.outletWhere(ctx.actor.scopePrefix, outletFilter(q, today));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([
    repo.listOutlets(d.db, where, q, w, yearOf(today)),
    repo.countOutlets(d.db, where),
  ]);
  return { items: rows.map(toOutletRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

async function getOutlet(d: ConsumerDeps, ctx: RequestContext, id: number): Promise<OutletRow> {
  const today = todayOf(d);
  const [row] = await repo.listOutlets(
    d.db,
    repo.outletWhere(ctx.actor.scopePrefix, { id, today }),
    {},
    { pageSize: 1, offset: 0 },
    yearOf(today),
  );
  if (!row) throw AppError.notFound(OUTLET);
  return toOutletRow(row);
}

export async function createOutlet(d: ConsumerDeps, ctx: RequestContext, input: OutletInput): Promise<OutletRow> {
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, input.orgCode);
  if (input.openedOn > todayOf(d))
    throw AppError.validation([
      { field: 'openedOn', messageZh: '开设日期不能晚于今天', messageEn: 'The opening date is in the future' },
    ]);
  const id = await d.db.transaction(async (tx) => {
    const newId = await repo.insertOutlet(tx, {
      countyCode: countyCodeOf(input.orgCode),
      ...input,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'consumer_outlet',
      entityId: newId,
      orgCode: input.orgCode,
      after: input,
    });
    return newId;
  });
  return getOutlet(d, ctx, id);
}

/** Closes an outlet (end-dated; it and its sales stay). */
export async function closeOutlet(
  d: ConsumerDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof closeOutletInput>,
) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const outlet = await repo.findOutlet(tx, ctx.actor.scopePrefix, id, true);
    if (!outlet) throw AppError.notFound(OUTLET);
    if (outlet.closedOn) throw new AppError('CONFLICT', { zh: '网点已关闭', en: 'The outlet is already closed' });
    if (input.closedOn < outlet.openedOn || input.closedOn > todayOf(d))
      throw AppError.validation([
        {
          field: 'closedOn',
          messageZh: '关闭日期须在开设日期之后且不晚于今天',
          messageEn: 'The closing date lies between the opening date and today',
        },
      ]);
    await repo.closeOutlet(tx, id, input.closedOn, input.note ?? null);
    await recordAudit(tx, ctx, {
      action: 'close',
      entity: 'consumer_outlet',
      entityId: id,
      orgCode: outlet.orgCode,
      before: { closedOn: null },
      after: { closedOn: input.closedOn, note: input.note ?? null },
    });
  });
  return getOutlet(d, ctx, id);
}

/** Outlets open today against the 2/2/20 targets, this year's sales by month, suppliers. */
export async function summary(d: ConsumerDeps, ctx: RequestContext, q: { year?: number }) {
  requirePermission(ctx, 'programmes:read');
  const today = todayOf(d);
  const year = q.year ?? yearOf(today);
  const params = await resolveAll(d.db, countyOfActor(ctx), today.slice(0, 7));
  const targets = {
    pavilion: numberParam(params, 'consumer.targetPavilions'),
    zone: numberParam(params, 'consumer.targetZones'),
    counter: numberParam(params, 'consumer.targetCounters'),
  };
  const [spans, months, suppliers] = await Promise.all([
    repo.outletSpans(d.db, ctx.actor.scopePrefix),
    repo.salesByMonth(d.db, ctx.actor.scopePrefix, year),
    repo.supplierCounts(d.db, ctx.actor.scopePrefix),
  ]);
  const sourceRow = params['consumer.targetCounters'];
  return {
    asOf: today,
    targetSource: sourceRow ? paramSourceText('consumer.targetCounters', sourceRow, 'zh-CN') : '',
    progress: outletProgress(spans, targets, today),
    year,
    salesYearFen: months.reduce((s, m) => s + m.amountFen, 0),
    salesByMonth: months,
    suppliers,
  };
}
