import type { FundSource } from '../projects/types.ts';
import { atLeast, atMost, moreThan, plus, shareForDisplay, times, toFraction, type Fraction } from './fraction.ts';

// The live fund-rule checks (policy-rules §6, seed §三(五)), all in integer fen with exact comparisons:
//  - industry share: funds assigned to 产业发展 projects ≥ funds.industryShare of the year's allocations (yearly:
//    50 % in 2021, 60 % from 2023), and not below the share of funds.industryShareNotBelowYear (2020) when that year
//    has allocations ("且不得低于2020年用于产业发展的资金占比"); `industryShareMinimum` is the one rule for both;
//  - 以工代赈 labour: labour remuneration paid (劳务报酬发放, disbursements marked labour) on work-for-relief projects
//    ≥ funds.workForReliefLabourShare of the fiscal funds assigned to them;
//  - project management fee: per source, fee projects' assignments ≤ the source's cap × its allocation.
// Status: notMet below the line; atRisk when met but within the band (minimums: less than
// funds.atRiskMargin above the line; caps: at or above funds.capAtRiskRatio of the cap); met otherwise;
// noData when there is nothing to measure.

export type CheckStatus = 'met' | 'atRisk' | 'notMet' | 'noData';

export interface MinimumShareInput {
  partFen: number;
  wholeFen: number;
  minShare: number | Fraction;
  /** Percentage-point margin above the line under which the check is "at risk". */
  margin: number;
}

export function minimumShareStatus({ partFen, wholeFen, minShare, margin }: MinimumShareInput): CheckStatus {
  if (wholeFen <= 0) return 'noData';
  const min = typeof minShare === 'number' ? toFraction(minShare) : minShare;
  if (!atLeast(partFen, wholeFen, min)) return 'notMet';
  if (margin > 0 && !atLeast(partFen, wholeFen, plus(min, toFraction(margin)))) return 'atRisk';
  return 'met';
}

export interface CapInput {
  usedFen: number;
  baseFen: number;
  cap: number;
  /** Share of the cap from which the check is "at risk" (0.9: at 90 % of the cap). */
  atRiskRatio: number;
}

export function capStatus({ usedFen, baseFen, cap, atRiskRatio }: CapInput): CheckStatus {
  if (baseFen <= 0) return usedFen > 0 ? 'notMet' : 'noData';
  const c = toFraction(cap);
  if (!atMost(usedFen, baseFen, c)) return 'notMet';
  if (usedFen > 0 && atLeast(usedFen, baseFen, times(c, toFraction(atRiskRatio)))) return 'atRisk';
  return 'met';
}

const ORDER: Record<CheckStatus, number> = { notMet: 3, atRisk: 2, met: 1, noData: 0 };
export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((w, s) => (ORDER[s] > ORDER[w] ? s : w), 'noData');
}

/** What the county's year looks like, summed by the repository. */
export interface FundYearFigures {
  allocatedBySource: Record<FundSource, number>;
  industryAssignedFen: number;
  workForReliefAssignedFen: number;
  /** Labour remuneration paid (disbursements marked labour) on work-for-relief projects. */
  workForReliefLabourFen: number;
  /** Labour remuneration planned on those projects (shown beside the paid amount). */
  workForReliefLabourPlannedFen?: number;
  managementFeeBySource: Record<FundSource, number>;
  /** The industry share of the base year (funds.industryShareNotBelowYear), when that year has allocations. */
  industryBase?: IndustryBase | null;
}

export interface IndustryBase {
  year: number;
  partFen: number;
  wholeFen: number;
}

export interface IndustryMinimum {
  /** Exact minimum share. */
  min: Fraction;
  /** The same as a number (the cockpit compares its percentage with it). */
  value: number;
  /** The minimum is the base year's share (higher than the parameter). */
  fromBase: boolean;
}

/** The year's minimum industry share: the yearly parameter, raised to the base year's share when that is higher. */
export function industryShareMinimum(paramShare: number, base: IndustryBase | null | undefined): IndustryMinimum {
  const param = toFraction(paramShare);
  if (!base || base.wholeFen <= 0 || !moreThan(base.partFen, base.wholeFen, param))
    return { min: param, value: paramShare, fromBase: false };
  return {
    min: { num: BigInt(base.partFen), den: BigInt(base.wholeFen) },
    value: base.partFen / base.wholeFen,
    fromBase: true,
  };
}

export interface FundParams {
  industryShare: number;
  workForReliefLabourShare: number;
  managementFeeCap: Record<FundSource, number>;
  atRiskMargin: number;
  capAtRiskRatio: number;
}

