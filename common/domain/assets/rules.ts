import type { ProjectType } from '../projects/types.ts';

// Poverty-alleviation project assets (policy-rules §5): three categories kept in separate ledgers,
// ownership at 县/乡/村/户, income distributed by a 四议两公开 decision, disposal with proceeds back to the owner.

export const ASSET_CATEGORIES = ['operating', 'publicWelfare', 'household'] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
export const ASSET_CATEGORY_LABELS: Record<AssetCategory, { zh: string; en: string }> = {
  operating: { zh: '经营性', en: 'Operating' },
  publicWelfare: { zh: '公益性', en: 'Public welfare' },
  household: { zh: '到户类', en: 'Household' },
};

export const OWNER_LEVELS = ['county', 'township', 'village', 'household'] as const;
export type OwnerLevel = (typeof OWNER_LEVELS)[number];
export const OWNER_LEVEL_LABELS: Record<OwnerLevel, { zh: string; en: string }> = {
  county: { zh: '县', en: 'County' },
  township: { zh: '乡', en: 'Township' },
  village: { zh: '村', en: 'Village' },
  household: { zh: '户', en: 'Household' },
};

export const DISPOSAL_REASONS = ['disaster', 'accident', 'endOfLife', 'planning'] as const;
export type DisposalReason = (typeof DISPOSAL_REASONS)[number];
export const DISPOSAL_REASON_LABELS: Record<DisposalReason, string> = {
  disaster: '自然灾害',
  accident: '意外事故',
  endOfLife: '达到使用年限',
  planning: '发展规划调整',
};

/** Where operating income goes (seed §二(一)5 / policy-rules §5 [S]); PV income funds 公益岗位. */
export const INCOME_SHARES = ['operation', 'consolidation', 'publicWelfare', 'publicWelfarePosts'] as const;
export type IncomeShare = (typeof INCOME_SHARES)[number];
export const INCOME_SHARE_LABELS: Record<IncomeShare, string> = {
  operation: '运营管护',
  consolidation: '巩固帮扶',
  publicWelfare: '村公益事业',
  publicWelfarePosts: '公益岗位',
};

export type Distribution = Record<IncomeShare, number>;

export interface IncomeInput {
  category: AssetCategory;
  photovoltaic: boolean;
  amountFen: number;
  distribution: Distribution;
}

export function incomeErrors(i: IncomeInput): { field: string; messageZh: string; messageEn: string }[] {
  const errors: { field: string; messageZh: string; messageEn: string }[] = [];
  if (i.category !== 'operating')
    errors.push({
      field: 'assetId',
      messageZh: '只有经营性资产登记收益',
      messageEn: 'Only operating assets record income',
    });
  if (!(i.amountFen > 0))
    errors.push({ field: 'amount', messageZh: '收益金额须大于 0', messageEn: 'Income must be above zero' });
  const parts = INCOME_SHARES.map((k) => i.distribution[k] ?? 0);
  if (parts.some((p) => !Number.isInteger(p) || p < 0))
    errors.push({ field: 'distribution', messageZh: '分配金额不能为负', messageEn: 'Shares cannot be negative' });
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum !== i.amountFen) {
    errors.push({
      field: 'distribution',
      messageZh: `分配合计 ${(sum / 100).toFixed(2)} 元，应等于收益 ${(i.amountFen / 100).toFixed(2)} 元`,
      messageEn: 'The shares must add up to the income',
    });
  }
  if (i.photovoltaic && !(i.distribution.publicWelfarePosts > 0)) {
    errors.push({
      field: 'distribution.publicWelfarePosts',
      messageZh: '光伏扶贫电站收益须用于设置村级公益岗位',
      messageEn: 'PV station income must fund public-welfare posts',
    });
  }
  return errors;
}

/** The asset a completed project forms by default; management fees form none. */
export function defaultCategoryOf(type: ProjectType, subType: string | null): AssetCategory | null {
  if (type === 'managementFee') return null;
  if (type === 'industry') return 'operating';
  if (subType && /到户|入户|庭院/.test(subType)) return 'household';
  if (type === 'threeGuarantees' && subType === '住房') return 'household';
  return 'publicWelfare';
}

export function ownerLevelOfOrg(orgCode: string): OwnerLevel {
  if (/^\d{6}000000$/.test(orgCode)) return 'county';
  if (/^\d{9}000$/.test(orgCode)) return 'township';
  return 'village';
}

export function assetCode(year: number, projectId: number, n = 1): string {
  return `ZC${year}${String(projectId).padStart(6, '0')}${String(n).padStart(2, '0')}`;
}
