// The 村集体经济 module's public API (issue 15 item 7): routes, the service factory, and the per-village yearly
// totals other modules read (issue 15 item 1's key-village score, the indicators).
import type { Db } from '#server/db/connect.ts';
import { countyTotalsByYear, villageTotals } from './collective-economy.repository.ts';

export { collectiveEconomyRoutes } from './collective-economy.routes.ts';
export { createCollectiveEconomyService, type CollectiveEconomyService } from './collective-economy.service.ts';

/**
 * The current collective income (fen, all sources) of each village under `prefix` ('' = every county) that entered
 * `year`: village code → total. Villages that entered nothing are absent (not 0). Runs in the caller's connection or
 * transaction; the caller is responsible for scope (pass the actor's prefix).
 */
export function collectiveIncomeByVillage(db: Db, prefix: string, year: number): Promise<Map<string, number>> {
  return villageTotals(db, prefix, year);
}

/**
 * The indicators' computed source `collective.income` (catalogue element COLLECTIVE_INCOME_FEN): each village's
 * current total for every yearly period asked (fen); the indicator engine sums villages up to township and county.
 * Wired in app.ts (`createIndicatorsService({ computed })`); the shape is the engine's ComputedProvider.
 */
export async function collectiveIncomeProvider(db: Db, countyCode: string, periods: readonly string[]) {
  const years = [...new Set(periods.filter((p) => /^\d{4}$/.test(p)).map(Number))];
  const rows = await countyTotalsByYear(db, countyCode, years);
  return rows.map((r) => ({
    orgCode: r.orgCode,
    element: 'collective.income',
    period: String(r.year),
    value: r.totalFen,
  }));
}
export { collectiveVillageSection } from './collective-economy.village.ts';