export interface FundCheck {
  key: 'industryShare' | 'workForReliefLabour' | 'managementFee';
  labelZh: string;
  labelEn: string;
  status: CheckStatus;
  partFen: number;
  wholeFen: number;
  /** part / whole rounded to basis points, for display (a cap: the share of the cap used). */
  share: number | null;
  /** The minimum share, or 1 for a cap (whole = the cap in fen). */
  threshold: number;
  /** 'min' (at least) or 'max' (at most). */
  kind: 'min' | 'max';
  detailZh: string;
}

const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);

export function fundChecksOf(f: FundYearFigures, p: FundParams): FundCheck[] {
  const total = Object.values(f.allocatedBySource).reduce((a, b) => a + b, 0);
  const industryShare = shareForDisplay(f.industryAssignedFen, total);
  const industryMin = industryShareMinimum(p.industryShare, f.industryBase);
  const baseText =
    f.industryBase && f.industryBase.wholeFen > 0
      ? `；${f.industryBase.year}年占比 ${pct(shareForDisplay(f.industryBase.partFen, f.industryBase.wholeFen))}${industryMin.fromBase ? '，高于年度比例，按其要求' : ''}`
      : '';
  const planned = f.workForReliefLabourPlannedFen;
  const labourShare = shareForDisplay(f.workForReliefLabourFen, f.workForReliefAssignedFen);
  const feeUsed = Object.values(f.managementFeeBySource).reduce((a, b) => a + b, 0);
  const sources = Object.keys(f.allocatedBySource) as FundSource[];
  const feeStatuses = sources.map((s) =>
    capStatus({
      usedFen: f.managementFeeBySource[s],
      baseFen: f.allocatedBySource[s],
      cap: p.managementFeeCap[s],
      atRiskRatio: p.capAtRiskRatio,
    }),
  );
  const feeCapFen = sources.reduce((sum, s) => sum + Math.floor(f.allocatedBySource[s] * p.managementFeeCap[s]), 0);
  return [
    {
      key: 'industryShare',
      labelZh: '产业发展资金占比',
      labelEn: 'Industry share',
      status: minimumShareStatus({
        partFen: f.industryAssignedFen,
        wholeFen: total,
        minShare: industryMin.min,
        margin: p.atRiskMargin,
      }),
      partFen: f.industryAssignedFen,
      wholeFen: total,
      share: industryShare,
      threshold: industryMin.value,
      kind: 'min',
      detailZh: `产业发展项目安排 ${yuan(f.industryAssignedFen)} 元 / 下达资金 ${yuan(total)} 元 = ${pct(industryShare)}，要求不低于 ${pct(industryMin.value)}（年度比例 ${pct(p.industryShare)}${baseText}）`,
    },
    {
      key: 'workForReliefLabour',
      labelZh: '以工代赈劳务报酬占比',
      labelEn: 'Work-for-relief labour share',
      status: minimumShareStatus({
        partFen: f.workForReliefLabourFen,
        wholeFen: f.workForReliefAssignedFen,
        minShare: p.workForReliefLabourShare,
        margin: p.atRiskMargin,
      }),
      partFen: f.workForReliefLabourFen,
      wholeFen: f.workForReliefAssignedFen,
      share: labourShare,
      threshold: p.workForReliefLabourShare,
      kind: 'min',
      detailZh: `已发放劳务报酬 ${yuan(f.workForReliefLabourFen)} 元${planned === undefined ? '' : `（计划 ${yuan(planned)} 元）`} / 以工代赈项目财政资金 ${yuan(f.workForReliefAssignedFen)} 元 = ${pct(labourShare)}，要求不低于 ${pct(p.workForReliefLabourShare)}`,
    },
    {
      key: 'managementFee',
      labelZh: '项目管理费上限',
      labelEn: 'Project management fee cap',
      status: worst(feeStatuses),
      partFen: feeUsed,
      wholeFen: feeCapFen,
      // Share of the cap used (the cap itself is the sum of each source's cap).
      share: shareForDisplay(feeUsed, feeCapFen),
      threshold: 1,
      kind: 'max',
      detailZh: `项目管理费 ${yuan(feeUsed)} 元，上限合计 ${yuan(feeCapFen)} 元（中央 ${pct(p.managementFeeCap.central)}、省级 ${pct(p.managementFeeCap.provincial)}、市县 ${pct(p.managementFeeCap.city)}）`,
    },
  ];
}
