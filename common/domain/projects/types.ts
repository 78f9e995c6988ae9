// Project types (policy-rules §6 [C]: the five confirmed first-level types) with editable sub-types:
// the sub-type list is a default the county extends (free text is accepted and kept).

export const PROJECT_TYPES = [
  'industry',
  'employment',
  'ruralConstruction',
  'threeGuarantees',
  'managementFee',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const PROJECT_TYPE_LABELS: Record<ProjectType, { zh: string; en: string }> = {
  industry: { zh: '产业发展', en: 'Industry development' },
  employment: { zh: '就业', en: 'Employment' },
  ruralConstruction: { zh: '乡村建设行动', en: 'Rural construction' },
  threeGuarantees: { zh: '巩固三保障成果', en: 'Three guarantees' },
  managementFee: { zh: '项目管理费', en: 'Project management fee' },
};

/** [P] Common sub-types (the national taxonomy was not confirmed, policy-rules §6); any text is allowed. */
export const DEFAULT_SUB_TYPES: Record<ProjectType, readonly string[]> = {
  industry: ['生产项目', '加工流通项目', '配套设施项目', '产业服务支撑项目', '金融保险配套项目', '光伏扶贫'],
  employment: ['务工补助', '就业创业补助', '以工代赈', '公益性岗位'],
  ruralConstruction: ['农村基础设施', '人居环境整治', '农村公共服务'],
  threeGuarantees: ['教育', '健康', '住房', '饮水安全'],
  managementFee: ['项目管理费'],
};

export const FUND_SOURCES = ['central', 'provincial', 'city', 'county'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, { zh: string; en: string }> = {
  central: { zh: '中央', en: 'Central' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
};

export interface PerformanceTarget {
  indicator: string;
  value: string;
}

export interface EntryRequirementInput {
  farmerLinkage: string | null | undefined;
  performanceTargets: readonly PerformanceTarget[];
  budgetFen: number;
}

/** Entry exclusions (policy-rules §6): no 联农带农 mechanism or no 绩效目标 → refused. Field errors, one per gap. */
export function entryGaps(p: EntryRequirementInput): { field: string; messageZh: string; messageEn: string }[] {
  const gaps: { field: string; messageZh: string; messageEn: string }[] = [];
  if (!p.farmerLinkage || p.farmerLinkage.trim().length < 4) {
    gaps.push({
      field: 'farmerLinkage',
      messageZh: '未填写联农带农机制的项目不得入库',
      messageEn: 'A project without a farmer-linkage mechanism cannot enter the library',
    });
  }
  const targets = p.performanceTargets.filter((t) => t.indicator.trim() && t.value.trim());
  if (targets.length === 0) {
    gaps.push({
      field: 'performanceTargets',
      messageZh: '未设定绩效目标的项目不得入库',
      messageEn: 'A project without performance targets cannot enter the library',
    });
  }
  if (!(p.budgetFen > 0))
    gaps.push({ field: 'budget', messageZh: '项目预算须大于 0', messageEn: 'The budget must be above zero' });
  return gaps;
}
