import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { get, list } from './clues.read.ts';
import type { CluesDeps } from './clues.shared.ts';
import { close, fromWarnings } from './clues.write.ts';

// The clue list (线索): one place for all four channels, ready for the identification workflow. One factory
// composing the use cases: the list and one clue (clues.read.ts), closing a clue and the run's hook (clues.write.ts),
// what they share (clues.shared.ts).

export function createCluesService(db: Db, clock: () => Date = () => new Date()) {
  const d: CluesDeps = { db, clock };
  return {
    list: bindDeps(d, list),
    get: bindDeps(d, get),
    close: bindDeps(d, close),
    fromWarnings: bindDeps(d, fromWarnings),
  };
}

export type CluesService = ReturnType<typeof createCluesService>;
