import { sql, type SQL } from 'drizzle-orm';
import type { RuleContext } from './types.ts';

// The per-capita figure the income rules compare (policy-rules §3.4, common/domain/registry/income.ts):
//   net      = 家庭纯收入 ÷ 家庭人口数
//   adjusted = (家庭纯收入 + 理赔收入 − 合规自付支出) ÷ 家庭人口数
// chosen by monitoring.incomeFigure; division rounds half up to the fen exactly as divideFenHalfUp
// (floor((2t + s) / 2s), ties towards +∞). A size of 0 gives no figure.

export type IncomeFigure = 'net' | 'adjusted';

export function incomeFigure(ctx: RuleContext): IncomeFigure {
  return ctx.params['monitoring.incomeFigure']?.value === 'adjusted' ? 'adjusted' : 'net';
}

/** `which` is 'inc' (latest year) or 'prev' (the year before) of facts f. */
export function perCapita(figure: IncomeFigure, which: 'inc' | 'prev'): SQL {
  const col = (name: string) => sql`f.${sql.identifier(`${which}_${name}`)}`;
  const total = figure === 'adjusted' ? sql`(${col('net')} + ${col('payout')} - ${col('oop')})` : col('net');
  const size = col('size');
  return sql`floor((2 * ${total} + ${size})::numeric / NULLIF(2 * ${size}, 0))::bigint`;
}
