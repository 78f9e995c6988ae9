// Data-quality rules about a monitored household's record over time: completeness,
// assistance deadlines (§1.7), elimination (§1.8) and type versus income (§1.2).
// "Within the monitoring range" is taken as per-capita income ≤ line; the figure
// compared (net or adjusted) comes from the context, as §3.4 leaves it open.

import { isPeriod, monthsBetween, periodOf, type Period } from '../period.ts';
import { LABOUR_CAPABLE_SKILLS } from './codes.ts';
import type { BasicNeedsStatus } from './household.ts';
import {
  defineRule,
  householdFinding,
  isOpenMonitored,
  linePerCapita,
  type QualityRule,
  type RuleFinding,
} from './quality-rule.ts';
import { withinRange } from '../monitoring/income-line.ts';

const BASIC_NEEDS_LABELS: Record<keyof BasicNeedsStatus, [string, string]> = {
  schoolDropout: ['义务教育阶段失学辍学情况', 'school dropout status'],
  housingUnsafe: ['住房安全情况', 'housing safety status'],
  waterUnsafe: ['饮水安全情况', 'drinking water status'],
  medicalUninsured: ['基本医疗保险参保情况', 'medical insurance status'],
};

/** Months from one `YYYY-MM` to another, or null when either is missing or malformed. */
function monthsFrom(from: Period | null, to: Period): number | null {
  return from !== null && isPeriod(from) && isPeriod(to) ? monthsBetween(from, to) : null;
}

export const monitoredIncomplete = defineRule(
  {
    code: 'MONITORED_INCOMPLETE',
    nationalRef: null,
    nameZh: '监测对象缺少识别时间、风险类型、收入或三保障饮水信息',
    nameEn: 'Monitored household lacks identification month, risk type, income or basic-needs status',
    severity: 'warning',
  },
  (h) => {
    if (h.monitoringType === null) return [];
    const findings: RuleFinding[] = [];
    const missing = (field: string, zh: string, en: string) =>
      findings.push(
        householdFinding(field, `监测对象缺少${zh}`, `monitored household lacks ${en}`, {
          monitoringType: h.monitoringType,
        }),
      );
    if (h.identificationPeriod === null) missing('identificationPeriod', '识别监测时间', 'its identification month');
    if (h.riskTypes.length === 0) missing('riskTypes', '致贫/返贫风险类型', 'a risk type');
    if (h.income === null) missing('income', '收入信息', 'income figures');
    for (const key of Object.keys(BASIC_NEEDS_LABELS) as (keyof BasicNeedsStatus)[]) {
      if (h.basicNeeds[key] === null)
        missing(`basicNeeds.${key}`, BASIC_NEEDS_LABELS[key][0], BASIC_NEEDS_LABELS[key][1]);
    }
    return findings;
  },
);

export const noMeasureAfterIdentification = defineRule(
  {
    code: 'NO_MEASURE_AFTER_IDENTIFICATION',
    nationalRef: null,
    nameZh: '监测对象识别后1个月及以上未落实帮扶措施',
    nameEn: 'No assistance measure a month or more after identification',
    severity: 'error',
  },
  (h, _members, { today, params, assistance }) => {
    const months = monthsFrom(h.identificationPeriod, periodOf(today));
    if (!assistance || !isOpenMonitored(h) || months === null) return [];
    if (months < params.measureDueMonths || assistance.measureCount > 0) return [];
    return [
      householdFinding(
        'measures',
        `识别已${months}个月，尚未落实帮扶措施`,
        `identified ${months} months ago with no assistance measure`,
        { monthsSinceIdentification: months, measureDueMonths: params.measureDueMonths },
      ),
    ];
  },
);

