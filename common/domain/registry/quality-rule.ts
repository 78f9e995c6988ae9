// The shape of a data-quality rule and the policy numbers rules read. Quality findings
// are warnings about plausibility, never a reason to refuse a save (that is
// validation.ts); `severity: 'error'` marks what the national checker itself calls an
// error, so county staff fix those first.

import { ageOn } from '../id-card.ts';
import type { IsoDate, Period } from '../period.ts';
import type { Household, Member } from './household.ts';
import { linePerCapita as perCapitaForLine } from '../monitoring/income-line.ts';
import { netIncome } from './income.ts';
import { deriveFromIdNumber } from './validation.ts';

/**
 * Thresholds of the rules. They are policy numbers (architecture rule 8): stored later
 * in the policy-parameter table per province/year; these defaults come from the rules
 * quoted in policy-rules.md (§1.7, §1.8, §3.4, §3.6).
 */
export interface QualityParams {
  /** 5_12_008: working age is from this age (inclusive)… */
  labourAgeFrom: number;
  /** …to this age (exclusive): "16 ≤ age < 60". */
  labourAgeTo: number;
  /** 缺劳动力 risk is implausible when full labourers exceed this share of the household (1/4). */
  lackOfLabourMaxShare: number;
  /** 5_12_004: nobody younger than this holds a 公益岗位. */
  publicWelfarePostMinAge: number;
  /** 5_15_023: a yearly wage income above 0 but below this (fen) is implausible (100 yuan). */
  implausibleWageBelowFen: number;
  /** 1111_18: per-capita net income above this (fen) is implausible for a new monitored household (20,000 yuan)… */
  highPerCapitaFen: number;
  /** …identified in or after this month ("2023年以来识别"). */
  highPerCapitaIdentifiedFrom: Period;
  /** Guizhou rule: no assistance measure this many months after identification is an error. */
  measureDueMonths: number;
  /** 5_12_007: no 开发式 measure this many months after identification, with labour, is an error. */
  developmentMeasureDueMonths: number;
  /** 2_11_002: fewer months than this from identification to elimination is an error… */
  minMonthsBeforeElimination: number;
  /** …for eliminations in or after this month ("2022年4月份以后消除风险")… */
  minMonthsRuleFrom: Period;
  /** …and, where local practice wants it, for 自然消除 too (§1.8 keeps this configurable). */
  minMonthsAppliesToNatural: boolean;
  /** 1_11_005: compulsory-school age (义务教育阶段适龄) from this age (inclusive)… */
  compulsorySchoolAgeFrom: number;
  /** …to this age (exclusive). */
  compulsorySchoolAgeTo: number;
}

export const DEFAULT_QUALITY_PARAMS: Readonly<QualityParams> = Object.freeze({
  labourAgeFrom: 16,
  labourAgeTo: 60,
  lackOfLabourMaxShare: 1 / 4,
  publicWelfarePostMinAge: 16,
  implausibleWageBelowFen: 10_000,
  highPerCapitaFen: 2_000_000,
  highPerCapitaIdentifiedFrom: '2023-01',
  measureDueMonths: 1,
  developmentMeasureDueMonths: 6,
  minMonthsBeforeElimination: 6,
  minMonthsRuleFrom: '2022-04',
  minMonthsAppliesToNatural: false,
  compulsorySchoolAgeFrom: 6,
  compulsorySchoolAgeTo: 16,
});

/** Facts from the assistance module; rules that need them are skipped when absent. */
export interface AssistanceSummary {
  /** Measures in place (under way or done, started by today), as the obligations board counts them. */
  measureCount: number;
  /** 开发式: 产业, 就业, 金融 or 公益岗位 measures (5_12_007). */
  developmentMeasureCount: number;
  /**
   * 监测联系人 (1_11_011): the active 结对帮扶 cadre and whether a phone is recorded for him; null when unpaired.
   * Optional so callers that only count measures need not supply it; the rule skips without it.
   */
  contact?: { name: string; hasPhone: boolean } | null;
}

export interface QualityContext {
  today: IsoDate;
  params: QualityParams;
  /** Per-capita monitoring line (fen) for the household's income year and province; line rules skip without it. */
  incomeLineFen?: number;
  /** The per-capita figure compared with the line (a policy choice, §3.4); default 'net'. */
  incomeFigure?: 'net' | 'adjusted';
  assistance?: AssistanceSummary;
}

export type Severity = 'warning' | 'error';
export type Evidence = Record<string, string | number | boolean | null>;

export interface QualityFinding {
  rule: string;
  nationalRef: string | null;
  severity: Severity;
  /** Path of the offending field, e.g. `members[2].labourSkill` or `income.wageIncome`. */
  field: string;
  memberIndex: number | null;
  messageZh: string;
  messageEn: string;
  /** The values and the thresholds in force, so a finding can be explained later. */
  evidence: Evidence;
}

export type RuleFinding = Omit<QualityFinding, 'rule' | 'nationalRef' | 'severity'>;

export interface QualityRule {
  code: string;
  /** Rule number in the national checker (policy-rules cites them), or null for a local rule. */
  nationalRef: string | null;
  nameZh: string;
  nameEn: string;
  severity: Severity;
  check(household: Household, members: readonly Member[], ctx: QualityContext): QualityFinding[];
}

type Detect = (household: Household, members: readonly Member[], ctx: QualityContext) => RuleFinding[];

/** Rules describe what they detect; the rule's identity is stamped on every finding here. */
export function defineRule(meta: Omit<QualityRule, 'check'>, detect: Detect): QualityRule {
  return {
    ...meta,
    check: (household, members, ctx) =>
      detect(household, members, ctx).map((f) => ({
        rule: meta.code,
        nationalRef: meta.nationalRef,
        severity: meta.severity,
        ...f,
      })),
  };
}

export function memberFinding(
  index: number,
  field: string,
  messageZh: string,
  messageEn: string,
  evidence: Evidence,
): RuleFinding {
  return {
    field: `members[${index}].${field}`,
    memberIndex: index,
    messageZh: `第${index + 1}名成员：${messageZh}`,
    messageEn: `Member ${index + 1}: ${messageEn}`,
    evidence,
  };
}

export function householdFinding(field: string, messageZh: string, messageEn: string, evidence: Evidence): RuleFinding {
  return { field, memberIndex: null, messageZh, messageEn, evidence };
}

/** Age on `today`, or null when the ID gives no birth date (validation reports that). */
export function ageOf(member: Member, today: IsoDate): number | null {
  const facts = deriveFromIdNumber(member.idNumber, today);
  return facts.ok ? ageOn(facts.birthDate, today) : null;
}

/** Monitored and not yet eliminated: the households the assistance rules are about. */
export function isOpenMonitored(household: Household): boolean {
  return household.monitoringType !== null && household.elimination === null;
}

/**
 * The per-capita figure compared with the monitoring line, or null without income: the one definition
 * of common/domain/monitoring/income-line.ts (members as the household size).
 */
export function linePerCapita(household: Household, members: readonly Member[], ctx: QualityContext): number | null {
  if (household.income === null || members.length === 0) return null;
  const i = household.income;
  return perCapitaForLine(
    {
      year: i.year,
      netIncome: netIncome(i),
      insurancePayout: i.insurancePayout,
      eligibleOutOfPocket: i.eligibleOutOfPocket,
      householdSize: members.length,
    },
    ctx.incomeFigure ?? 'net',
  );
}

export function hasWorkRecord(member: Member): boolean {
  return (member.workMonths ?? 0) > 0 || (member.workPlace ?? '').trim() !== '';
}
