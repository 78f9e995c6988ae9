// Data-quality checks of one household: the declared rule list and the runner.
// Findings are warnings to fix, never reasons to refuse a save (validation.ts does
// that). The rule bodies live in quality-rules-*.ts; thresholds in ctx.params.

import type { Household, Member } from './household.ts';
import type { QualityContext, QualityFinding, QualityRule } from './quality-rule.ts';
import { MEMBER_RULES } from './quality-rules-member.ts';
import { HOUSEHOLD_RULES } from './quality-rules-household.ts';
import { MONITORING_RULES } from './quality-rules-monitoring.ts';
import { ELIMINATION_RULES } from './quality-rules-elimination.ts';

export {
  DEFAULT_QUALITY_PARAMS,
  type AssistanceSummary,
  type Evidence,
  type QualityContext,
  type QualityFinding,
  type QualityParams,
  type QualityRule,
  type Severity,
} from './quality-rule.ts';

/** Every rule, in the order findings are reported: person rules, household rules, monitoring and elimination rules. */
export const QUALITY_RULES: readonly QualityRule[] = [
  ...MEMBER_RULES,
  ...HOUSEHOLD_RULES,
  ...MONITORING_RULES,
  ...ELIMINATION_RULES,
];

/**
 * Runs the rules over a household that passes validateHousehold: the income rules
 * divide fen and would throw on fractional amounts that validation refuses.
 */
export function runQualityChecks(
  household: Household,
  members: readonly Member[],
  ctx: QualityContext,
  rules: readonly QualityRule[] = QUALITY_RULES,
): QualityFinding[] {
  return rules.flatMap((rule) => rule.check(household, members, ctx));
}
