import type { correctRelocatedInput, endRelocatedInput } from '#common/contracts/relocation.ts';
import { endDateProblem } from '#common/domain/relocation/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { endRelocated, findSite, insertRelocated, relocatedForUpdate } from './relocation.repository.ts';
import { encodeEndReason, ENTRY_ENDED, type Input, type RelocationDeps } from './relocation.shared.ts';

// A relocation entry ended or corrected: end-dated, never deleted (the household's history keeps every entry).

/** An entry in the actor's scope, locked; out of scope or unknown → 404, already ended → 409. */
async function activeEntry(tx: Db, ctx: RequestContext, id: number) {
  const r = await relocatedForUpdate(tx, ctx.actor.scopePrefix, id);
  if (!r) throw AppError.notFound({ zh: '搬迁户登记', en: 'Relocation entry' });
  if (r.ended_on !== null) throw new AppError('CONFLICT', ENTRY_ENDED);
  return r;
}

/** 结束: 迁出, 户内人员全部亡故, 误登记 or 其他, on a day between the move-in day and today (China). */
export async function endEntry(
  { db, clock }: RelocationDeps,
  ctx: RequestContext,
  id: number,
  input: Input<typeof endRelocatedInput>,
) {
  requirePermission(ctx, 'programmes:write');
  return db.transaction(async (tx) => {
    const r = await activeEntry(tx, ctx, id);
    const problem = endDateProblem(r.moved_on, input.endedOn, clock.today());
    if (problem) throw AppError.validation([{ field: 'endedOn', messageZh: problem.zh, messageEn: problem.en }]);
    if (!(await endRelocated(tx, id, input.endedOn, encodeEndReason(input.reason, input.note))))
      throw new AppError('CONFLICT', ENTRY_ENDED);
    await recordAudit(tx, ctx, {
      action: 'end',
      entity: 'relocated_household',
      entityId: id,
      orgCode: r.org_code,
      before: { endedOn: null },
      after: { endedOn: input.endedOn, reason: input.reason, note: input.note ?? null },
    });
    return { id, householdId: Number(r.household_id) };
  });
}

type Entry = NonNullable<Awaited<ReturnType<typeof relocatedForUpdate>>>;

/** The corrected site exists in the entry's county and the site or the day changes. */
async function correctionSite(tx: Db, r: Entry, input: Input<typeof correctRelocatedInput>) {
  const site = await findSite(tx, input.siteId);
  if (!site || site.countyCode !== r.county_code)
    throw AppError.validation([{ field: 'siteId', messageZh: '安置点不存在', messageEn: 'No such site' }]);
  if (Number(r.site_id) === input.siteId && r.moved_on === input.movedOn)
    throw AppError.validation([
      {
        field: 'siteId',
        messageZh: '安置点和入住日期都未改变，无需更正',
        messageEn: 'Neither the site nor the date changes',
      },
    ]);
  return site;
}

/**
 * 更正: the entry named the wrong site or move-in day. In one transaction the wrong row ends today with the reason
 * `correction` and a new one opens with the right site and day (the history keeps both).
 */
export async function correctEntry(
  { db, clock }: RelocationDeps,
  ctx: RequestContext,
  id: number,
  input: Input<typeof correctRelocatedInput>,
) {
  requirePermission(ctx, 'programmes:write');
  const today = clock.today();
  if (input.movedOn > today)
    throw AppError.validation([
      { field: 'movedOn', messageZh: '入住日期不能晚于今天', messageEn: 'Move-in date is in the future' },
    ]);
  return db.transaction(async (tx) => {
    const r = await activeEntry(tx, ctx, id);
    const site = await correctionSite(tx, r, input);
    const before = await findSite(tx, Number(r.site_id));
    if (!(await endRelocated(tx, id, today, encodeEndReason('correction', input.note))))
      throw new AppError('CONFLICT', ENTRY_ENDED);
    const newId = await insertRelocated(tx, {
      countyCode: r.county_code,
      orgCode: r.org_code,
      siteId: input.siteId,
      householdId: Number(r.household_id),
      movedOn: input.movedOn,
      note: r.note,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'correct',
      entity: 'relocated_household',
      entityId: newId,
      orgCode: r.org_code,
      before: { id, siteId: Number(r.site_id), siteName: before?.name ?? null, movedOn: r.moved_on },
      after: { id: newId, siteId: input.siteId, siteName: site.name, movedOn: input.movedOn, note: input.note ?? null },
    });
    return { id: newId, householdId: Number(r.household_id) };
  });
}
