// 帮扶责任 (policy-rules §1.7, §1.8): what must be in place for a household by a given day.
// Pure rules, evaluated as of a date. The database computes the same rules set-based for the
// obligations board (server/modules/assistance/obligations.repository.ts); these functions are the reference and the
// explanation on the household page, and the table tests pin their day boundaries.
//
// "N months after D" is the same day of the month N months later, clamped to the month's last
// day (2025-01-31 + 1 month = 2025-02-28). An obligation is overdue ON that day: "识别后1个月及以上
// 未落实" — identified 2025-03-01, day 2025-03-31 is fine, 2025-04-01 is overdue.
// The registry keeps only the identification month (识别监测时间 YYYY-MM), so the identification
// day is taken as the 1st of that month (the earliest reading: no household is let off late).

import { IN_PLACE_STATUSES, isDevelopment, type MeasureStatus } from './categories.ts';

export type IsoDate = string;

export const OBLIGATION_CODES = [
  'noMeasure',
  'noDevelopmentMeasure',
  'riskWithoutMeasure',
  'continuesAfterElimination',
] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

export const OBLIGATION_LABELS: Record<ObligationCode, { zh: string; en: string; source: string }> = {
  noMeasure: {
    zh: '识别后1个月及以上未落实帮扶措施',
    en: 'No measure one month after identification',
    source: 'policy-rules §1.7 (Guizhou check rule)',
  },
  noDevelopmentMeasure: {
    zh: '有劳动力，识别6个月及以上未落实开发式帮扶措施',
    en: 'Labour-capable, no development measure six months after identification',
    source: 'policy-rules §1.7 rule 5_12_007',
  },
  riskWithoutMeasure: {
    zh: '风险1个月以上无对应帮扶措施',
    en: 'A risk without a measure for a month',
    source: 'policy-rules §1.7 [P]: per-risk reading of the one-month rule',
  },
  continuesAfterElimination: {
    zh: '风险消除后措施仍在继续',
    en: 'Measure continues after elimination',
    source: 'policy-rules §1.8 (loans to contract end, posts to agreement end, education aid to the stage end)',
  },
};

export interface ObligationParams {
  /** assistance.firstMeasureMonths (1). */
  firstMeasureMonths: number;
  /** assistance.developmentMeasureMonths (6). */
  developmentMeasureMonths: number;
  /** assistance.riskMeasureMonths (1). */
  riskMeasureMonths: number;
}

export interface ObligationMeasure {
  id: number;
  category: string;
  riskType: string;
  status: MeasureStatus;
  startOn: IsoDate;
  endOn: IsoDate | null;
  /** The sub-type may run past elimination to its own end (contract, agreement, school stage). */
  continuesAfterElimination: boolean;
}

export interface ObligationHousehold {
  monitoringStatus: 'none' | 'monitored' | 'eliminated';
  identificationPeriod: string | null;
  eliminationPeriod: string | null;
  /** At least one active member with labour ability (技能/普通/弱或半劳动力) and not 整户无劳动能力. */
  labourCapable: boolean;
  /** The household's risks with the day each began to count (identification, or a later clue). */
  risks: { riskType: string; since: IsoDate }[];
  measures: ObligationMeasure[];
}

export interface Obligation {
  code: ObligationCode;
  /** The day the obligation became overdue. */
  dueOn: IsoDate;
  riskType?: string;
  measureId?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`日期格式错误 / invalid date "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Same day of the month `months` later, clamped to that month's last day. */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The identification day read from 识别监测时间 (YYYY-MM): the 1st of that month. */
export const periodStart = (period: string): IsoDate => `${period}-01`;

/** Whether a measure counted as in place on a day: under way or done, and started by then. */
export function inPlace(m: Pick<ObligationMeasure, 'status' | 'startOn'>, asOf: IsoDate): boolean {
  return IN_PLACE_STATUSES.includes(m.status) && m.startOn <= asOf;
}

export function evaluateObligations(h: ObligationHousehold, p: ObligationParams, asOf: IsoDate): Obligation[] {
  const out: Obligation[] = [];
  if (h.monitoringStatus === 'monitored' && h.identificationPeriod) {
    const identified = periodStart(h.identificationPeriod);
    const placed = h.measures.filter((m) => inPlace(m, asOf));
    const first = addMonthsToDate(identified, p.firstMeasureMonths);
    if (asOf >= first && placed.length === 0) out.push({ code: 'noMeasure', dueOn: first });
    const dev = addMonthsToDate(identified, p.developmentMeasureMonths);
    if (h.labourCapable && asOf >= dev && !placed.some((m) => isDevelopment(m.category)))
      out.push({ code: 'noDevelopmentMeasure', dueOn: dev });
    for (const r of h.risks) {
      const since = r.since > identified ? r.since : identified;
      const due = addMonthsToDate(since, p.riskMeasureMonths);
      if (asOf >= due && !placed.some((m) => m.riskType === r.riskType))
        out.push({ code: 'riskWithoutMeasure', dueOn: due, riskType: r.riskType });
    }
  }
  if (h.monitoringStatus === 'eliminated' && h.eliminationPeriod) {
    // Past the elimination month, only measures of a kind that may run to their own end do so, up to that end.
    const due = addMonthsToDate(periodStart(h.eliminationPeriod), 1);
    if (asOf >= due) {
      for (const m of h.measures) {
        if (m.status !== 'ongoing' && m.status !== 'planned') continue;
        if (m.startOn > asOf) continue;
        const allowed = m.continuesAfterElimination && m.endOn !== null && asOf <= m.endOn;
        if (!allowed)
          out.push({
            code: 'continuesAfterElimination',
            dueOn: m.continuesAfterElimination && m.endOn && m.endOn >= due ? addDays(m.endOn, 1) : due,
            measureId: m.id,
          });
      }
    }
  }
  return out;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
