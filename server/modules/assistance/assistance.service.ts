import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { household, workspace } from './assistance.household.ts';
import { createMeasure, editMeasure, getMeasure, measures, saveSubtype, subtypes } from './assistance.measures.ts';
import { allObligations, board, snapshot } from './assistance.obligations.ts';
import { allPairings, cadres, endPairing, pair, pairings, unpaired } from './assistance.pairings.ts';
import { params, readableHousehold, today, type AssistanceDeps, type AttachmentLinker } from './assistance.shared.ts';

// 结对帮扶, 帮扶措施, obligations, 精准施策 recommendations and the cadre workspace. A paired cadre
// (role cadre) reads only the households he is actively paired with, whatever his org scope.
// One factory composing the use cases: pairings (assistance.pairings.ts), measures and sub-types
// (assistance.measures.ts), the obligations board (assistance.obligations.ts), the household tab and the cadre
// workspace (assistance.household.ts), what they share (assistance.shared.ts); SQL in the *.repository.ts files.

export { reachOf, MEASURE_ATTACHMENT_KIND, type AttachmentLinker } from './assistance.shared.ts';

export function createAssistanceService(
  db: Db,
  box: PersonalDataBox,
  clock: Clock = systemClock,
  attachments?: AttachmentLinker,
) {
  const d: AssistanceDeps = { db, box, clock, attachments };
  return {
    cadres: bindDeps(d, cadres),
    pairings: bindDeps(d, pairings),
    unpaired: bindDeps(d, unpaired),
    allPairings: bindDeps(d, allPairings),
    allObligations: bindDeps(d, allObligations),
    pair: bindDeps(d, pair),
    endPairing: bindDeps(d, endPairing),
    subtypes: bindDeps(d, subtypes),
    saveSubtype: bindDeps(d, saveSubtype),
    createMeasure: bindDeps(d, createMeasure),
    editMeasure: bindDeps(d, editMeasure),
    getMeasure: bindDeps(d, getMeasure),
    measures: bindDeps(d, measures),
    household: bindDeps(d, household),
    board: bindDeps(d, board),
    snapshot: bindDeps(d, snapshot),
    workspace: bindDeps(d, workspace),
    readableHousehold: bindDeps(d, readableHousehold),
    params: bindDeps(d, params),
    /** Today in China by the service's clock (the default day of the board and its export). */
    today: () => today(d),
  };
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
