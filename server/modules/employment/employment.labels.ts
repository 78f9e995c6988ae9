import { LABOUR_SKILLS } from '#common/domain/registry/codes.ts';
import type { PlaceKind } from '#common/domain/employment/rules.ts';
import type { CERTIFICATE_KINDS, FOLLOW_UP_STATUSES, TRAINING_KINDS } from '#common/contracts/employment.ts';

// Chinese names of the codes, for the ledgers and the import (the web keeps its own in its text file).

export const PLACE_ZH: Record<PlaceKind, string> = { county: '县内', province: '省内县外', outOfProvince: '省外' };
export const TRAINING_ZH: Record<(typeof TRAINING_KINDS)[number], string> = {
  employmentSkill: '就业技能培训',
  skillUpgrade: '岗位技能提升培训',
  entrepreneurship: '创业培训',
  agriculture: '农林技术培训',
};
export const CERTIFICATE_ZH: Record<(typeof CERTIFICATE_KINDS)[number], string> = {
  qualification: '职业资格证书',
  skillLevel: '职业技能等级证书',
  specialAbility: '专项职业能力证书',
  trainingCertificate: '培训合格证书',
};
export const FOLLOW_UP_ZH: Record<(typeof FOLLOW_UP_STATUSES)[number], string> = {
  working: '在岗',
  changed: '换岗',
  left: '离岗',
};

export function labourZh(code: string | null): string | null {
  if (!code) return null;
  return LABOUR_SKILLS.find((s) => s.code === code)?.zh ?? code;
}
