import { sql } from 'drizzle-orm';
import { RIGID_PARAMS, RIGID_TOTALS, rigidEvidence, rigidExceedsIncome } from './rigid-spending.ts';
import {
  constEvidence,
  feedIs,
  maxPerPerson,
  numberOf,
  perPersonTotals,
  personAmounts,
  defineRule,
  type RuleContext,
} from './types.ts';

// 医疗自付支出较大 (policy-rules §2, 医保):
//  - inpatient: one member's 住院自付 (out-of-pocket after reimbursement) accumulated this calendar year
//    to date (1 January … the period's end; "individual annual cumulative", "year-to-date") is ≥ the line
//    for the household kind: 脱贫户 medical.alleviatedOutOfPocketFen (county example 5,000 yuan),
//    一般农户 medical.otherOutOfPocketFen (20,000 yuan). Per person: two members under the line each do
//    not make a warning by this test (the household burden is the rigid-spending test below).
//  - outpatient: 门诊自付 of the household's members in the period's own month ≥
//    medical.outpatientMonthlyFen (≥ 500 yuan per month, pushed monthly).
//  - rigid spending (§1.1): the household's medical and education out-of-pocket this year exceed its
//    last net income (rigid-spending.ts), and some of it is medical.

const PARAMS = [
  'medical.alleviatedOutOfPocketFen',
  'medical.otherOutOfPocketFen',
  'medical.outpatientMonthlyFen',
  ...RIGID_PARAMS,
] as const;
const inpatient = feedIs('medical', 'inpatientOutOfPocket');
const outpatient = feedIs('medical', 'outpatientOutOfPocket');
const line = (ctx: RuleContext) =>
  sql`(CASE WHEN f.kind = 'alleviated' THEN ${numberOf(ctx, 'medical.alleviatedOutOfPocketFen')}::bigint ELSE ${numberOf(ctx, 'medical.otherOutOfPocketFen')}::bigint END)`;
const inpatientMax = maxPerPerson(sql`f.med_inpatient_persons`);

export const medicalBurden = defineRule({
  code: 'MEDICAL_BURDEN',
  nameZh: '医疗自付支出较大',
  nameEn: 'Large medical out-of-pocket spending',
  category: 'MEDICAL_BURDEN',
  riskType: 'illness',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [
    { source: 'medical', item: 'inpatientOutOfPocket', window: 'yearToDate' },
    { source: 'medical', item: 'outpatientOutOfPocket', window: 'month' },
  ],
  keptTotals: RIGID_TOTALS,
  feedAggregates: (ctx) => ({
    med_inpatient_persons: personAmounts(sql`${inpatient} AND fe.occurred_on >= ${ctx.window.yearFrom}::date`),
    med_inpatient_n: sql`count(*) FILTER (WHERE ${inpatient} AND fe.occurred_on >= ${ctx.window.yearFrom}::date)`,
    med_outpatient_month_fen: sql`sum(fe.amount_fen) FILTER (WHERE ${outpatient} AND fe.occurred_on >= ${ctx.window.periodFrom}::date)`,
  }),
  when: (ctx) =>
    sql`(${inpatientMax} >= ${line(ctx)} OR f.med_outpatient_month_fen >= ${numberOf(ctx, 'medical.outpatientMonthlyFen')}::bigint
      OR (f.rigid_medical_fen > 0 AND ${rigidExceedsIncome(ctx)}))`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { yearFrom: ctx.window.yearFrom, outpatientMonthlyThresholdFen: numberOf(ctx, 'medical.outpatientMonthlyFen') })} || jsonb_build_object('householdKind', f.kind,
      'inpatientFen', coalesce(${inpatientMax}, 0), 'inpatientByPerson', ${perPersonTotals(sql`f.med_inpatient_persons`)},
      'inpatientRecords', coalesce(f.med_inpatient_n, 0), 'inpatientThresholdFen', ${line(ctx)},
      'inpatientThresholdParam', CASE WHEN f.kind = 'alleviated' THEN 'medical.alleviatedOutOfPocketFen' ELSE 'medical.otherOutOfPocketFen' END,
      'outpatientMonthFen', coalesce(f.med_outpatient_month_fen, 0), 'rigidSpending', ${rigidEvidence(ctx)})`,
});
