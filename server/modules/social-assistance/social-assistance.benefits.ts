import type { z } from 'zod';
import type { benefitInput, endBenefitInput } from '#common/contracts/social-assistance.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  endBenefit,
  findBenefit,
  householdOf,
  insertBenefit,
  personHousehold,
} from './social-assistance.repository.ts';
import { reachOf, type SocialAssistanceDeps } from './social-assistance.shared.ts';

// Entries: a benefit a member receives (entered by hand), its end. Each audited in its transaction.

export async function addBenefit(
  { db }: SocialAssistanceDeps,
  ctx: RequestContext,
  input: z.infer<typeof benefitInput>,
) {
  requirePermission(ctx, 'assistance:write');
  const h = await personHousehold(db, input.personId);
  if (!h) throw AppError.notFound({ zh: '人员', en: 'Person' });
  requireInScope(ctx, h.villageCode);
  if (!(await householdOf(db, reachOf(ctx), h.householdId))) throw AppError.notFound({ zh: '人员', en: 'Person' });
  const id = await db.transaction(async (tx) => {
    const newId = await insertBenefit(tx, {
      countyCode: countyCodeOf(h.villageCode),
      villageCode: h.villageCode,
      householdId: h.householdId,
      personId: input.personId,
      kind: input.kind,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      amountFen: input.amountFen ?? null,
      department: input.department ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'social_benefit',
      entityId: newId,
      orgCode: h.villageCode,
      after: { ...input },
    });
    return newId;
  });
  return { id, householdId: h.householdId };
}

export async function end(
  { db }: SocialAssistanceDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof endBenefitInput>,
) {
  requirePermission(ctx, 'assistance:write');
  return db.transaction(async (tx) => {
    const b = await findBenefit(tx, id, reachOf(ctx));
    if (!b) throw AppError.notFound({ zh: '保障记录', en: 'Benefit' });
    if (input.endOn < b.startOn)
      throw AppError.validation([
        { field: 'endOn', messageZh: '结束日期不能早于开始日期', messageEn: 'End before start' },
      ]);
    if (!(await endBenefit(tx, id, input.version, input.endOn, input.reason)))
      throw new AppError('CONFLICT', { zh: '记录已被他人修改，请刷新后重试', en: 'Changed; reload and retry' });
    await recordAudit(tx, ctx, {
      action: 'end',
      entity: 'social_benefit',
      entityId: id,
      orgCode: b.villageCode,
      before: { endOn: b.endOn },
      after: { endOn: input.endOn, reason: input.reason },
    });
    return { id, householdId: b.householdId };
  });
}
