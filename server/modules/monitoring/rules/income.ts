import { sql, type SQL } from 'drizzle-orm';
import { incomeFigureOf, type IncomeFigure } from '#common/domain/monitoring/income-line.ts';
import type { RuleContext } from './types.ts';

// The SQL copy of the one definition in common/domain/monitoring/income-line.ts (which figure, which
// income year, which line, within = ≤), for the set-based run. The facts row carries the latest income
// year not after the period's year (inc) and the year before (prev); the line is the parameter in
// force for the run's period. Division rounds half up to the fen exactly as divideFenHalfUp
// (floor((2t + s) / 2s), ties towards +∞); a size of 0 gives no figure. Kept equal to the pure rule by
// monitoring.income-line.test.ts, household by household over the demo county and at ±1 fen.

export type { IncomeFigure };

export function incomeFigure(ctx: RuleContext): IncomeFigure {
  return incomeFigureOf(ctx.params['monitoring.incomeFigure']?.value);
}

/** `which` is 'inc' (latest year) or 'prev' (the year before) of facts f. */
export function perCapita(figure: IncomeFigure, which: 'inc' | 'prev'): SQL {
  const col = (name: string) => sql`f.${sql.identifier(`${which}_${name}`)}`;
  const total = figure === 'adjusted' ? sql`(${col('net')} + ${col('payout')} - ${col('oop')})` : col('net');
  const size = col('size');
  return sql`floor((2 * ${total} + ${size})::numeric / NULLIF(2 * ${size}, 0))::bigint`;
}

/** withinRange(perCapita, line) of the pure rule, on the latest year. */
export function withinRangeSql(ctx: RuleContext, lineFen: number): SQL {
  return sql`${perCapita(incomeFigure(ctx), 'inc')} <= ${lineFen}::bigint`;
}
