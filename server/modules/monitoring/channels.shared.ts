import { CLUE_CHANNEL_LABELS, PETITION_KIND_LABELS, type PETITION_KINDS } from '#common/contracts/clues.ts';
import { labelOf, RISK_TYPES, type RiskType } from '#common/domain/registry/codes.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { addSignal, openOrFindClue, type Channel } from './clues.repository.ts';

// What the channel use cases share (channels.apply.ts, channels.visits.ts, channels.public.ts): the deps, today in
// China, opening or joining the household's clue per risk with a signal — also for the petitions register.

export interface ChannelsOptions {
  clock?: Clock;
  /**
   * Who may visit a household beyond its org scope: a paired cadre only the households paired with
   * him (the assistance module answers; it throws 404 otherwise).
   */
  requireVisitable?: (ctx: RequestContext, householdId: number) => Promise<unknown>;
}

export interface ChannelsDeps {
  db: Db;
  box: PersonalDataBox;
  clock: Clock;
  requireVisitable?: ChannelsOptions['requireVisitable'];
}

export const today = (d: ChannelsDeps) => todayInChina(d.clock());

const riskLabel = (r: string) => labelOf(RISK_TYPES, r as RiskType);

export async function openClues(
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
