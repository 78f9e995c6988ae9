import { sql } from 'drizzle-orm';
import { constEvidence, feedIs, defineRule } from './types.ts';

// 义务教育阶段失学辍学: the registry says so (household.school_dropout, 是否义务教育阶段适龄儿童少年失学辍学)
// or the education bureau reported a 辍学 record for an active member in the data window.

const PARAMS = ['monitoring.lookbackMonths'] as const;
const dropout = feedIs('education', 'dropout');

export const dropoutRule = defineRule({
  code: 'DROPOUT',
  nameZh: '义务教育阶段失学辍学',
  nameEn: 'Compulsory-education dropout',
  category: 'DROPOUT',
  riskType: 'schoolDropout',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'education', item: 'dropout', window: 'lookback' }],
  feedAggregates: () => ({
    edu_dropout_n: sql`count(*) FILTER (WHERE ${dropout})`,
    edu_dropout_last: sql`max(fe.occurred_on) FILTER (WHERE ${dropout})`,
  }),
  when: () => sql`(f.school_dropout IS TRUE OR f.edu_dropout_n > 0)`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS)} || jsonb_build_object('registryFlag', coalesce(f.school_dropout, false),
      'dropoutRecords', coalesce(f.edu_dropout_n, 0), 'latestRecordOn', f.edu_dropout_last)`,
});
