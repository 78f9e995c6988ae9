import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { villagesWithPointsOn } from './village-points.repository.ts';

// The indicators' computed source `points.implementing` (推行积分制的村 on the cockpit): per current village, 1 when it
// has an item in use adopted by a decided 四议两公开 record (resolution published) by the year's last day — today for
// the current year — else 0; the engine sums villages to township and county. Years not begun have no value.

export async function pointsIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const today = todayInChina();
  const dayOf = new Map<string, string>();
  for (const p of periods)
    if (/^\d{4}$/.test(p) && `${p}-01-01` <= today) dayOf.set(`${p}-12-31` < today ? `${p}-12-31` : today, p);
  const rows = await villagesWithPointsOn(db, countyCode, [...dayOf.keys()]);
  return rows.map((r) => ({
    orgCode: r.orgCode,
    element: 'points.implementing',
    period: dayOf.get(r.day)!,
    value: r.implementing ? 1 : 0,
  }));
}
