import type { z } from 'zod';
import type {
  applicationStatusRequest,
  officerApplicationRequest,
  publicApplicationRequest,
  visitRequest,
} from '../../../common/contracts/clues.ts';
import { CLUE_CHANNEL_LABELS, PETITION_KIND_LABELS, type PETITION_KINDS } from '../../../common/contracts/clues.ts';
import { maskIdNumber, maskPhone, normaliseIdNumber, validateIdNumber } from '../../../common/domain/id-card.ts';
import { countyCodeOf } from '../../../common/domain/org-code.ts';
import { labelOf, RISK_TYPES, type RiskType } from '../../../common/domain/registry/codes.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import { systemContext, type RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { loadHousehold, requireOpenVillage } from '../registry/index.ts';
import { activeHouseholdsOf, findPersonsByHash } from '../registry/index.ts';
import { listUnits } from '../org/index.ts';
import { applicationStatus } from './application-status.ts';
import { addSignal, insertVisit, openOrFindClue, type Channel } from './clues.repository.ts';

// Channels (b) self-application, (c) cadre visits and (d) petitions/public opinion, each opening or
// joining the household's open clue per risk.

const riskLabel = (r: string) => labelOf(RISK_TYPES, r as RiskType);

export interface ChannelsOptions {
  clock?: Clock;
  /**
   * Who may visit a household beyond its org scope: a paired cadre only the households paired with
   * him (the assistance module answers; it throws 404 otherwise).
   */
  requireVisitable?: (ctx: RequestContext, householdId: number) => Promise<unknown>;
}

async function openClues(
  tx: Db,
  base: {
    countyCode: string;
    householdId: number | null;
    villageCode: string;
    channel: Channel;
    consent?: Parameters<typeof openOrFindClue>[1]['consent'];
  },
  riskTypes: string[],
  signal: { source: string; evidence: Record<string, unknown>; createdBy: string },
): Promise<number[]> {
  const ids: number[] = [];
  for (const riskType of riskTypes) {
    const summary = `${CLUE_CHANNEL_LABELS[base.channel]}：${riskLabel(riskType)}`;
    const clueId = await openOrFindClue(tx, { ...base, riskType, summary });
    await addSignal(tx, { countyCode: base.countyCode, clueId, channel: base.channel, ...signal });
    ids.push(clueId);
  }
  return ids;
}

/**
 * 舆情信访研判 from another module's register (the petitions module): opens or joins the household's clue per risk,
 * channel petition, in the caller's transaction (the caller audits). The household is in the caller's scope.
 */
export function openPetitionClues(
  tx: Db,
  input: {
    countyCode: string;
    householdId: number;
    villageCode: string;
    kind: (typeof PETITION_KINDS)[number];
    reference: string;
    receivedOn: string;
    summary: string;
    riskTypes: string[];
    createdBy: string;
  },
): Promise<number[]> {
  return openClues(
    tx,
    {
      countyCode: input.countyCode,
      householdId: input.householdId,
      villageCode: input.villageCode,
      channel: 'petition',
    },
    input.riskTypes,
    {
      source: `${PETITION_KIND_LABELS[input.kind]}:${input.reference}`,
      evidence: { kind: input.kind, receivedOn: input.receivedOn, summary: input.summary },
      createdBy: input.createdBy,
    },
  );
}

export function createChannelsService(db: Db, box: PersonalDataBox, options: ChannelsOptions = {}) {
  const clock = options.clock ?? systemClock;
  const today = () => todayInChina(clock());

  /** The public page: no login; the applicant agrees to the undertaking online; the ID is kept only encrypted. */
  async function applyPublic(input: z.infer<typeof publicApplicationRequest>, requestId: string) {
    const ctx = { ...systemContext(requestId), actor: { ...systemContext().actor, displayName: '农户在线申请' } };
    await requireOpenVillage(db, ctx, input.villageCode);
    const idNumber = normaliseIdNumber(input.idNumber);
    const check = validateIdNumber(idNumber, today());
    if (!check.ok)
      throw AppError.validation([{ field: 'idNumber', messageZh: check.messageZh, messageEn: check.messageEn }]);
    const countyCode = countyCodeOf(input.villageCode);
    const [person] = await findPersonsByHash(db, countyCode, [box.hash(idNumber)]);
    const [active] = person ? await activeHouseholdsOf(db, countyCode, [person.id]) : [];
    const evidence = {
      applicantName: input.applicantName,
      idMasked: maskIdNumber(idNumber),
      idHash: box.hash(idNumber),
      idCipher: box.encrypt(idNumber),
      phoneMasked: maskPhone(input.phone),
      phoneCipher: box.encrypt(input.phone),
      reason: input.reason,
      registered: Boolean(active),
    };
    const consent = { signed: true, signedOn: today(), signer: input.applicantName, method: 'online' };
    const ids = await db.transaction(async (tx) => {
      const opened = await openClues(
        tx,
        {
          countyCode,
          householdId: active?.householdId ?? null,
          villageCode: input.villageCode,
          channel: 'selfApplication',
          consent,
        },
        input.riskTypes,
        {
          source: 'public-page',
          evidence,
          createdBy: input.applicantName,
        },
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
  async function applyByOfficer(ctx: RequestContext, input: z.infer<typeof officerApplicationRequest>) {
    requirePermission(ctx, 'clues:write');
    const { household: h } = await loadHousehold(db, ctx, input.householdId);
    return db.transaction(async (tx) => {
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

  /** 走访排查: every visit is kept; a visit that finds a risk feeds the clue list. */
  async function recordVisit(ctx: RequestContext, input: z.infer<typeof visitRequest>) {
    requirePermission(ctx, 'visits:write');
    const { household: h } = await loadHousehold(db, ctx, input.householdId);
    await options.requireVisitable?.(ctx, h.id);
    if (input.riskFound && input.riskTypes.length === 0) {
      throw AppError.validation([
        { field: 'riskTypes', messageZh: '发现风险时请选择风险类型', messageEn: 'Choose the risk types found' },
      ]);
    }
    if (input.visitedOn > today())
      throw AppError.validation([
        { field: 'visitedOn', messageZh: '走访日期不能晚于今天', messageEn: 'The visit date cannot be in the future' },
      ]);
    return db.transaction(async (tx) => {
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

  /** 查询办理进度 on the public page: the receipt and the applicant's ID number must match. */
  const status = (input: z.infer<typeof applicationStatusRequest>) => applicationStatus(db, box, input);

  /** The open villages one may apply in, with their township's name (the public page's choice). */
  async function publicVillages() {
    const townships = new Map(
      (await listUnits(db, '', { level: 'township', includeClosed: false })).map((t) => [t.code, t.name]),
    );
    const villages = await listUnits(db, '', { level: 'village', includeClosed: false });
    return villages.map((u) => ({ code: u.code, name: u.name, townshipName: townships.get(u.parentCode!) ?? '' }));
  }

  return { applyPublic, applyByOfficer, recordVisit, status, publicVillages };
}

export type ChannelsService = ReturnType<typeof createChannelsService>;
