import { sql } from 'drizzle-orm';
import { HOUSING_GRADES } from '#common/domain/registry/codes.ts';
import { attr, constEvidence, feedIs, textArray, defineRule } from './types.ts';

// 住房安全问题: grades C (局部危房) and D (整幢危房) are unsafe (policy-rules §2 Housing).
// The newest 危房鉴定 record of the housing bureau in the data window decides when there is one
// (a later A/B appraisal after repair clears an older registry grade); without one, the registry
// facts decide (household.housing_grade C/D, or household.housing_unsafe).

const PARAMS = ['monitoring.lookbackMonths'] as const;
const UNSAFE = HOUSING_GRADES.filter((g) => g.unsafe).map((g) => g.code);
const appraisal = feedIs('housing', 'houseAppraisal');

export const housingUnsafe = defineRule({
  code: 'HOUSING_UNSAFE',
  nameZh: '住房安全问题',
  nameEn: 'Unsafe housing',
  category: 'HOUSING_UNSAFE',
  riskType: 'unsafeHousing',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'housing', item: 'houseAppraisal', window: 'lookback' }],
  feedAggregates: () => ({
    // The newest appraisal's grade without an ordered aggregate: the max of "date + record id + grade".
    house_appraisal_grade: sql`NULLIF(substr(max(to_char(fe.occurred_on, 'YYYYMMDD') || lpad(fe.record_id::text, 19, '0') || coalesce(${attr('houseGrade')}, '-'))
      FILTER (WHERE ${appraisal}), 28), '-')`,
    house_appraisal_on: sql`max(fe.occurred_on) FILTER (WHERE ${appraisal})`,
  }),
  when: () =>
    sql`CASE WHEN f.house_appraisal_grade IS NOT NULL THEN f.house_appraisal_grade = ANY(${textArray(UNSAFE)})
      ELSE (f.housing_grade = ANY(${textArray(UNSAFE)}) OR f.housing_unsafe IS TRUE) END`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { unsafeGrades: UNSAFE })} || jsonb_build_object('registryGrade', f.housing_grade, 'registryUnsafe', f.housing_unsafe,
      'appraisalGrade', f.house_appraisal_grade, 'appraisalOn', f.house_appraisal_on,
      'decidedBy', CASE WHEN f.house_appraisal_grade IS NOT NULL THEN 'appraisal' ELSE 'registry' END)`,
});
