import type { z } from 'zod';
import type { saleInput, saleListQuery } from '#common/contracts/consumer-assistance.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import { saleErrors } from '#common/domain/village-economy/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './consumer-assistance.repository.ts';
import { todayOf, type ConsumerDeps } from './consumer-assistance.shared.ts';

// Monthly sales per outlet and product (fen; a correction replaces the month, audited with before/after).

type SaleInput = z.infer<typeof saleInput>;

export async function listSales(d: ConsumerDeps, ctx: RequestContext, q: z.infer<typeof saleListQuery>) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.saleWhere(ctx.actor.scopePrefix, {
    year: q.year,
    period: q.period,
    outletId: q.outletId,
    productId: q.productId,
    orgPrefix: orgFilterPrefix(q.orgCode),
  });
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, totals] = await Promise.all([repo.listSales(d.db, where, q, w), repo.saleTotals(d.db, where)]);
  return {
    items: rows.map((r) => ({
      id: r.sale.id,
      orgCode: r.sale.orgCode,
      outletId: r.sale.outletId,
      outletName: r.outletName,
      outletKind: r.outletKind,
      productId: r.sale.productId,
      productName: r.productName,
      supplierKind: r.supplierKind,
      supplierName: r.supplierName,
      period: r.sale.period,
      amountFen: r.sale.amountFen,
    })),
    total: totals.count,
    totalFen: totals.totalFen,
    page: w.page ?? 1,
    pageSize: w.pageSize,
  };
}

/** The outlet (locked) and product in the actor's scope, the month within the outlet's opening and not ahead. */
async function saleOutlet(d: ConsumerDeps, tx: Db, ctx: RequestContext, input: SaleInput) {
  const outlet = await repo.findOutlet(tx, ctx.actor.scopePrefix, input.outletId, true);
  if (!outlet)
    throw AppError.validation([
      { field: 'outletId', messageZh: '本辖区无此网点', messageEn: 'No such outlet in your scope' },
    ]);
  const [product] = await repo.listProducts(
    tx,
    repo.productWhere(ctx.actor.scopePrefix, { id: input.productId }),
    {},
    { pageSize: 1, offset: 0 },
  );
  const errors = saleErrors({
    period: input.period,
    openedOn: outlet.openedOn,
    closedOn: outlet.closedOn,
    today: todayOf(d),
  });
  if (!product)
    errors.push({ field: 'productId', messageZh: '本辖区无此产品', messageEn: 'No such product in your scope' });
  if (errors.length) throw AppError.validation(errors);
  return outlet;
}

/** A month's sales of a product at an outlet; a second entry for the same month replaces it (audited). */
export async function recordSale(d: ConsumerDeps, ctx: RequestContext, input: SaleInput) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const outlet = await saleOutlet(d, tx, ctx, input);
    const before = await repo.findSale(tx, input.outletId, input.productId, input.period);
    const id = await repo.upsertSale(tx, {
      countyCode: outlet.countyCode,
      orgCode: outlet.orgCode,
      outletId: input.outletId,
      productId: input.productId,
      period: input.period,
      amountFen: input.amountFen,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: before ? 'update' : 'create',
      entity: 'consumer_sale',
      entityId: id,
      orgCode: outlet.orgCode,
      before: before ? { period: before.period, amountFen: before.amountFen } : null,
      after: input,
    });
  });
  return listSales(d, ctx, {
    outletId: input.outletId,
    productId: input.productId,
    period: input.period,
    order: 'asc',
  });
}
