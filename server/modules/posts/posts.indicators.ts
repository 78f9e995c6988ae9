import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import { lastDayOf } from '#common/domain/period.ts';
import type { Db } from '#server/db/connect.ts';
import { hiresOnDays } from './posts.repository.ts';

// The indicators' computed source `posts.activeHires` (公益岗位在岗人数 on the cockpit): people on a post at the end
// of each month (hired on or before that day, not exited by it) per village; the engine sums villages up. For the
// current month it equals the hire list's 在岗 count (status=active) when no hire is dated after today.

export async function postsIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const months = [...new Set(periods.filter((p) => /^\d{4}-\d{2}$/.test(p)))];
  const dayOf = new Map(months.map((m) => [lastDayOf(m), m]));
  const rows = await hiresOnDays(db, countyCode, [...dayOf.keys()]);
  return rows.map((r) => ({
    orgCode: r.orgCode,
    element: 'posts.activeHires',
    period: dayOf.get(r.day)!,
    value: r.n,
  }));
}
