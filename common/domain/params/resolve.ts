import type { ParamDefinition } from './definitions.ts';

// Which value of a policy parameter is in force for a county and a month. Pure: the rows come in.

export interface ParamRow {
  key: string;
  scopeCode: string;
  year: number | null;
  effectiveFrom: string;
  value: unknown;
  source: string;
}

export interface Resolved {
  key: string;
  value: unknown;
  scopeCode: string;
  year: number | null;
  effectiveFrom: string;
  source: string;
  /** Set when a yearly parameter had no value for the asked year and the latest earlier year was used. */
  fallbackFromYear?: number;
}

/** County 140521000000 → [county, province 140000000000, national 000000000000], most specific first. */
export function scopeChain(countyCode: string): string[] {
  return [countyCode, countyCode.slice(0, 2) + '0000000000', '000000000000'];
}

function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The value in force on the last day of `period` (YYYY-MM) for `countyCode`:
 * only rows already effective count; an exact-year row beats an all-years row; a more specific scope
 * beats a wider one; a later effective date beats an earlier one. A yearly parameter with nothing for
 * the year falls back to the latest earlier year ("default = latest known").
 */
export function resolveParam(
  def: Pick<ParamDefinition, 'key' | 'yearly'>,
  rows: readonly ParamRow[],
  countyCode: string,
  period: string,
): Resolved | undefined {
  const asOf = lastDayOf(period);
  const year = Number(period.slice(0, 4));
  const chain = scopeChain(countyCode);
  const live = rows.filter((r) => r.key === def.key && chain.includes(r.scopeCode) && r.effectiveFrom <= asOf);
  const rank = (r: ParamRow) => [r.year === year ? 0 : 1, chain.indexOf(r.scopeCode), -Date.parse(r.effectiveFrom)];
  const better = (a: ParamRow, b: ParamRow) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? a : b;
    return a;
  };
  const pick = (list: ParamRow[]) => (list.length === 0 ? undefined : list.reduce(better));
  const current = pick(live.filter((r) => r.year === null || r.year === year));
  if (current || !def.yearly) return current && toResolved(current);
  const earlier = live.filter((r) => r.year !== null && r.year < year);
  if (earlier.length === 0) return undefined;
  const latestYear = Math.max(...earlier.map((r) => r.year!));
  const fallback = pick(earlier.filter((r) => r.year === latestYear))!;
  return { ...toResolved(fallback), fallbackFromYear: latestYear };
}

function toResolved(r: ParamRow): Resolved {
  return {
    key: r.key,
    value: r.value,
    scopeCode: r.scopeCode,
    year: r.year,
    effectiveFrom: r.effectiveFrom,
    source: r.source,
  };
}
