// Yearly paths of end-state targets ("到2025年…达到90%以上"): a target reached by its last year is judged in
// earlier years against the value on the straight line from a baseline (year, value) to the end value, or against
// a value set explicitly for that year. After the last year the end value holds. Pure functions.

import type { TargetDef } from './model.ts';

export interface PathPoint {
  year: number;
  value: number;
}

/**
 * The value the path asks for in `year`: an explicit point of that year; else linear between the nearest known
 * points around it (the start, explicit points, the end); the end value from the end year on; null when the year
 * lies before every known point (e.g. the baseline was not measured). An interpolated value never asks more than
 * the end value (≥ / >) or less (≤): a unit already beyond the end state at its baseline keeps the end value.
 */
export function pathValue(
  p: { start: PathPoint | null; end: PathPoint; points?: readonly PathPoint[]; op?: TargetDef['op'] },
  year: number,
): number | null {
  const explicit = p.points?.find((x) => x.year === year);
  if (explicit) return explicit.value;
  if (year >= p.end.year) return p.end.value;
  const known = [
    ...(p.start && p.start.year < p.end.year ? [p.start] : []),
    ...(p.points ?? []).filter((x) => x.year < p.end.year && (!p.start || x.year > p.start.year)),
    p.end,
  ].sort((a, b) => a.year - b.year);
  let before: PathPoint | null = null;
  for (const k of known) if (k.year <= year) before = k;
  if (!before) return null;
  const after = known.find((k) => k.year > year)!;
  const v = before.value + ((after.value - before.value) * (year - before.year)) / (after.year - before.year);
  if (p.op === '<=') return Math.max(v, p.end.value);
  if (p.op === '>=' || p.op === '>') return Math.min(v, p.end.value);
  return v;
}

export type PathTarget = Pick<TargetDef, 'op' | 'value' | 'toYear' | 'baselineYear' | 'reference'> & {
  path?: TargetDef['path'];
  pathFromYear?: number | null;
  pathFromValue?: number | null;
};

/** The baseline year of a target's path: its own, else its change baseline ("提高5个百分点" over 2020), else the default. */
export const pathBaseYear = (t: PathTarget, defaultYear: number): number =>
  t.pathFromYear ?? t.baselineYear ?? defaultYear;

/**
 * The absolute number a unit's value is compared with in `year` (reference targets are handled by the caller).
 * `measured(year)` is the unit's own value of the indicator in a year (the baseline); `points` are values set
 * explicitly for single years (as absolute numbers, or as changes for a change target).
 */
export function yearThreshold(
  t: PathTarget,
  year: number,
  o: { defaultBaseYear: number; measured: (year: number) => number | null; points?: readonly PathPoint[] },
): number | null {
  if (t.value === null) return null;
  const changeBase = t.baselineYear ? o.measured(t.baselineYear) : 0;
  if (changeBase === null) return null;
  const end = changeBase + t.value;
  if (t.path !== 'linear') return end;
  const baseYear = pathBaseYear(t, o.defaultBaseYear);
  const startValue =
    t.baselineYear && baseYear === t.baselineYear ? changeBase : (t.pathFromValue ?? o.measured(baseYear));
  const points = (o.points ?? []).map((x) => ({ year: x.year, value: x.value + changeBase }));
  return pathValue(
    {
      start: startValue === null ? null : { year: baseYear, value: startValue },
      end: { year: t.toYear, value: end },
      points,
      op: t.op,
    },
    year,
  );
}
