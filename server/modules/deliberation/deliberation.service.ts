import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { get, list } from './deliberation.read.ts';
import type { DeliberationDeps } from './deliberation.shared.ts';
import { create, recordStep } from './deliberation.write.ts';

// 四议两公开 records (policy-rules §8): the village records each step as it happens; the system checks
// order, counts and the vote rules (parameters deliberation.partyAttendance / passShare and the meeting quorums
// of 村民委员会组织法 arts. 22, 26: villagersQuorum / householdsQuorum / representativesQuorum) and keeps the status.
// One factory composing the use cases: reading (deliberation.read.ts), opening a record and recording its steps
// (deliberation.write.ts), what they share with requireDecided for other modules (deliberation.shared.ts).

export { requireDecided, voteParams } from './deliberation.shared.ts';

export function createDeliberationService(db: Db, clock: Clock = systemClock) {
  const d: DeliberationDeps = { db, clock };
  return {
    get: bindDeps(d, get),
    list: bindDeps(d, list),
    create: bindDeps(d, create),
    recordStep: bindDeps(d, recordStep),
  };
}

export type DeliberationService = ReturnType<typeof createDeliberationService>;
