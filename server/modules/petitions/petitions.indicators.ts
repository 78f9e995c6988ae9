import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { firstReceivedOn, petitionsPerVillageAndYear } from './petitions.repository.ts';

// The indicators' computed source `petitions.zeroVillage` (零上访村 on the cockpit): per current village, 1 when no
// 信访 event was received in the year (舆情 does not count), else 0 — the 零上访 page's rule and rows; the engine
// sums villages to township and county. The current year counts up to today. Years before the county's first
// registered event (the register was not kept yet) and years not begun have no value, rather than every village 零上访.

export async function petitionsIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const thisYear = Number(todayInChina().slice(0, 4));
  const first = await firstReceivedOn(db, countyCode);
  if (!first) return [];
  const years = [...new Set(periods.filter((p) => /^\d{4}$/.test(p)).map(Number))].filter(
    (y) => y >= Number(first.slice(0, 4)) && y <= thisYear,
  );
  const rows = await petitionsPerVillageAndYear(db, countyCode.slice(0, 6), years);
  return rows.map((r) => ({
    orgCode: r.orgCode,
    element: 'petitions.zeroVillage',
    period: String(r.year),
    value: r.petitions === 0 ? 1 : 0,
  }));
}
