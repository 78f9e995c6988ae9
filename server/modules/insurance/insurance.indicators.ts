import { coverageReason, coverageScopeOf } from '#common/domain/insurance/coverage.ts';
import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import type { Db } from '#server/db/connect.ts';
import { resolveAll } from '../params/index.ts';
import { coverageFactsOfCounty } from './insurance.repository.ts';

// The indicators' computed source `insurance.*` (防贫保险参保率 on the cockpit): per village and year, the households
// the coverage rule (`coverageReason`, parameter insurance.coverageScope of the year) says must be insured, and how
// many of them hold a policy of that year; must-insure less insured is the 参保核对 list's count. Households are
// read as they stand today (the registry keeps no yearly status). The engine sums villages up.

export async function insuranceIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const years = [...new Set(periods.filter((p) => /^\d{4}$/.test(p)))];
  const out: LeafValue[] = [];
  for (const period of years) {
    const params = await resolveAll(db, countyCode, `${period}-01`).catch(() => null);
    if (!params) continue;
    const scope = coverageScopeOf(params['insurance.coverageScope']?.value);
    const counts = new Map<string, { must: number; insured: number }>();
    for (const h of await coverageFactsOfCounty(db, countyCode, Number(period))) {
      if (!coverageReason({ kind: h.kind, monitoringStatus: h.monitoring_status, closed: false }, scope)) continue;
      const c = counts.get(h.village_code) ?? { must: 0, insured: 0 };
      c.must += 1;
      if (h.insured) c.insured += 1;
      counts.set(h.village_code, c);
    }
    for (const [orgCode, c] of counts)
      out.push(
        { orgCode, element: 'insurance.mustInsure', period, value: c.must },
        { orgCode, element: 'insurance.insured', period, value: c.insured },
      );
  }
  return out;
}
