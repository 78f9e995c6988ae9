import type { z } from 'zod';
import type { pointsRedemptionInput, pointsRedemptionQuery } from '#common/contracts/village-points.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import { notFutureErrors, redemptionErrors } from '#common/domain/village-points/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { loadHousehold } from '../registry/index.ts';
import * as repo from './village-points.repository.ts';
import { ENTITY, today, toRedemption, type PointsDeps } from './village-points.shared.ts';

// 积分超市 (“以积分换物品”): redemptions spend points, never below a zero balance (checked under a per-household lock
// in the same transaction); a household's balance.

export async function listRedemptions(d: PointsDeps, ctx: RequestContext, q: z.infer<typeof pointsRedemptionQuery>) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.redemptionWhere(ctx.actor.scopePrefix, { ...q, orgPrefix: orgFilterPrefix(q.orgCode) });
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([
    repo.listRedemptions(d.db, where, q, w),
    repo.countRedemptions(d.db, where),
  ]);
  return { items: rows.map(toRedemption), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** 积分超市: goods for points, never more than the balance (checked under the household's lock). */
export async function redeem(d: PointsDeps, ctx: RequestContext, input: z.infer<typeof pointsRedemptionInput>) {
  requirePermission(ctx, 'programmes:write');
  const { household } = await loadHousehold(d.db, ctx, input.householdId);
  const dateErrors = notFutureErrors('redeemedOn', input.redeemedOn, today(d));
  if (dateErrors.length) throw AppError.validation(dateErrors);
  const id = await d.db.transaction(async (tx) => {
    await repo.lockHouseholdPoints(tx, household.id);
    const { balance } = await repo.balanceOf(tx, household.id);
    const errors = redemptionErrors(balance, input.points);
    if (errors.length) throw AppError.validation(errors);
    const newId = await repo.insertRedemption(tx, {
      countyCode: household.countyCode,
      orgCode: household.villageCode,
      householdId: household.id,
      goods: input.goods,
      quantity: input.quantity,
      points: input.points,
      redeemedOn: input.redeemedOn,
      note: input.note || null,
      recordedBy: ctx.actor.displayName,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'redeem',
      entity: ENTITY,
      entityId: household.householdNo,
      orgCode: household.villageCode,
      before: { balance },
      after: { redemptionId: newId, ...input, balance: balance - input.points },
    });
    return newId;
  });
  return { id, ...(await repo.balanceOf(d.db, household.id)), householdId: household.id };
}

export async function balance(d: PointsDeps, ctx: RequestContext, householdId: number) {
  requirePermission(ctx, 'programmes:read');
  const { household } = await loadHousehold(d.db, ctx, householdId);
  return { householdId: household.id, ...(await repo.balanceOf(d.db, household.id)) };
}
