import { sql } from 'drizzle-orm';
import { incomeFigure, perCapita, withinRangeSql } from './income.ts';
import { constEvidence, numberOf, defineRule } from './types.ts';

// 人均纯收入低于监测范围: the latest income year on record (not after the period's year) gives a
// per-capita figure ≤ the monitoring line in force for the period (monitoring.incomeLineFen, yearly,
// falling back to the latest known year) — the one definition of common/domain/monitoring/income-line.ts. Only households that are not monitoring targets now:
// a monitored household below the line is already known. Decides 脱贫不稳定户 / 边缘易致贫户, so no risk type.

const PARAMS = ['monitoring.incomeLineFen', 'monitoring.incomeFigure'] as const;

export const incomeBelowLine = defineRule({
  code: 'INCOME_BELOW_LINE',
  nameZh: '人均纯收入低于监测范围',
  nameEn: 'Per-capita income within the monitoring range',
  category: 'INCOME_BELOW_LINE',
  riskType: null,
  appliesTo: 'notMonitored',
  params: PARAMS,
  feeds: [],
  when: (ctx) => sql`f.inc_year IS NOT NULL AND ${withinRangeSql(ctx, numberOf(ctx, 'monitoring.incomeLineFen'))}`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { figure: incomeFigure(ctx), lineFen: numberOf(ctx, 'monitoring.incomeLineFen') })} || jsonb_build_object('incomeYear', f.inc_year,
      'netIncomeFen', f.inc_net, 'insurancePayoutFen', f.inc_payout, 'eligibleOutOfPocketFen', f.inc_oop, 'householdSize', f.inc_size,
      'perCapitaFen', ${perCapita(incomeFigure(ctx), 'inc')})`,
});
