// Indicator metadata: data elements, data sets, indicators, validation rules, targets (pure types and rules).

import type { OrgLevel } from '../roles.ts';

export const AGGREGATION_TYPES = ['SUM', 'AVERAGE', 'LAST'] as const;
export type AggregationType = (typeof AGGREGATION_TYPES)[number];
export const PERIOD_TYPES = ['monthly', 'yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];
export const INDICATOR_MODES = ['ratio', 'shareMeeting', 'last'] as const;
export type IndicatorMode = (typeof INDICATOR_MODES)[number];
export const TARGET_OPERATORS = ['>=', '<=', '=', '>', 'between'] as const;
export type TargetOperator = (typeof TARGET_OPERATORS)[number];
/** constant: the value applies in every year; linear: an end state reached by the last year (yearly path, path.ts). */
export const TARGET_PATHS = ['constant', 'linear'] as const;
export type TargetPath = (typeof TARGET_PATHS)[number];
/** noTarget: a value with no target to compare with (shown as 未设目标, never as 无数据). */
export const TARGET_STATUSES = ['met', 'atRisk', 'notMet', 'noData', 'noTarget'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Org groups (DHIS2 group sets): orthogonal classifications usable as target scopes and filters. */
export const ORG_GROUPS = [
  { code: 'ALLEVIATED_VILLAGE', zh: '脱贫村', en: 'Formerly poor village' },
  // 重点帮扶村 and 示范村 (沁发〔2021〕17号 §二(二)2): the villages the county's decision in force names (key-villages).
  { code: 'KEY_VILLAGE', zh: '重点帮扶村', en: 'Key assisted village' },
  { code: 'DEMO_VILLAGE', zh: '示范村', en: 'Demonstration village' },
  // 重点行政村 of the 5G target (§三(四) 四是 "重点行政村5G网络覆盖"): a different list from the 重点帮扶村, kept apart.
  { code: 'KEY_ADMIN_VILLAGE', zh: '重点行政村', en: 'Key administrative village (5G)' },
] as const;
export type OrgGroupCode = (typeof ORG_GROUPS)[number]['code'];

export interface DataElementDef {
  code: string;
  nameZh: string;
  nameEn: string;
  valueType: 'number' | 'integer' | 'boolean' | 'percent';
  aggregation: AggregationType;
  /** The level values are entered at (village values roll up; township/county values are entered there). */
  entryLevel: OrgLevel;
  /** Values come from the system's own tables (registry, funds), never typed in. */
  computed?: string;
  unitZh?: string;
}

export interface DataSetDef {
  code: string;
  nameZh: string;
  nameEn: string;
  periodType: PeriodType;
  entryLevel: OrgLevel;
  elements: string[];
  /** Days after the end of a period during which entry stays open (null: always open). */
  openDays: number | null;
}

export interface IndicatorDef {
  code: string;
  nameZh: string;
  nameEn: string;
  mode: IndicatorMode;
  numerator: string;
  /** null: the numerator alone (counts, last values). */
  denominator: string | null;
  factor: number;
  unitZh: string;
  decimals: number;
  periodType: PeriodType;
  /** shareMeeting: the level whose units are tested, and the test applied to each unit's value. */
  unitLevel?: OrgLevel | null;
  threshold?: { op: TargetOperator; value: number } | null;
  descriptionZh?: string;
}

export interface ValidationRuleDef {
  code: string;
  dataSet: string;
  nameZh: string;
  left: string;
  op: '<=' | '>=' | '=' | '<' | '>';
  right: string;
  importance: 'high' | 'medium' | 'low';
}

export type TargetScope =
  { kind: 'unit'; code: string } | { kind: 'level'; level: OrgLevel } | { kind: 'group'; group: string };

export interface TargetDef {
  indicator: string;
  scope: TargetScope;
  /** The years the target applies to (inclusive). */
  fromYear: number;
  toYear: number;
  op: TargetOperator;
  /** Absolute value (or the lower bound of between); with `baselineYear`, the required change. */
  value: number | null;
  upper?: number | null;
  /** Width of the at-risk band below (above for <=) the threshold, in the indicator's unit. */
  band: number;
  /** "提高5个百分点": the target is a change over the value of this year. */
  baselineYear?: number | null;
  /** "高于全市平均水平": compare against this expression instead of a number. */
  reference?: string | null;
  /** 'linear': an end state ("到2025年") — earlier years are judged on the path from the baseline (default 'constant'). */
  path?: TargetPath;
  /** The path's baseline year (default: `baselineYear`, else the parameter indicators.pathBaselineYear). */
  pathFromYear?: number | null;
  /** The path's baseline value (default: the unit's own value in the baseline year). */
  pathFromValue?: number | null;
  sourceDoc: string;
  /** The document's sentence, verbatim. */
  sourceText: string;
  /** Our reading of the sentence (kept outside the quote). */
  note?: string | null;
}

export const COMPARE: Record<ValidationRuleDef['op'], (a: number, b: number) => boolean> = {
  '<=': (a, b) => a <= b + 1e-9,
  '>=': (a, b) => a + 1e-9 >= b,
  '=': (a, b) => Math.abs(a - b) < 1e-9,
  '<': (a, b) => a < b - 1e-9,
  '>': (a, b) => a > b + 1e-9,
};
