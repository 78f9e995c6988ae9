import { WARNING_CATEGORY_CODES } from '#common/domain/monitoring/categories.ts';
import { disasterRule } from './disaster.ts';
import { dropoutRule } from './dropout.ts';
import { educationBurden } from './education-burden.ts';
import { exclusionFlag } from './exclusion-flag.ts';
import { housingUnsafe } from './housing-unsafe.ts';
import { incomeBelowLine } from './income-below-line.ts';
import { incomeDrop } from './income-drop.ts';
import { labourerDeath } from './labourer-death.ts';
import { medicalBurden } from './medical-burden.ts';
import { newDisability } from './new-disability.ts';
import { noMedicalInsurance } from './no-medical-insurance.ts';
import { unemploymentRule } from './unemployment.ts';
import { waterUnsafe } from './water-unsafe.ts';
import type { Rule } from './types.ts';

/** Every declared rule, in the order of formats.md §3. */
export const RULES: readonly Rule[] = [
  incomeBelowLine,
  incomeDrop,
  medicalBurden,
  educationBurden,
  dropoutRule,
  housingUnsafe,
  waterUnsafe,
  noMedicalInsurance,
  newDisability,
  labourerDeath,
  disasterRule,
  unemploymentRule,
  exclusionFlag,
];

export function ruleOf(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

/** Every parameter some rule reads, plus the window length. */
export const RULE_PARAMS: readonly string[] = [
  ...new Set(['monitoring.lookbackMonths', ...RULES.flatMap((r) => r.params)]),
];

if (RULES.map((r) => r.code).join() !== WARNING_CATEGORY_CODES.join())
  throw new Error('monitoring rules and warning categories are out of step');

export type { Rule, RuleContext } from './types.ts';
