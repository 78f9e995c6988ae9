// 精准施策分类帮扶 (seed §二(二)1, policy-rules §4.2): suggested measure categories for a monitored
// household from its risks and labour ability. Labour-capable households get development measures
// (产业, 就业) first; households without labour get 综合保障 (comprehensive social security) first.
// Suggestions are explained and never applied: a person chooses and records the measure.

import { RISK_TYPES } from '../registry/codes.ts';
import { DEVELOPMENT_CATEGORIES, type MeasureCategory } from './categories.ts';

const riskZh = (r: string) => RISK_TYPES.find((t) => t.code === r)?.zh ?? r;

export interface RecommendInput {
  risks: readonly string[];
  /** Members with labour ability (技能/普通/弱或半劳动力). */
  labourCapableMembers: number;
  wholeHouseholdNoLabour: boolean;
  /** Categories already in place on the household. */
  existingCategories: readonly string[];
}

export interface Recommendation {
  category: MeasureCategory;
  /** For which risk (null: from labour ability alone). */
  riskType: string | null;
  priority: number;
  reasonZh: string;
  reasonEn: string;
  alreadyInPlace: boolean;
}

/** Which categories address each risk (policy-rules §1.4 risks × §4.1 categories; [P] mapping). */
export const RISK_CATEGORIES: Record<string, readonly MeasureCategory[]> = {
  illness: ['health', 'comprehensiveSecurity'],
  disability: ['comprehensiveSecurity', 'health', 'publicWelfarePost'],
  education: ['otherEducation', 'compulsoryEducation'],
  naturalDisaster: ['housingSecurity', 'livingConditions', 'socialAssistance', 'industry'],
  accident: ['socialAssistance', 'comprehensiveSecurity', 'health'],
  failedBusiness: ['industry', 'finance', 'employment'],
  unstableEmployment: ['employment', 'publicWelfarePost'],
  lackOfLabour: ['comprehensiveSecurity', 'publicWelfarePost'],
  unsafeHousing: ['housingSecurity', 'relocation'],
  schoolDropout: ['compulsoryEducation'],
  unsafeWater: ['drinkingWater'],
  noMedicalInsurance: ['health'],
  other: ['socialAssistance'],
};

export function recommendMeasures(input: RecommendInput): Recommendation[] {
  const capable = input.labourCapableMembers > 0 && !input.wholeHouseholdNoLabour;
  const out = new Map<MeasureCategory, Recommendation>();
  const add = (
    category: MeasureCategory,
    riskType: string | null,
    priority: number,
    reasonZh: string,
    reasonEn: string,
  ) => {
    const existing = out.get(category);
    if (existing && existing.priority <= priority) return;
    out.set(category, {
      category,
      riskType,
      priority,
      reasonZh,
      reasonEn,
      alreadyInPlace: input.existingCategories.includes(category),
    });
  };
  if (capable) {
    add(
      'industry',
      null,
      1,
      `家庭有${input.labourCapableMembers}名劳动力：优先落实开发式帮扶（产业）`,
      `${input.labourCapableMembers} labour-capable member(s): development measures first (industry)`,
    );
    add(
      'employment',
      null,
      1,
      `家庭有${input.labourCapableMembers}名劳动力：优先落实开发式帮扶（就业）`,
      `${input.labourCapableMembers} labour-capable member(s): development measures first (employment)`,
    );
  } else {
    add(
      'comprehensiveSecurity',
      null,
      1,
      '家庭无劳动能力：强化综合保障兜底（低保、特困供养等）',
      'No labour ability: comprehensive social security first',
    );
  }
  for (const risk of input.risks) {
    for (const [i, category] of (RISK_CATEGORIES[risk] ?? RISK_CATEGORIES.other).entries()) {
      // Without labour, development measures are not suggested for a risk (防止"养懒汉" applies the other way round).
      if (!capable && DEVELOPMENT_CATEGORIES.includes(category)) continue;
      add(category, risk, 2 + i, `针对风险“${riskZh(risk)}”`, `Addresses the risk "${risk}"`);
    }
  }
  return [...out.values()].sort((a, b) => a.priority - b.priority || a.category.localeCompare(b.category));
}
