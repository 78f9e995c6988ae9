import { WARNING_CATEGORIES } from '#common/domain/monitoring/categories.ts';
import { RISK_TYPES } from '#common/domain/registry/codes.ts';
import type { ClueChannel } from '#web/api/monitoring.ts';
import type { BilingualLabel } from '#web/i18n/useI18n.ts';
import { pickIn } from '#web/i18n/useI18n.ts';

// Code lists of the monitoring module in the county's words. The server keeps English codes;
// common/contracts holds the Chinese channel labels too, but importing them would pull zod into
// the browser, so they are repeated here (kept in step by evidence.test.ts).

export const CHANNELS: readonly ClueChannel[] = ['department', 'selfApplication', 'visit', 'petition'];

export const CHANNEL_LABELS: Record<ClueChannel, BilingualLabel & { color: string }> = {
  department: {
    zh: '部门信息比对',
    en: 'Department data match',
    color: 'blue',
  },
  selfApplication: {
    zh: '农户主动申请',
    en: 'Household application',
    color: 'green',
  },
  visit: { zh: '干部走访排查', en: 'Cadre visit', color: 'purple' },
  petition: {
    zh: '舆情信访研判',
    en: 'Petition / public opinion',
    color: 'orange',
  },
};

const RISK_EN: Record<string, string> = {
  illness: 'Illness',
  disability: 'Disability',
  education: 'Education costs',
  naturalDisaster: 'Natural disaster',
  accident: 'Accident',
  failedBusiness: 'Failed business or farming project',
  unstableEmployment: 'Unstable work',
  lackOfLabour: 'Lack of labour',
  unsafeHousing: 'Unsafe housing',
  schoolDropout: 'School dropout (compulsory education)',
  unsafeWater: 'Unsafe drinking water',
  noMedicalInsurance: 'No basic medical insurance',
  other: 'Other',
};

export const RISK_CODES: readonly string[] = RISK_TYPES.map((r) => r.code);

export function riskLabel(code: string | null | undefined, language: string): string {
  if (!code) return '—';
  const entry = RISK_TYPES.find((r) => r.code === code);
  if (!entry) return code;
  return pickIn(language, entry.zh, RISK_EN[code] ?? code);
}

/** Plain words for the public page: what a family would say, with the official term after it. */
export const RISK_PLAIN: Record<string, string> = {
  illness: '家里有人生病，看病花钱多',
  disability: '家里有人残疾',
  education: '孩子上学费用负担重',
  naturalDisaster: '遭受洪涝、干旱、冰雹、地震等自然灾害',
  accident: '发生车祸、工伤等意外事故',
  failedBusiness: '种植、养殖或小生意亏损',
  unstableEmployment: '外出打工没活干、收入不稳定',
  lackOfLabour: '家里缺少能干活的人',
  unsafeHousing: '住房开裂、漏雨等不安全',
  schoolDropout: '孩子没有上学（失学辍学）',
  unsafeWater: '吃水困难或水质不好',
  noMedicalInsurance: '家里有人没参加医保',
  other: '其他困难',
};

/** RISK_PLAIN in English, for /apply in English mode. */
export const RISK_PLAIN_EN: Record<string, string> = {
  illness: 'Someone is ill and treatment costs a lot',
  disability: 'Someone in the family is disabled',
  education: 'School costs weigh heavily',
  naturalDisaster: 'Flood, drought, hail, earthquake or another disaster',
  accident: 'A road accident, work injury or other accident',
  failedBusiness: 'Losses in farming, livestock or a small business',
  unstableEmployment: 'No work away from home, or unsteady income',
  lackOfLabour: 'Nobody in the family able to work',
  unsafeHousing: 'The house is cracked, leaking or unsafe',
  schoolDropout: 'A child is out of school',
  unsafeWater: 'Drinking water is hard to get or poor',
  noMedicalInsurance: 'Someone has no medical insurance',
  other: 'Other hardship',
};

export const PETITION_KINDS = ['petition', 'publicOpinion', 'hotline12317'] as const;
export const PETITION_KIND_LABELS: Record<(typeof PETITION_KINDS)[number], BilingualLabel> = {
  petition: { zh: '信访', en: 'Petition' },
  publicOpinion: { zh: '舆情', en: 'Public opinion' },
  hotline12317: { zh: '12317热线', en: '12317 hotline' },
};

export const CONSENT_METHODS = ['signature', 'fingerprint', 'online'] as const;
export const CONSENT_METHOD_LABELS: Record<(typeof CONSENT_METHODS)[number], BilingualLabel> = {
  signature: { zh: '本人签字', en: 'Signed' },
  fingerprint: { zh: '按手印', en: 'Fingerprint' },
  online: { zh: '网上签署', en: 'Online' },
};

/** Where a clue signal came from, as the server writes `source`. */
export const SIGNAL_SOURCE_LABELS: Record<string, BilingualLabel> = {
  'public-page': { zh: '农户在线申请', en: 'Online application' },
  'officer-form': {
    zh: '干部代录申请',
    en: 'Application recorded by an officer',
  },
};

/** Policy parameters are set nationally, by the province or by the county (scope_code). */
export function scopeLabel(scopeCode: string, language: string): string {
  const en = language === 'en';
  if (/^0+$/.test(scopeCode)) return en ? 'National default' : '全国默认';
  if (scopeCode.endsWith('0000000000')) return en ? 'Province' : '省级';
  return en ? 'This county' : '本县设置';
}

/** A monitoring rule (预警类别) by its code, in the UI language. */
export function ruleName(code: string, language: string): string {
  const entry = WARNING_CATEGORIES.find((c) => c.code === code);
  if (!entry) return code;
  return pickIn(language, entry.nameZh, entry.nameEn);
}

export const RULE_CODES: readonly string[] = WARNING_CATEGORIES.map((c) => c.code);
