import type { z } from 'zod';
import type { ProductInput, ProductRow, productListQuery } from '#common/contracts/consumer-assistance.ts';
import { countyCodeOf, orgFilterPrefix } from '#common/domain/org-code.ts';
import { supplierErrors } from '#common/domain/village-economy/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './consumer-assistance.repository.ts';
import { PRODUCT, toProductRow, type ConsumerDeps } from './consumer-assistance.shared.ts';

// 帮扶产品 and their suppliers: a 脱贫户 or monitored household of the registry, or a 合作社 by name.

export async function listProducts(d: ConsumerDeps, ctx: RequestContext, q: z.infer<typeof productListQuery>) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.productWhere(ctx.actor.scopePrefix, {
    supplierKind: q.supplierKind,
    category: q.category,
    orgPrefix: orgFilterPrefix(q.orgCode),
    householdId: q.householdId,
    q: q.q,
  });
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listProducts(d.db, where, q, w), repo.countProducts(d.db, where)]);
  return { items: rows.map(toProductRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** The supplier checked by the pure rule; answers the supplying household (if any) and the product's unit. */
async function checkSupplier(d: ConsumerDeps, ctx: RequestContext, input: ProductInput) {
  const household =
    input.supplierKind === 'household' && input.householdId
      ? await repo.householdFacts(d.db, ctx.actor.scopePrefix, input.householdId)
      : undefined;
  const errors = supplierErrors({
    supplierKind: input.supplierKind,
    household: household
      ? { kind: household.kind, monitoringStatus: household.monitoring_status, closed: household.closed_on !== null }
      : null,
    supplierName: input.supplierName ?? null,
  });
  if (input.supplierKind === 'cooperative' && !input.orgCode)
    errors.push({ field: 'orgCode', messageZh: '请选择合作社所在单位', messageEn: 'Choose the cooperative’s unit' });
  if (errors.length) throw AppError.validation(errors);
  const orgCode = input.supplierKind === 'household' ? household!.village_code : input.orgCode!;
  return { household, orgCode };
}

/** A product and its supplier: a 脱贫户/monitored household of the registry (in scope), or a cooperative by name. */
export async function createProduct(d: ConsumerDeps, ctx: RequestContext, input: ProductInput): Promise<ProductRow> {
  requirePermission(ctx, 'programmes:write');
  const { household, orgCode } = await checkSupplier(d, ctx, input);
  requireInScope(ctx, orgCode);
  const id = await d.db.transaction(async (tx) => {
    const newId = await repo.insertProduct(tx, {
      countyCode: countyCodeOf(orgCode),
      orgCode,
      name: input.name,
      category: input.category,
      supplierKind: input.supplierKind,
      householdId: input.supplierKind === 'household' ? household!.id : null,
      supplierName: input.supplierKind === 'cooperative' ? input.supplierName! : null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'consumer_product',
      entityId: newId,
      orgCode,
      after: { ...input, orgCode },
    });
    return newId;
  });
  const [row] = await repo.listProducts(
    d.db,
    repo.productWhere(ctx.actor.scopePrefix, { id }),
    {},
    { pageSize: 1, offset: 0 },
  );
  if (!row) throw AppError.notFound(PRODUCT);
  return toProductRow(row);
}
