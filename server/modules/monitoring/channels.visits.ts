import type { z } from 'zod';
import type { visitRequest } from '#common/contracts/clues.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { loadHousehold } from '../registry/index.ts';
import { insertVisit } from './clues.repository.ts';
import { openClues, today, type ChannelsDeps } from './channels.shared.ts';

// Channel (c) 走访排查: every visit is kept; a visit that finds a risk feeds the clue list.

type Visit = z.infer<typeof visitRequest>;

function checkVisit(d: ChannelsDeps, input: Visit): void {
  if (input.riskFound && input.riskTypes.length === 0) {
    throw AppError.validation([
      { field: 'riskTypes', messageZh: '发现风险时请选择风险类型', messageEn: 'Choose the risk types found' },
    ]);
  }
  if (input.visitedOn > today(d))
    throw AppError.validation([
      { field: 'visitedOn', messageZh: '走访日期不能晚于今天', messageEn: 'The visit date cannot be in the future' },
    ]);
}

/** 走访排查: every visit is kept; a visit that finds a risk feeds the clue list. */
export async function recordVisit(d: ChannelsDeps, ctx: RequestContext, input: Visit) {
  requirePermission(ctx, 'visits:write');
  const { household: h } = await loadHousehold(d.db, ctx, input.householdId);
  await d.requireVisitable?.(ctx, h.id);
  checkVisit(d, input);
  return d.db.transaction(async (tx) => {
    const visitId = await insertVisit(tx, {
      countyCode: h.countyCode,
      householdId: h.id,
      villageCode: h.villageCode,
      visitedOn: input.visitedOn,
      visitorId: ctx.actor.id || null,
      visitorName: ctx.actor.displayName,
      findings: input.findings,
      riskFound: input.riskFound,
      riskTypes: input.riskTypes,
      photos: input.photos,
    });
    const clueIds = input.riskFound
      ? await openClues(
          tx,
          { countyCode: h.countyCode, householdId: h.id, villageCode: h.villageCode, channel: 'visit' },
          input.riskTypes,
          {
            source: `visit:${visitId}`,
            evidence: { visitedOn: input.visitedOn, findings: input.findings, photos: input.photos.length },
            createdBy: ctx.actor.displayName,
          },
        )
      : [];
    await recordAudit(tx, ctx, {
      action: 'visit',
      entity: 'household',
      entityId: h.householdNo,
      orgCode: h.villageCode,
      after: { visitId, riskFound: input.riskFound, riskTypes: input.riskTypes },
    });
    return { visitId, clueIds };
  });
}
