// 考核评估: a configurable scheme scores townships from indicator attainment and workflow figures.

import type { TargetStatus } from './model.ts';

export interface AssessmentItem {
  key: string;
  kind: 'indicator' | 'workflow';
  /** Indicator code, or a workflow figure: overdueCases | obligationsOpen. */
  ref: string;
  weight: number;
  labelZh: string;
}

export const WORKFLOW_FIGURES = {
  overdueCases: '识别认定超时限案件占比（越低越好）',
  obligationsOpen: '帮扶责任未落实户占监测户比例（越低越好）',
} as const;

export const DEFAULT_ASSESSMENT: AssessmentItem[] = [
  { key: 'consolidation', kind: 'indicator', ref: 'CONSOLIDATION_RATE', weight: 25, labelZh: '脱贫人口巩固率' },
  { key: 'water', kind: 'indicator', ref: 'WATER_CENTRAL_RATE', weight: 10, labelZh: '农村集中供水率' },
  { key: 'tap', kind: 'indicator', ref: 'TAP_WATER_RATE', weight: 10, labelZh: '自来水普及率' },
  { key: 'toilet', kind: 'indicator', ref: 'SANITARY_TOILET_RATE', weight: 10, labelZh: '卫生厕所普及率' },
  { key: 'garbage', kind: 'indicator', ref: 'GARBAGE_COVERAGE_RATE', weight: 10, labelZh: '垃圾收运覆盖自然村比例' },
  { key: 'net4g', kind: 'indicator', ref: 'VILLAGE_4G_SHARE', weight: 5, labelZh: '行政村4G覆盖' },
  { key: 'overdue', kind: 'workflow', ref: 'overdueCases', weight: 15, labelZh: '识别认定按时办结' },
  { key: 'obligations', kind: 'workflow', ref: 'obligationsOpen', weight: 15, labelZh: '帮扶责任落实' },
];

/** Share of the weight earned per attainment status (at risk earns 60 %). */
export const STATUS_CREDIT: Record<TargetStatus, number | null> = {
  met: 1,
  atRisk: 0.6,
  notMet: 0,
  noData: null,
  noTarget: null,
};

/** A "lower is better" share (0..1) earns the weight times (1 − share); no base → no data. */
export function creditForShare(part: number, whole: number): number | null {
  if (whole <= 0) return part > 0 ? 0 : null;
  return Math.max(0, 1 - part / whole);
}

/**
 * Points per item and the total on a 100-point scale: items without data are left out and the remaining
 * weights are scaled up, so a township is not punished for a figure nobody collected.
 */
export function scoreTownship(items: readonly AssessmentItem[], credit: (item: AssessmentItem) => number | null) {
  const points: Record<string, number | null> = {};
  let earned = 0;
  let weights = 0;
  for (const it of items) {
    const c = credit(it);
    points[it.key] = c === null ? null : Math.round(it.weight * c * 10) / 10;
    if (c !== null) {
      earned += it.weight * c;
      weights += it.weight;
    }
  }
  const total = weights === 0 ? 0 : Math.round((earned / weights) * 1000) / 10;
  return { points, total, grade: gradeOf(total, weights) };
}

export function gradeOf(total: number, weights = 1): string {
  if (weights === 0) return '无数据';
  return total >= 90 ? '好' : total >= 80 ? '较好' : total >= 60 ? '一般' : '较差';
}
