import type { z } from 'zod';
import type { petitionClueInput, petitionHouseholdInput } from '#common/contracts/petitions.ts';
import type { PetitionEventKind, PetitionSource } from '#common/domain/petitions/codes.ts';
import { clueKindOf } from '#common/domain/petitions/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { openPetitionClues } from '../monitoring/index.ts';
import { loadHousehold } from '../registry/index.ts';
import * as repo from './petitions.repository.ts';
import { ENTITY, get, HOUSEHOLD, openEvent, type PetitionsDeps } from './petitions.shared.ts';

// The households concerned: registry households of the event's village; one found at risk gets a monitoring clue
// (channel petition) through monitoring/index.ts, in the same transaction as the link and the audit.

/** A household concerned: a registry household in scope, of the event's village; once per event. */
export async function addHousehold(
  d: PetitionsDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof petitionHouseholdInput>,
) {
  requirePermission(ctx, 'clues:write');
  const { household } = await loadHousehold(d.db, ctx, input.householdId);
  await d.db.transaction(async (tx) => {
    const event = await openEvent(tx, ctx, id);
    if (household.villageCode !== event.orgCode)
      throw AppError.validation([
        {
          field: 'householdId',
          messageZh: '涉及农户须为本事项所在村的农户',
          messageEn: 'The household must live in the village of the event',
        },
      ]);
    if (await repo.findHouseholdLink(tx, id, household.id))
      throw AppError.validation([
        { field: 'householdId', messageZh: '该户已在涉及农户中', messageEn: 'The household is already listed' },
      ]);
    const linkId = await repo.insertHouseholdLink(tx, {
      countyCode: event.countyCode,
      orgCode: event.orgCode,
      eventId: id,
      householdId: household.id,
      note: input.note || null,
      addedBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'addHousehold',
      entity: ENTITY,
      entityId: id,
      orgCode: event.orgCode,
      after: { linkId, householdNo: household.householdNo, note: input.note ?? null },
    });
  });
  return get(d, ctx, id);
}

/**
 * 生成线索: the household concerned is at risk. Opens (or joins) its clue per risk, channel petition, through the
 * monitoring module in this transaction; the link keeps the risks and clue ids; audited here.
 */
export async function raiseClue(
  d: PetitionsDeps,
  ctx: RequestContext,
  id: number,
  householdId: number,
  input: z.infer<typeof petitionClueInput>,
) {
  requirePermission(ctx, 'clues:write');
  const { household } = await loadHousehold(d.db, ctx, householdId);
  const clueIds = await d.db.transaction(async (tx) => {
    const event = await openEvent(tx, ctx, id);
    const link = await repo.findHouseholdLink(tx, id, household.id, true);
    if (!link) throw AppError.notFound(HOUSEHOLD);
    const ids = await openPetitionClues(tx, {
      countyCode: event.countyCode,
      householdId: household.id,
      villageCode: household.villageCode,
      kind: clueKindOf(event.kind as PetitionEventKind, event.source as PetitionSource),
      reference: event.reference ?? `XF${String(event.id).padStart(6, '0')}`,
      receivedOn: event.receivedOn,
      summary: event.title,
      riskTypes: input.riskTypes,
      createdBy: ctx.actor.displayName,
    });
    await repo.markAtRisk(tx, link.id, input.riskTypes, ids);
    await recordAudit(tx, ctx, {
      action: 'raiseClue',
      entity: ENTITY,
      entityId: id,
      orgCode: event.orgCode,
      after: { householdNo: household.householdNo, riskTypes: input.riskTypes, clueIds: ids },
    });
    return ids;
  });
  return { clueIds };
}
