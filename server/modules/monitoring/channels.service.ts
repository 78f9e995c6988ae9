import type { Db } from '#server/db/connect.ts';
import { systemClock } from '#server/lib/clock.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { applyByOfficer, applyPublic } from './channels.apply.ts';
import { publicVillages, status } from './channels.public.ts';
import type { ChannelsDeps, ChannelsOptions } from './channels.shared.ts';
import { recordVisit } from './channels.visits.ts';

// Channels (b) self-application, (c) cadre visits and (d) petitions/public opinion, each opening or
// joining the household's open clue per risk. One factory composing the use cases: applications
// (channels.apply.ts), visits (channels.visits.ts), the public page's reads (channels.public.ts), what they share
// with the petitions register (channels.shared.ts).

export { openPetitionClues, type ChannelsOptions } from './channels.shared.ts';

export function createChannelsService(db: Db, box: PersonalDataBox, options: ChannelsOptions = {}) {
  const d: ChannelsDeps = {
    db,
    box,
    clock: options.clock ?? systemClock,
    requireVisitable: options.requireVisitable,
  };
  return {
    applyPublic: bindDeps(d, applyPublic),
    applyByOfficer: bindDeps(d, applyByOfficer),
    recordVisit: bindDeps(d, recordVisit),
    status: bindDeps(d, status),
    publicVillages: bindDeps(d, publicVillages),
  };
}

export type ChannelsService = ReturnType<typeof createChannelsService>;
