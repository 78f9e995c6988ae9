import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import { lastDayOf } from '#common/domain/period.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { balancesOnDays } from './microloans.repository.ts';

// The indicators' computed source `microloans.*` (小额信贷余额 and 逾期率 on the cockpit): per village, the principal
// owed at the end of each month (today for the current month) and the part of it overdue (an unpaid loan past its
// due date: the module's `isOverdue` reading). 逾期率 = overdue principal ÷ principal owed (the plan defines no rate;
// the banks' usual reading of 逾期率 by balance). The engine sums villages up to township and county.

export async function microloansIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
  today: string = todayInChina(),
): Promise<LeafValue[]> {
  const months = [...new Set(periods.filter((p) => /^\d{4}-\d{2}$/.test(p)))];
  const dayOf = new Map<string, string>();
  for (const m of months) {
    const end = lastDayOf(m);
    if (m <= today.slice(0, 7)) dayOf.set(end < today ? end : today, m);
  }
  const rows = await balancesOnDays(db, countyCode, [...dayOf.keys()]);
  return rows.flatMap((r) => [
    { orgCode: r.orgCode, element: 'microloans.balance', period: dayOf.get(r.day)!, value: r.owedFen },
    { orgCode: r.orgCode, element: 'microloans.overdueBalance', period: dayOf.get(r.day)!, value: r.overdueFen },
  ]);
}
