import type { z } from 'zod';
import type {
  petitionCloseInput,
  PetitionDetail,
  petitionInput,
  petitionListQuery,
  petitionStepInput,
} from '#common/contracts/petitions.ts';
import { countyCodeOf, levelOfCode } from '#common/domain/org-code.ts';
import { dateInEventErrors, deadlineOf, eventErrors } from '#common/domain/petitions/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './petitions.repository.ts';
import { ENTITY, filterOf, get, openEvent, today, toRow, type PetitionsDeps } from './petitions.shared.ts';

// The register's events: the list, 登记 with its deadline (petitions.handlingDays in force in the month received,
// not found in the plan: a parameter, unless the assigning office set one), handling steps on the timeline, 办结.

const CLOSED = { zh: '该事项已办结', en: 'The event is closed' };

export async function list(d: PetitionsDeps, ctx: RequestContext, q: z.infer<typeof petitionListQuery>) {
  requirePermission(ctx, 'clues:read');
  const day = today(d);
  const where = repo.petitionWhere(ctx.actor.scopePrefix, filterOf(q, day));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listPetitions(d.db, where, q, w), repo.countPetitions(d.db, where)]);
  return { items: rows.map((r) => toRow(r, day)), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** 登记: a village in scope; the deadline from petitions.handlingDays in force in the month received. */
export async function create(
  d: PetitionsDeps,
  ctx: RequestContext,
  input: z.infer<typeof petitionInput>,
): Promise<PetitionDetail> {
  requirePermission(ctx, 'clues:write');
  requireInScope(ctx, input.orgCode);
  if (
    levelOfCode(input.orgCode) !== 'village' ||
    !(await repo.villageExists(d.db, ctx.actor.scopePrefix, input.orgCode))
  )
    throw AppError.validation([
      { field: 'orgCode', messageZh: '请选择所涉行政村', messageEn: 'Choose the village concerned' },
    ]);
  const errors = eventErrors(input, today(d));
  if (errors.length) throw AppError.validation(errors);
  const countyCode = countyCodeOf(input.orgCode);
  const id = await d.db.transaction(async (tx) => {
    const days = numberParam(await resolveAll(tx, countyCode, input.receivedOn.slice(0, 7)), 'petitions.handlingDays');
    const deadlineOn = input.deadlineOn || deadlineOf(input.receivedOn, days);
    const newId = await repo.insertEvent(tx, {
      countyCode,
      orgCode: input.orgCode,
      kind: input.kind,
      source: input.source,
      level: input.level,
      receivedOn: input.receivedOn,
      deadlineOn,
      title: input.title,
      summary: input.summary,
      petitioner: input.petitioner || null,
      reference: input.reference || null,
      createdBy: ctx.actor.id || null,
    });
    await repo.insertStep(tx, {
      countyCode,
      orgCode: input.orgCode,
      eventId: newId,
      stepOn: input.receivedOn,
      action: 'accept',
      note: `受理登记，办理期限至 ${deadlineOn}`,
      actorName: ctx.actor.displayName,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: ENTITY,
      entityId: newId,
      orgCode: input.orgCode,
      after: { ...input, deadlineOn, handlingDays: input.deadlineOn ? null : days },
    });
    return newId;
  });
  return get(d, ctx, id);
}

/** A handling step on the timeline: between the received day and today, on an open event. */
export async function addStep(
  d: PetitionsDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof petitionStepInput>,
) {
  requirePermission(ctx, 'clues:write');
  await d.db.transaction(async (tx) => {
    const event = await openEvent(tx, ctx, id);
    const errors = dateInEventErrors('stepOn', input.stepOn, event, today(d));
    if (errors.length) throw AppError.validation(errors);
    const stepId = await repo.insertStep(tx, {
      countyCode: event.countyCode,
      orgCode: event.orgCode,
      eventId: id,
      stepOn: input.stepOn,
      action: input.action,
      note: input.note,
      actorName: ctx.actor.displayName,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'recordStep',
      entity: ENTITY,
      entityId: id,
      orgCode: event.orgCode,
      after: { stepId, ...input },
    });
  });
  return get(d, ctx, id);
}

/** 办结: the result and a note, on a day between the received day and today. */
export async function close(
  d: PetitionsDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof petitionCloseInput>,
) {
  requirePermission(ctx, 'clues:write');
  await d.db.transaction(async (tx) => {
    const event = await openEvent(tx, ctx, id);
    if (event.closedOn) throw new AppError('CONFLICT', CLOSED);
    const errors = dateInEventErrors('closedOn', input.closedOn, event, today(d));
    if (errors.length) throw AppError.validation(errors);
    if (!(await repo.closeEvent(tx, id, input))) throw new AppError('CONFLICT', CLOSED);
    await recordAudit(tx, ctx, {
      action: 'conclude',
      entity: ENTITY,
      entityId: id,
      orgCode: event.orgCode,
      before: { closedOn: null },
      after: { ...input, overdue: input.closedOn > event.deadlineOn },
    });
  });
  return get(d, ctx, id);
}
