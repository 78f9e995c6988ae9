import { sql } from 'drizzle-orm';
import { constEvidence, feedIs, numberOf, defineRule } from './types.ts';

// 教育支出较大 (policy-rules §2, 教育): the household's 非义务教育费用 (high school, vocational,
// college; out-of-pocket after all subsidies) dated in the data window, summed over its active
// members, is above education.nonCompulsoryCostFen (policy: "> 10,000 yuan per school year";
// strictly greater, as written). Summed per household: two students each under the line can still
// be a burden the household cannot carry.

const PARAMS = ['education.nonCompulsoryCostFen', 'monitoring.lookbackMonths'] as const;
const cost = feedIs('education', 'nonCompulsoryCost');

export const educationBurden = defineRule({
  code: 'EDUCATION_BURDEN',
  nameZh: '教育支出较大',
  nameEn: 'Large education spending',
  category: 'EDUCATION_BURDEN',
  riskType: 'education',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'education', item: 'nonCompulsoryCost', window: 'lookback' }],
  feedAggregates: () => ({
    edu_cost_fen: sql`sum(fe.amount_fen) FILTER (WHERE ${cost})`,
    edu_cost_records: sql`count(*) FILTER (WHERE ${cost})`,
  }),
  when: (ctx) => sql`f.edu_cost_fen > ${numberOf(ctx, 'education.nonCompulsoryCostFen')}::bigint`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { thresholdFen: numberOf(ctx, 'education.nonCompulsoryCostFen') })} || jsonb_build_object('costFen', f.edu_cost_fen, 'records', f.edu_cost_records)`,
});
