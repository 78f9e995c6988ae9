import type { FundSource } from '../projects/types.ts';
import { atLeast, atMost, plus, shareForDisplay, times, toFraction } from './fraction.ts';

// The live fund-rule checks (policy-rules §6, seed §三(五)), all in integer fen with exact comparisons:
//  - industry share: funds assigned to 产业发展 projects ≥ funds.industryShare of the year's allocations;
//  - 以工代赈 labour: planned labour remuneration of work-for-relief projects ≥ funds.workForReliefLabourShare
//    of the fiscal funds assigned to them;
//  - project management fee: per source, fee projects' assignments ≤ the source's cap × its allocation.
// Status: notMet below the line; atRisk when met but within the band (minimums: less than
// funds.atRiskMargin above the line; caps: at or above funds.capAtRiskRatio of the cap); met otherwise;
// noData when there is nothing to measure.

export type CheckStatus = 'met' | 'atRisk' | 'notMet' | 'noData';

export interface MinimumShareInput {
  partFen: number;
  wholeFen: number;
  minShare: number;
  /** Percentage-point margin above the line under which the check is "at risk". */
  margin: number;
}

export function minimumShareStatus({ partFen, wholeFen, minShare, margin }: MinimumShareInput): CheckStatus {
  if (wholeFen <= 0) return 'noData';
  const min = toFraction(minShare);
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
  workForReliefLabourFen: number;
  managementFeeBySource: Record<FundSource, number>;
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

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);

export function fundChecksOf(f: FundYearFigures, p: FundParams): FundCheck[] {
  const total = Object.values(f.allocatedBySource).reduce((a, b) => a + b, 0);
  const industryShare = shareForDisplay(f.industryAssignedFen, total);
  const labourShare = shareForDisplay(f.workForReliefLabourFen, f.workForReliefAssignedFen);
  const feeUsed = Object.values(f.managementFeeBySource).reduce((a, b) => a + b, 0);
  const sources = Object.keys(f.allocatedBySource) as FundSource[];
  const feeStatuses = sources.map((s) => capStatus({ usedFen: f.managementFeeBySource[s], baseFen: f.allocatedBySource[s], cap: p.managementFeeCap[s], atRiskRatio: p.capAtRiskRatio }));
  const feeCapFen = sources.reduce((sum, s) => sum + Math.floor(f.allocatedBySource[s] * p.managementFeeCap[s]), 0);
  return [
    {
      key: 'industryShare',
      labelZh: '产业发展资金占比',
      labelEn: 'Industry share',
      status: minimumShareStatus({ partFen: f.industryAssignedFen, wholeFen: total, minShare: p.industryShare, margin: p.atRiskMargin }),
      partFen: f.industryAssignedFen,
      wholeFen: total,
      share: industryShare,
      threshold: p.industryShare,
      kind: 'min',
      detailZh: `产业发展项目安排 ${yuan(f.industryAssignedFen)} 元 / 下达资金 ${yuan(total)} 元 = ${pct(industryShare)}，要求不低于 ${pct(p.industryShare)}`,
    },
    {
      key: 'workForReliefLabour',
      labelZh: '以工代赈劳务报酬占比',
      labelEn: 'Work-for-relief labour share',
      status: minimumShareStatus({ partFen: f.workForReliefLabourFen, wholeFen: f.workForReliefAssignedFen, minShare: p.workForReliefLabourShare, margin: p.atRiskMargin }),
      partFen: f.workForReliefLabourFen,
      wholeFen: f.workForReliefAssignedFen,
      share: labourShare,
      threshold: p.workForReliefLabourShare,
      kind: 'min',
      detailZh: `劳务报酬 ${yuan(f.workForReliefLabourFen)} 元 / 以工代赈项目财政资金 ${yuan(f.workForReliefAssignedFen)} 元 = ${pct(labourShare)}，要求不低于 ${pct(p.workForReliefLabourShare)}`,
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
