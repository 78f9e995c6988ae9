import { AF_DIMENSIONS } from '#common/contracts/analysis.ts';
import {
  alkireFoster,
  alkireFosterByGroup,
  isPoor,
  normaliseWeights,
  type AfResult,
} from '#common/domain/analysis/alkire-foster.ts';
import { addMonths } from '#common/domain/period.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { orgNames, type DeprivationRow } from './deprivation.repository.ts';
import { rowsFor, scopeOf, score, vector, type DeprivationDeps, type Settings } from './deprivation.shared.ts';

// The summary of a month: H, A, M0 and the contributions of the scope, per township and per village, the series of
// the months before, the households poor in the AF sense that are not monitored.

/** H, A and M0 per township and per village, with the units' names. */
async function byGroups(d: DeprivationDeps, rows: DeprivationRow[], s: Settings) {
  const byVillage = alkireFosterByGroup(
    rows.map((r) => ({ group: r.villageCode, deprived: vector(r) })),
    s.weights,
    s.k,
  );
  const byTownship = alkireFosterByGroup(
    rows.map((r) => ({ group: r.villageCode.slice(0, 9) + '000', deprived: vector(r) })),
    s.weights,
    s.k,
  );
  const nameOf = await orgNames(d.db, [...byVillage.keys(), ...byTownship.keys()]);
  const groupList = (m: Map<string, AfResult>) =>
    [...m].sort(([a], [b]) => a.localeCompare(b)).map(([code, r]) => ({ code, name: nameOf.get(code) ?? code, ...r }));
  return { byTownship: groupList(byTownship), byVillage: groupList(byVillage) };
}

/** H, A and M0 of each of the `months - 1` months before `period` (each under its own month's parameters). */
async function seriesBefore(d: DeprivationDeps, countyCode: string, prefix: string, period: string, months: number) {
  const series = [];
  for (let i = months - 1; i >= 1; i--) {
    const p = addMonths(period, -i);
    const r = await rowsFor(d, countyCode, prefix, p);
    const m = alkireFoster(r.rows.map(vector), r.s.weights, r.s.k);
    series.push({ period: p, H: m.H, A: m.A, M0: m.M0 });
  }
  return series;
}

export async function summary(
  d: DeprivationDeps,
  ctx: RequestContext,
  q: { period?: string; months: number; orgCode?: string },
) {
  const { countyCode, prefix } = scopeOf(ctx, q.orgCode);
  const period = q.period ?? d.lastMonth();
  const { s, rows } = await rowsFor(d, countyCode, prefix, period);
  const total = alkireFoster(rows.map(vector), s.weights, s.k);
  const groups = await byGroups(d, rows, s);
  const series = await seriesBefore(d, countyCode, prefix, period, q.months);
  series.push({ period, H: total.H, A: total.A, M0: total.M0 });
  const w = normaliseWeights(s.weights);
  return {
    period,
    dimensions: AF_DIMENSIONS.map((code, j) => ({ code, weight: w[j] })),
    k: s.k,
    sources: s.sources,
    total,
    ...groups,
    series,
    unmonitoredPoor: rows.filter((r) => r.monitoringStatus !== 'monitored' && isPoor(score(vector(r), w), s.k)).length,
  };
}
