// Where each data-quality threshold comes from: the policy parameter (common/domain/params/definitions.ts)
// resolved for the county and month. Month thresholds ("2022年4月份以后", "2023年以来") are stored as
// YYYYMM numbers; the 自然消除 switch is a choice. A missing value falls back to the documented default.

import { isPeriod, type Period } from '../period.ts';
import { DEFAULT_QUALITY_PARAMS, type QualityParams } from './quality-rule.ts';

export const QUALITY_PARAM_KEYS: Readonly<Record<keyof QualityParams, string>> = Object.freeze({
  labourAgeFrom: 'quality.labourAgeFrom',
  labourAgeTo: 'quality.labourAgeTo',
  lackOfLabourMaxShare: 'quality.lackOfLabourMaxShare',
  publicWelfarePostMinAge: 'quality.publicWelfarePostMinAge',
  implausibleWageBelowFen: 'quality.implausibleWageBelowFen',
  highPerCapitaFen: 'quality.highPerCapitaFen',
  highPerCapitaIdentifiedFrom: 'quality.highPerCapitaIdentifiedFrom',
  measureDueMonths: 'assistance.firstMeasureMonths',
  developmentMeasureDueMonths: 'assistance.developmentMeasureMonths',
  minMonthsBeforeElimination: 'workflow.minMonthsBeforeElimination',
  minMonthsRuleFrom: 'quality.minMonthsRuleFrom',
  minMonthsAppliesToNatural: 'quality.minMonthsAppliesTo',
  compulsorySchoolAgeFrom: 'quality.compulsorySchoolAgeFrom',
  compulsorySchoolAgeTo: 'quality.compulsorySchoolAgeTo',
});

/** 202204 → '2022-04'; null for anything that is not a month. */
export function periodOfYyyymm(value: unknown): Period | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  const p = `${String(Math.floor(value / 100)).padStart(4, '0')}-${String(value % 100).padStart(2, '0')}`;
  return isPeriod(p) ? p : null;
}

/** The thresholds in force, from the resolved parameter values (key → value). */
export function qualityParamsFrom(valueOf: (key: string) => unknown): QualityParams {
  const num = (field: keyof QualityParams): number => {
    const v = valueOf(QUALITY_PARAM_KEYS[field]);
    return typeof v === 'number' && Number.isFinite(v) ? v : (DEFAULT_QUALITY_PARAMS[field] as number);
  };
  const month = (field: 'highPerCapitaIdentifiedFrom' | 'minMonthsRuleFrom'): Period =>
    periodOfYyyymm(valueOf(QUALITY_PARAM_KEYS[field])) ?? DEFAULT_QUALITY_PARAMS[field];
  const natural = valueOf(QUALITY_PARAM_KEYS.minMonthsAppliesToNatural);
  return {
    labourAgeFrom: num('labourAgeFrom'),
    labourAgeTo: num('labourAgeTo'),
    lackOfLabourMaxShare: num('lackOfLabourMaxShare'),
    publicWelfarePostMinAge: num('publicWelfarePostMinAge'),
    implausibleWageBelowFen: num('implausibleWageBelowFen'),
    highPerCapitaFen: num('highPerCapitaFen'),
    highPerCapitaIdentifiedFrom: month('highPerCapitaIdentifiedFrom'),
    measureDueMonths: num('measureDueMonths'),
    developmentMeasureDueMonths: num('developmentMeasureDueMonths'),
    minMonthsBeforeElimination: num('minMonthsBeforeElimination'),
    minMonthsRuleFrom: month('minMonthsRuleFrom'),
    minMonthsAppliesToNatural:
      natural === undefined ? DEFAULT_QUALITY_PARAMS.minMonthsAppliesToNatural : natural === 'alsoNatural',
    compulsorySchoolAgeFrom: num('compulsorySchoolAgeFrom'),
    compulsorySchoolAgeTo: num('compulsorySchoolAgeTo'),
  };
}
