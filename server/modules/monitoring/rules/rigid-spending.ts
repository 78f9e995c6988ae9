import { sql, type SQL } from 'drizzle-orm';
import { numberOf, type KeptTotal, type RuleContext } from './types.ts';

// 刚性支出明显超过上年收入 (policy-rules §1.1: "households whose rigid spending clearly exceeds last
// year's income"): the household's medical out-of-pocket (住院 + 门诊自付) and non-compulsory education
// costs reported this calendar year to date, summed over its active members, are more than
// monitoring.rigidSpendingIncomeRatio × its 家庭纯收入 of the latest income year on record (the year the
// line rules read; 1 by default: more than the whole income). Independent of monitoring.incomeFigure, so
// it is checked with the default settings. Read by MEDICAL_BURDEN (when there is medical spending) and
// EDUCATION_BURDEN (when there is education spending): each names its own cause. The sums are kept totals
// (feed_year_total, kept on write): medical out-of-pocket is most of the department records a county receives.

export const RIGID_PARAMS = ['monitoring.rigidSpendingIncomeRatio'] as const;

export const RIGID_TOTALS: readonly KeptTotal[] = [
  {
    name: 'rigid_medical_fen',
    items: [
      { source: 'medical', item: 'inpatientOutOfPocket' },
      { source: 'medical', item: 'outpatientOutOfPocket' },
    ],
  },
  { name: 'rigid_education_fen', items: [{ source: 'education', item: 'nonCompulsoryCost' }] },
];

const total = sql`(coalesce(f.rigid_medical_fen, 0) + coalesce(f.rigid_education_fen, 0))`;

/** The household's rigid spending this year exceeds the ratio of its last net income (an income record is needed). */
export function rigidExceedsIncome(ctx: RuleContext): SQL {
  return sql`(f.inc_year IS NOT NULL AND ${total} > 0 AND ${total}::numeric > ${numberOf(ctx, 'monitoring.rigidSpendingIncomeRatio')}::numeric * f.inc_net)`;
}

export function rigidEvidence(ctx: RuleContext): SQL {
  return sql`jsonb_build_object('medicalFen', coalesce(f.rigid_medical_fen, 0), 'educationFen', coalesce(f.rigid_education_fen, 0), 'totalFen', ${total},
    'from', ${ctx.window.yearFrom}::text, 'incomeYear', f.inc_year, 'netIncomeFen', f.inc_net, 'ratio', ${numberOf(ctx, 'monitoring.rigidSpendingIncomeRatio')}::numeric,
    'exceedsIncome', coalesce(${rigidExceedsIncome(ctx)}, false))`;
}
