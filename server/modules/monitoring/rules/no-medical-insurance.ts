import { sql } from 'drizzle-orm';
import { constEvidence, idList, feedIs, defineRule } from './types.ts';

// 未参加基本医疗保险 (是否有家庭成员未参加城乡居民(职工)基本医疗保险): an active member has neither
// 城乡居民 nor 城镇职工 basic medical insurance in the registry, or the household flag says so
// (household.medical_uninsured), or the medical-insurance bureau reported 未参保 for an active
// member in the data window.

const PARAMS = ['monitoring.lookbackMonths'] as const;
const uninsured = feedIs('medical', 'uninsured');
const noInsurance = sql`(NOT mb.resident_medical_insurance AND NOT mb.employee_medical_insurance)`;

export const noMedicalInsurance = defineRule({
  code: 'NO_MEDICAL_INSURANCE',
  nameZh: '未参加基本医疗保险',
  nameEn: 'Member without basic medical insurance',
  category: 'NO_MEDICAL_INSURANCE',
  riskType: 'noMedicalInsurance',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'medical', item: 'uninsured', window: 'lookback' }],
  feedAggregates: () => ({
    med_uninsured_persons: sql`array_agg(fe.person_id) FILTER (WHERE ${uninsured})`,
  }),
  memberFilter: noInsurance,
  memberAggregates: () => ({
    mb_uninsured_persons: sql`array_agg(mb.person_id) FILTER (WHERE ${noInsurance})`,
  }),
  when: () =>
    sql`(f.medical_uninsured IS TRUE OR f.mb_uninsured_persons IS NOT NULL OR f.med_uninsured_persons IS NOT NULL)`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS)} || jsonb_build_object('registryFlag', coalesce(f.medical_uninsured, false),
      'registryUninsuredPersonIds', ${idList(sql`f.mb_uninsured_persons`)},
      'reportedUninsuredPersonIds', ${idList(sql`f.med_uninsured_persons`)})`,
});
