import { addMonths } from '#common/domain/period.ts';
import type { Db } from '#server/db/connect.ts';
import { systemClock, todayInChina, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { raiseClue } from './deprivation.clues.ts';
import type { DeprivationDeps } from './deprivation.shared.ts';
import { summary } from './deprivation.summary.ts';
import { unmonitored } from './deprivation.unmonitored.ts';

// The Alkire–Foster view over 两不愁三保障 and income (issue 19 §2, docs/analysis.md). Each household's
// six deprivations come from registry fields in one set-based statement built on the monitoring
// engine's facts relation (the same latest income year and the same per-capita figure and line as
// INCOME_BELOW_LINE); H, A, M0 and the contributions are the pure computation of
// common/domain/analysis/alkire-foster.ts. The non-income fields are the registry's current values:
// a month's series moves with the income year and the line in force for that month.
// One factory composing the use cases: the summary (deprivation.summary.ts), the discovery list
// (.unmonitored.ts), raising a clue (.clues.ts), what they share (.shared.ts); SQL in deprivation.repository.ts.

export function createDeprivationService(deps: { db: Db; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const d: DeprivationDeps = {
    db: deps.db,
    lastMonth: () => addMonths(todayInChina(clock()).slice(0, 7), -1),
  };
  return {
    summary: bindDeps(d, summary),
    unmonitored: bindDeps(d, unmonitored),
    raiseClue: bindDeps(d, raiseClue),
  };
}

export type DeprivationService = ReturnType<typeof createDeprivationService>;
