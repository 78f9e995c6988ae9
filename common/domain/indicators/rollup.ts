// Roll-up semantics. Values are stored at their entry level; every ancestor keeps (sum, count) per element
// and period. Indicators are evaluated after aggregation: a township's rate is the ratio of its sums, never
// the average of its villages' rates.

import { evaluate, parseExpression, type Expr } from './expression.ts';
import { COMPARE, type AggregationType, type IndicatorDef } from './model.ts';

export interface Cell {
  sum: number;
  count: number;
}

export interface LeafValue {
  orgCode: string;
  element: string;
  period: string;
  value: number;
}

/** Sum and count per (ancestor-or-self, element, period); `ancestorsOf` includes the unit itself. */
export function rollUp(
  values: readonly LeafValue[],
  ancestorsOf: (code: string) => readonly string[],
): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const v of values) {
    for (const a of ancestorsOf(v.orgCode)) {
      const key = cellKey(a, v.element, v.period);
      const c = out.get(key);
      if (c) {
        c.sum += v.value;
        c.count += 1;
      } else out.set(key, { sum: v.value, count: 1 });
    }
  }
  return out;
}

export const cellKey = (org: string, element: string, period: string) => `${org}|${element}|${period}`;

/** An element's aggregated value in one unit and period: SUM and LAST add up across units, AVERAGE divides by the count. */
export function cellValue(aggregation: AggregationType, cell: Cell | undefined): number | null {
  if (!cell || cell.count === 0) return null;
  return aggregation === 'AVERAGE' ? cell.sum / cell.count : cell.sum;
}

const astCache = new Map<string, Expr>();
export function compiled(src: string): Expr {
  let ast = astCache.get(src);
  if (!ast) {
    ast = parseExpression(src);
    if (astCache.size > 2000) astCache.clear();
    astCache.set(src, ast);
  }
  return ast;
}

export interface IndicatorResult {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** Ratio of sums (and last value): numerator and denominator over aggregated element values, times the factor. */
export function ratioValue(
  def: Pick<IndicatorDef, 'numerator' | 'denominator' | 'factor'>,
  element: (code: string) => number | null,
  indicator?: (code: string) => number | null,
): IndicatorResult {
  const numerator = evaluate(compiled(def.numerator), { element, indicator });
  if (def.denominator === null)
    return { numerator, denominator: null, value: numerator === null ? null : numerator * def.factor };
  const denominator = evaluate(compiled(def.denominator), { element, indicator });
  const value =
    numerator === null || denominator === null || denominator === 0 ? null : (numerator / denominator) * def.factor;
  return { numerator, denominator, value };
}

/**
 * "Share of units meeting a threshold": each unit of the tested level is evaluated on its own values;
 * numerator = units meeting, denominator = units with data.
 */
export function shareMeeting(
  def: Pick<IndicatorDef, 'numerator' | 'denominator' | 'factor' | 'threshold'>,
  units: readonly ((code: string) => number | null)[],
): IndicatorResult {
  if (!def.threshold) throw new Error('shareMeeting needs a threshold');
  let meeting = 0;
  let withData = 0;
  for (const element of units) {
    const r = ratioValue({ numerator: def.numerator, denominator: def.denominator, factor: 1 }, element);
    if (r.value === null) continue;
    withData++;
    const op = def.threshold.op === 'between' ? '>=' : def.threshold.op;
    if (COMPARE[op](r.value, def.threshold.value)) meeting++;
  }
  return {
    numerator: meeting,
    denominator: withData,
    value: withData === 0 ? null : (meeting / withData) * def.factor,
  };
}
