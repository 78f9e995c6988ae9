import { sql } from 'drizzle-orm';
import { constEvidence, feedIs, numberOf, defineRule, type RuleContext } from './types.ts';

// 医疗自付支出较大 (policy-rules §2, 医保):
//  - inpatient: the sum, over the household's active members, of 住院自付 (out-of-pocket after
//    reimbursement) dated in the data window is ≥ the line for the household kind:
//    脱贫户 medical.alleviatedOutOfPocketFen (county example 5,000 yuan), 一般农户
//    medical.otherOutOfPocketFen (20,000 yuan). The policy says "year to date"; the window is the
//    run's lookback (monitoring.lookbackMonths, 12 by default), i.e. the last twelve months.
//  - outpatient: 门诊自付 of the household's members in the period's own month ≥
//    medical.outpatientMonthlyFen (≥ 500 yuan per month, pushed monthly).

const PARAMS = ['medical.alleviatedOutOfPocketFen', 'medical.otherOutOfPocketFen', 'medical.outpatientMonthlyFen', 'monitoring.lookbackMonths'] as const;
const inpatient = feedIs('medical', 'inpatientOutOfPocket');
const outpatient = feedIs('medical', 'outpatientOutOfPocket');
const line = (ctx: RuleContext) =>
  sql`(CASE WHEN f.kind = 'alleviated' THEN ${numberOf(ctx, 'medical.alleviatedOutOfPocketFen')}::bigint ELSE ${numberOf(ctx, 'medical.otherOutOfPocketFen')}::bigint END)`;

export const medicalBurden = defineRule({
  code: 'MEDICAL_BURDEN',
  nameZh: '医疗自付支出较大',
  nameEn: 'Large medical out-of-pocket spending',
  category: 'MEDICAL_BURDEN',
  riskType: 'illness',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [
    { source: 'medical', item: 'inpatientOutOfPocket', window: 'lookback' },
    { source: 'medical', item: 'outpatientOutOfPocket', window: 'lookback' },
  ],
  feedAggregates: (ctx) => ({
    med_inpatient_fen: sql`sum(fe.amount_fen) FILTER (WHERE ${inpatient})`,
    med_inpatient_n: sql`count(*) FILTER (WHERE ${inpatient})`,
    med_outpatient_month_fen: sql`sum(fe.amount_fen) FILTER (WHERE ${outpatient} AND fe.occurred_on >= ${ctx.window.periodFrom}::date)`,
  }),
  when: (ctx) => sql`(f.med_inpatient_fen >= ${line(ctx)} OR f.med_outpatient_month_fen >= ${numberOf(ctx, 'medical.outpatientMonthlyFen')}::bigint)`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { outpatientMonthlyThresholdFen: numberOf(ctx, 'medical.outpatientMonthlyFen') })} || jsonb_build_object('householdKind', f.kind,
      'inpatientFen', coalesce(f.med_inpatient_fen, 0), 'inpatientRecords', coalesce(f.med_inpatient_n, 0), 'inpatientThresholdFen', ${line(ctx)},
      'inpatientThresholdParam', CASE WHEN f.kind = 'alleviated' THEN 'medical.alleviatedOutOfPocketFen' ELSE 'medical.otherOutOfPocketFen' END,
      'outpatientMonthFen', coalesce(f.med_outpatient_month_fen, 0))`,
});
