import type { z } from 'zod';
import type { pointsAwardInput, pointsAwardQuery } from '#common/contracts/village-points.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import { notFutureErrors } from '#common/domain/village-points/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { loadHousehold } from '../registry/index.ts';
import * as repo from './village-points.repository.ts';
import { ENTITY, RULE, today, toAward, type PointsDeps } from './village-points.shared.ts';

// Awards (“以表现换积分”): a household of the item's village gets the item's points, with the reason, day and who.

export async function listAwards(d: PointsDeps, ctx: RequestContext, q: z.infer<typeof pointsAwardQuery>) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.awardWhere(ctx.actor.scopePrefix, { ...q, orgPrefix: orgFilterPrefix(q.orgCode) });
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listAwards(d.db, where, q, w), repo.countAwards(d.db, where)]);
  return { items: rows.map(toAward), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** Points to a household of the item's village, on a day not after today, with the reason. */
export async function award(d: PointsDeps, ctx: RequestContext, input: z.infer<typeof pointsAwardInput>) {
  requirePermission(ctx, 'programmes:write');
  const { household } = await loadHousehold(d.db, ctx, input.householdId);
  const rule = await repo.findRule(d.db, ctx.actor.scopePrefix, input.ruleId);
  if (!rule) throw AppError.notFound(RULE);
  if (!rule.active)
    throw AppError.validation([{ field: 'ruleId', messageZh: '该积分项目已停用', messageEn: 'The item is retired' }]);
  if (household.villageCode !== rule.orgCode)
    throw AppError.validation([
      {
        field: 'householdId',
        messageZh: '农户须为该积分项目所在村的农户',
        messageEn: 'The household lives in another village',
      },
    ]);
  const errors = notFutureErrors('awardedOn', input.awardedOn, today(d));
  if (errors.length) throw AppError.validation(errors);
  const id = await d.db.transaction(async (tx) => {
    const newId = await repo.insertAward(tx, {
      countyCode: rule.countyCode,
      orgCode: rule.orgCode,
      householdId: household.id,
      ruleId: rule.id,
      points: rule.points,
      awardedOn: input.awardedOn,
      reason: input.reason,
      awardedBy: ctx.actor.displayName,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'award',
      entity: ENTITY,
      entityId: household.householdNo,
      orgCode: rule.orgCode,
      after: { awardId: newId, ruleId: rule.id, points: rule.points, awardedOn: input.awardedOn, reason: input.reason },
    });
    return newId;
  });
  return { id, ...(await repo.balanceOf(d.db, household.id)), householdId: household.id };
}
