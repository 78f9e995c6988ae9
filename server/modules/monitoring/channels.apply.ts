import type { z } from 'zod';
import type { officerApplicationRequest, publicApplicationRequest } from '#common/contracts/clues.ts';
import { maskIdNumber, maskPhone, normaliseIdNumber, validateIdNumber } from '#common/domain/id-card.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemContext, type RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { activeHouseholdsOf, findPersonsByHash, loadHousehold, requireOpenVillage } from '../registry/index.ts';
import { openClues, today, type ChannelsDeps } from './channels.shared.ts';

// Channel (b) self-application (自主申报): on the public page without login, or recorded by an officer.

type PublicApplication = z.infer<typeof publicApplicationRequest>;

/** The applicant's checked ID, kept only encrypted and masked, and the household it is registered in (if any). */
async function applicantOf(d: ChannelsDeps, input: PublicApplication) {
  const idNumber = normaliseIdNumber(input.idNumber);
  const check = validateIdNumber(idNumber, today(d));
  if (!check.ok)
    throw AppError.validation([{ field: 'idNumber', messageZh: check.messageZh, messageEn: check.messageEn }]);
  const countyCode = countyCodeOf(input.villageCode);
  const [person] = await findPersonsByHash(d.db, countyCode, [d.box.hash(idNumber)]);
  const [active] = person ? await activeHouseholdsOf(d.db, countyCode, [person.id]) : [];
  const evidence = {
    applicantName: input.applicantName,
    idMasked: maskIdNumber(idNumber),
    idHash: d.box.hash(idNumber),
    idCipher: d.box.encrypt(idNumber),
    phoneMasked: maskPhone(input.phone),
    phoneCipher: d.box.encrypt(input.phone),
    reason: input.reason,
    registered: Boolean(active),
  };
  return { countyCode, householdId: active?.householdId ?? null, evidence };
}

/** The public page: no login; the applicant agrees to the undertaking online; the ID is kept only encrypted. */
export async function applyPublic(d: ChannelsDeps, input: PublicApplication, requestId: string) {
  const ctx = { ...systemContext(requestId), actor: { ...systemContext().actor, displayName: '农户在线申请' } };
  await requireOpenVillage(d.db, ctx, input.villageCode);
  const { countyCode, householdId, evidence } = await applicantOf(d, input);
  const consent = { signed: true, signedOn: today(d), signer: input.applicantName, method: 'online' };
  const ids = await d.db.transaction(async (tx) => {
    const opened = await openClues(
      tx,
      { countyCode, householdId, villageCode: input.villageCode, channel: 'selfApplication', consent },
      input.riskTypes,
      { source: 'public-page', evidence, createdBy: input.applicantName },
    );
    await recordAudit(tx, ctx, {
      action: 'self-apply',
      entity: 'clue',
      entityId: opened.join(','),
      orgCode: input.villageCode,
      after: { idMasked: evidence.idMasked, riskTypes: input.riskTypes },
    });
    return opened;
  });
  return { receipt: `SQ${String(ids[0]).padStart(8, '0')}`, clueIds: ids };
}

/** An officer records an application made orally or on paper, with the signed undertaking. */
export async function applyByOfficer(
  d: ChannelsDeps,
  ctx: RequestContext,
  input: z.infer<typeof officerApplicationRequest>,
) {
  requirePermission(ctx, 'clues:write');
  const { household: h } = await loadHousehold(d.db, ctx, input.householdId);
  return d.db.transaction(async (tx) => {
    const ids = await openClues(
      tx,
      {
        countyCode: h.countyCode,
        householdId: h.id,
        villageCode: h.villageCode,
        channel: 'selfApplication',
        consent: input.consent,
      },
      input.riskTypes,
      {
        source: 'officer-form',
        evidence: { reason: input.reason, signer: input.consent.signer, method: input.consent.method },
        createdBy: ctx.actor.displayName,
      },
    );
    await recordAudit(tx, ctx, {
      action: 'apply',
      entity: 'clue',
      entityId: ids.join(','),
      orgCode: h.villageCode,
      after: { riskTypes: input.riskTypes },
    });
    return { clueIds: ids };
  });
}
