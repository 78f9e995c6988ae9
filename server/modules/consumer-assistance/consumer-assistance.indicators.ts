import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import { lastDayOf } from '#common/domain/period.ts';
import type { OutletKind } from '#common/domain/village-economy/codes.ts';
import { outletOpenOn } from '#common/domain/village-economy/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { outletSpans, outletUnits } from './consumer-assistance.repository.ts';

// The indicators' computed sources `consumer.pavilions`, `consumer.zones`, `consumer.counters` (消费帮扶专馆/专区/专柜
// on the cockpit): outlets of the ledger open on the period's last day (today for the current period; the page's
// outletOpenOn rule), counted per org unit of the outlet — the county, a township or a village. The engine adds a
// unit's own outlets to its ancestors', so a township shows its own and its villages' outlets and the county all of
// them. Every current unit also gets a 0 per kind for every period begun, so "none built" reads 0 as on the page, not
// "no data"; a period that has not begun has no value. Earlier years come from the outlets' opened/closed dates.

const ELEMENT: Record<OutletKind, string> = {
  pavilion: 'consumer.pavilions',
  zone: 'consumer.zones',
  counter: 'consumer.counters',
};

export async function consumerIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const day = todayInChina();
  const begun = [...new Set(periods)].filter((p) => (p.length === 4 ? `${p}-01-01` : `${p}-01`) <= day);
  if (begun.length === 0) return [];
  const [outlets, units] = await Promise.all([outletSpans(db, countyCode.slice(0, 6)), outletUnits(db, countyCode)]);
  const out: LeafValue[] = [];
  for (const period of begun) {
    const end = period.length === 4 ? `${period}-12-31` : lastDayOf(period);
    const on = end < day ? end : day;
    const counts = new Map<string, number>();
    for (const unit of units) for (const kind of Object.keys(ELEMENT) as OutletKind[]) counts.set(`${unit}|${kind}`, 0);
    for (const o of outlets)
      if (outletOpenOn(o, on)) {
        const key = `${o.orgCode}|${o.kind}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    for (const [key, value] of counts) {
      const [orgCode, kind] = key.split('|') as [string, OutletKind];
      out.push({ orgCode, element: ELEMENT[kind], period, value });
    }
  }
  return out;
}
