import { definitionOf } from '../params/definitions.ts';

// What-if overrides: parameter key → proposed value, checked against the parameter's definition
// (unit, choices) before a scenario runs. Pure: returns field errors in Chinese and English.

export interface OverrideError {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** The longest lookback a scenario may ask for (the engine scans department records over it). */
export const MAX_LOOKBACK_MONTHS = 36;

export function checkOverrides(overrides: Record<string, unknown>): OverrideError[] {
  const errors: OverrideError[] = [];
  const keys = Object.keys(overrides);
  if (keys.length === 0)
    errors.push({ field: 'params', messageZh: '请至少修改一个政策参数', messageEn: 'Change at least one parameter' });
  for (const key of keys) {
    const field = `params.${key}`;
    const bad = (messageZh: string, messageEn: string) => errors.push({ field, messageZh, messageEn });
    const def = definitionOf(key);
    const value = overrides[key];
    if (!def) {
      bad('没有这个政策参数', 'No such policy parameter');
      continue;
    }
    if (def.unit === 'choice') {
      if (!def.choices!.includes(String(value)))
        bad(`可选值：${def.choices!.join('、')}`, `One of ${def.choices!.join(', ')}`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      bad('须为非负数', 'Must be a non-negative number');
      continue;
    }
    if (def.unit === 'ratio' && value > 1) bad('比例须在 0 到 1 之间', 'A ratio is between 0 and 1');
    else if (def.unit !== 'ratio' && !Number.isInteger(value))
      bad('须为整数（金额以分计）', 'Must be a whole number (money in fen)');
    else if (key === 'monitoring.lookbackMonths' && (value < 1 || value > MAX_LOOKBACK_MONTHS))
      bad(`回溯月数须在 1 到 ${MAX_LOOKBACK_MONTHS} 之间`, `The lookback is 1 to ${MAX_LOOKBACK_MONTHS} months`);
    else if (key === 'education.schoolYearStartMonth' && (value < 1 || value > 12))
      bad('学年起始月须在 1 到 12 之间', 'The school year starts in month 1 to 12');
  }
  return errors;
}

/** Which of `ruleParams` (a rule's declared parameters) a scenario changes. */
export function touches(ruleParams: readonly string[], overrides: Record<string, unknown>): boolean {
  return ruleParams.some((p) => Object.hasOwn(overrides, p));
}