export const noDevelopmentMeasure = defineRule(
  {
    code: 'NO_DEVELOPMENT_MEASURE',
    nationalRef: '5_12_007',
    nameZh: '有劳动力的监测对象识别6个月及以上未落实开发式帮扶措施',
    nameEn: 'Household with labour has no development measure six months after identification',
    severity: 'error',
  },
  (h, members, { today, params, assistance }) => {
    const months = monthsFrom(h.identificationPeriod, periodOf(today));
    if (!assistance || !isOpenMonitored(h) || months === null) return [];
    const hasLabour = members.some((m) => LABOUR_CAPABLE_SKILLS.includes(m.labourSkill));
    if (!hasLabour || months < params.developmentMeasureDueMonths || assistance.developmentMeasureCount > 0) return [];
    return [
      householdFinding(
        'measures',
        `有劳动力，识别已${months}个月，未落实产业、就业、金融或公益岗位帮扶`,
        `has labour, identified ${months} months ago, and no development measure`,
        {
          monthsSinceIdentification: months,
          developmentMeasureDueMonths: params.developmentMeasureDueMonths,
        },
      ),
    ];
  },
);

export const eliminatedTooSoon = defineRule(
  {
    code: 'ELIMINATED_TOO_SOON',
    nationalRef: '2_11_002',
    nameZh: '从识别到风险消除时间低于6个月',
    nameEn: 'Risk eliminated less than six months after identification',
    severity: 'error',
  },
  (h, _members, { params }) => {
    const elimination = h.elimination;
    if (elimination === null || elimination.period < params.minMonthsRuleFrom) return [];
    if (elimination.mode === 'naturalElimination' && !params.minMonthsAppliesToNatural) return [];
    const months = monthsFrom(h.identificationPeriod, elimination.period);
    if (months === null || months >= params.minMonthsBeforeElimination) return [];
    return [
      householdFinding(
        'elimination.period',
        `识别后${months}个月即消除风险`,
        `risk eliminated ${months} months after identification`,
        {
          months,
          mode: elimination.mode,
          minMonthsBeforeElimination: params.minMonthsBeforeElimination,
        },
      ),
    ];
  },
);

export const eliminatedBelowLine = defineRule(
  {
    code: 'ELIMINATED_BELOW_LINE',
    nationalRef: '4_11_010',
    nameZh: '帮扶消除风险时人均纯收入未超过当年监测范围',
    nameEn: 'Assisted elimination with per-capita income still within the monitoring range',
    severity: 'error',
  },
  (h, members, ctx) => {
    const perCapita = linePerCapita(h, members, ctx);
    const line = ctx.incomeLineFen;
    if (
      h.elimination?.mode !== 'assistedElimination' ||
      line === undefined ||
      perCapita === null ||
      !withinRange(perCapita, line)
    )
      return [];
    return [
      householdFinding(
        'income',
        '帮扶消除时人均纯收入未超过监测范围',
        'per-capita income is still within the monitoring range at assisted elimination',
        { perCapita, incomeLineFen: line },
      ),
    ];
  },
);

export const monitoringTypeIncomeMismatch = defineRule(
  {
    code: 'MONITORING_TYPE_INCOME_MISMATCH',
    nationalRef: null,
    nameZh: '监测对象类别与人均收入和监测范围不符',
    nameEn: 'Monitoring type disagrees with per-capita income versus the line',
    severity: 'warning',
  },
  (h, members, ctx) => {
    const perCapita = linePerCapita(h, members, ctx);
    const line = ctx.incomeLineFen;
    if (!isOpenMonitored(h) || line === undefined || perCapita === null) return [];
    const within = withinRange(perCapita, line);
    // §1.2: unstable and edge households are within the range; sudden-hardship ones above it.
    const expectsWithin = h.monitoringType !== 'suddenHardship';
    if (within === expectsWithin) return [];
    return [
      householdFinding(
        'monitoringType',
        expectsWithin
          ? '脱贫不稳定户/边缘易致贫户的人均收入高于监测范围'
          : '突发严重困难户的人均收入在监测范围内，应为脱贫不稳定户或边缘易致贫户',
        expectsWithin
          ? 'per-capita income is above the line for an unstable or edge household'
          : 'per-capita income is within the line for a sudden-hardship household',
        { monitoringType: h.monitoringType, perCapita, incomeLineFen: line },
      ),
    ];
  },
);

export const MONITORING_RULES: readonly QualityRule[] = [
  monitoredIncomplete,
  noMeasureAfterIdentification,
  noDevelopmentMeasure,
  eliminatedTooSoon,
  eliminatedBelowLine,
  monitoringTypeIncomeMismatch,
];
