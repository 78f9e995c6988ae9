import { sql } from 'drizzle-orm';
import { incomeFigure, perCapita } from './income.ts';
import { constEvidence, numberOf, defineRule } from './types.ts';

// 收入大幅缩减: the per-capita figure of the latest income year fell by at least
// monitoring.incomeDropRatio against the year before (both years on record, the earlier one > 0).
// Per capita rather than the household total, so that a member leaving (分户, 外嫁) is not read as a
// loss of income. All active households: a monitored household whose income falls is news too.

const PARAMS = ['monitoring.incomeDropRatio', 'monitoring.incomeFigure'] as const;

export const incomeDrop = defineRule({
  code: 'INCOME_DROP',
  nameZh: '收入大幅缩减',
  nameEn: 'Sharp fall in income',
  category: 'INCOME_DROP',
  riskType: 'other',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [],
  when(ctx) {
    const [now, before] = [perCapita(incomeFigure(ctx), 'inc'), perCapita(incomeFigure(ctx), 'prev')];
    return sql`f.prev_year IS NOT NULL AND ${before} > 0 AND (${before} - ${now})::numeric >= ${numberOf(ctx, 'monitoring.incomeDropRatio')}::numeric * ${before}`;
  },
  evidence(ctx) {
    const [now, before] = [perCapita(incomeFigure(ctx), 'inc'), perCapita(incomeFigure(ctx), 'prev')];
    return sql`${constEvidence(ctx, PARAMS, { figure: incomeFigure(ctx), dropRatioThreshold: numberOf(ctx, 'monitoring.incomeDropRatio') })}
      || jsonb_build_object('incomeYear', f.inc_year, 'perCapitaFen', ${now}, 'previousYear', f.prev_year, 'previousPerCapitaFen', ${before},
        'dropRatio', round((${before} - ${now})::numeric / ${before}, 4))`;
  },
});
