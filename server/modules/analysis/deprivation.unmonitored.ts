import { AF_DIMENSIONS } from '#common/contracts/analysis.ts';
import { isPoor, normaliseWeights } from '#common/domain/analysis/alkire-foster.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { householdsWithClue, orgNames } from './deprivation.repository.ts';
import { rowsFor, scopeOf, score, vector, type DeprivationDeps } from './deprivation.shared.ts';

// The discovery list: the households poor in the AF sense (score ≥ k) that are not monitoring targets.

interface UnmonitoredQuery {
  period?: string;
  orgCode?: string;
  page?: number;
  pageSize?: number;
  sort?: 'householdNo' | 'score';
  order?: 'asc' | 'desc';
}

interface Item {
  householdNo: string;
  score: number;
}

/** The list's order: by number or score as asked, else the highest score first; ties by number. */
function compareBy(q: UnmonitoredQuery) {
  const dir = q.order === 'desc' ? -1 : 1;
  return (a: Item, b: Item) =>
    q.sort === 'householdNo'
      ? dir * a.householdNo.localeCompare(b.householdNo)
      : q.sort === 'score'
        ? dir * (a.score - b.score) || a.householdNo.localeCompare(b.householdNo)
        : b.score - a.score || a.householdNo.localeCompare(b.householdNo);
}

/** The discovery list: poor in the AF sense (score ≥ k) and not a monitoring target, with the dimensions as reasons. */
export async function unmonitored(d: DeprivationDeps, ctx: RequestContext, q: UnmonitoredQuery) {
  const { countyCode, prefix } = scopeOf(ctx, q.orgCode);
  const period = q.period ?? d.lastMonth();
  const { s, rows } = await rowsFor(d, countyCode, prefix, period);
  const w = normaliseWeights(s.weights);
  const poor = rows
    .map((r) => ({ r, score: score(vector(r), w) }))
    .filter(({ r, score: c }) => r.monitoringStatus !== 'monitored' && isPoor(c, s.k));
  const facts = await householdsWithClue(
    d.db,
    poor.map((p) => p.r.householdId),
  );
  const byId = new Map(facts.map((f) => [f.id, f]));
  const nameOf = await orgNames(d.db, [...new Set(poor.map((p) => p.r.villageCode))]);
  const items = poor
    .map(({ r, score: c }) => ({
      householdId: r.householdId,
      householdNo: byId.get(r.householdId)?.householdNo ?? '',
      villageCode: r.villageCode,
      villageName: nameOf.get(r.villageCode) ?? r.villageCode,
      kind: r.kind,
      monitoringStatus: r.monitoringStatus,
      score: c,
      deprived: AF_DIMENSIONS.filter((_, j) => vector(r)[j]),
      openClue: byId.get(r.householdId)?.openClue ?? false,
    }))
    .sort(compareBy(q));
  const win = pageWindow({ ...q, page: q.page ?? 1 });
  return {
    items: items.slice(win.offset, win.offset + win.pageSize),
    total: items.length,
    page: win.page ?? 1,
    pageSize: win.pageSize,
  };
}
