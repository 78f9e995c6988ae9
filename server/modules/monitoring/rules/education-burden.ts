import { sql } from 'drizzle-orm';
import { schoolYearFrom } from '#common/domain/monitoring/window.ts';
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

// 教育支出较大 (policy-rules §2, 教育): one student's 非义务教育费用 (high school, vocational, college;
// out-of-pocket after all subsidies) in the current school year (from the 1st of
// education.schoolYearStartMonth, September, to the period's end) is above
// education.nonCompulsoryCostFen (policy: "> 10,000 yuan per school year"; strictly greater, as written).
// Or the rigid-spending test of §1.1 (rigid-spending.ts) holds and some of the spending is education.

const PARAMS = ['education.nonCompulsoryCostFen', 'education.schoolYearStartMonth', ...RIGID_PARAMS] as const;
const cost = feedIs('education', 'nonCompulsoryCost');
const from = (ctx: RuleContext) => schoolYearFrom(ctx.window.period, numberOf(ctx, 'education.schoolYearStartMonth'));
const costMax = maxPerPerson(sql`f.edu_cost_persons`);

export const educationBurden = defineRule({
  code: 'EDUCATION_BURDEN',
  nameZh: '教育支出较大',
  nameEn: 'Large education spending',
  category: 'EDUCATION_BURDEN',
  riskType: 'education',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'education', item: 'nonCompulsoryCost', window: 'schoolYearToDate' }],
  keptTotals: RIGID_TOTALS,
  feedAggregates: (ctx) => ({
    edu_cost_persons: personAmounts(sql`${cost} AND fe.occurred_on >= ${from(ctx)}::date`),
    edu_cost_records: sql`count(*) FILTER (WHERE ${cost} AND fe.occurred_on >= ${from(ctx)}::date)`,
  }),
  when: (ctx) =>
    sql`(${costMax} > ${numberOf(ctx, 'education.nonCompulsoryCostFen')}::bigint OR (f.rigid_education_fen > 0 AND ${rigidExceedsIncome(ctx)}))`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { schoolYearFrom: from(ctx), thresholdFen: numberOf(ctx, 'education.nonCompulsoryCostFen') })}
      || jsonb_build_object('costFen', coalesce(${costMax}, 0), 'costByPerson', ${perPersonTotals(sql`f.edu_cost_persons`)}, 'records', coalesce(f.edu_cost_records, 0),
        'rigidSpending', ${rigidEvidence(ctx)})`,
});
