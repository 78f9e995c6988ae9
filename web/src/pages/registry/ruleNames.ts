import { QUALITY_RULES } from '#common/domain/registry/quality-checks.ts';
import { pickIn } from '#web/i18n/useI18n.ts';

const RULES = new Map(QUALITY_RULES.map((rule) => [rule.code, rule]));

/** A data-quality rule's name in the UI language (the code itself only if the rule is unknown). */
export function ruleName(code: string, language: string): string {
  const rule = RULES.get(code);
  if (!rule) return code;
  return pickIn(language, rule.nameZh, rule.nameEn);
}

export const ruleSeverity = (code: string) => RULES.get(code)?.severity ?? 'warning';
export const ruleNationalRef = (code: string) => RULES.get(code)?.nationalRef ?? null;
