import { sql } from 'drizzle-orm';
import { attr, constEvidence, idList, feedIs, ledgerIs, numberOf, defineRule } from './types.ts';

// 失业或社保断缴: the human-resources bureau reported, for an active member in the data window, a
// 失业登记, or a 社保断缴 of at least hr.contributionGapMonths consecutive months (断缴月数; 3 by
// default, 漯河 example); or the county's own employment ledger (就业台账, 沁发〔2021〕17号 §二(三)2 稳岗) shows a
// member whose job ended in the window with no job on its last day (employment/index.ts jobLossSql, the twin of
// jobLossOn in common/domain/employment/rules.ts).

const PARAMS = ['hr.contributionGapMonths', 'monitoring.lookbackMonths'] as const;
const unemployed = feedIs('hr', 'unemployment');
const gap = feedIs('hr', 'contributionGap');
const gapMonths = sql`CASE WHEN ${attr('gapMonths')} ~ '^[0-9]{1,4}$' THEN (${attr('gapMonths')})::int END`;

export const unemploymentRule = defineRule({
  code: 'UNEMPLOYMENT',
  nameZh: '失业或社保断缴',
  nameEn: 'Unemployment or contribution gap',
  category: 'UNEMPLOYMENT',
  riskType: 'unstableEmployment',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [
    { source: 'hr', item: 'unemployment', window: 'lookback' },
    { source: 'hr', item: 'contributionGap', window: 'lookback' },
  ],
  ledgerEvents: ['employmentJobLoss'],
  feedAggregates: () => ({
    hr_unemployed_persons: sql`array_agg(fe.person_id) FILTER (WHERE ${unemployed})`,
    ledger_job_loss_persons: sql`array_agg(fe.person_id) FILTER (WHERE ${ledgerIs('employmentJobLoss')})`,
    hr_max_gap_months: sql`max(${gapMonths}) FILTER (WHERE ${gap})`,
  }),
  when: (ctx) =>
    sql`(f.hr_unemployed_persons IS NOT NULL OR f.ledger_job_loss_persons IS NOT NULL OR f.hr_max_gap_months >= ${numberOf(ctx, 'hr.contributionGapMonths')}::int)`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { gapThresholdMonths: numberOf(ctx, 'hr.contributionGapMonths') })}
      || jsonb_build_object('unemployedPersonIds', ${idList(sql`f.hr_unemployed_persons`)}, 'maxGapMonths', f.hr_max_gap_months,
        'jobLossPersonIds', ${idList(sql`f.ledger_job_loss_persons`)})`,
});
