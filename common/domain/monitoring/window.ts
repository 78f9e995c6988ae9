import { addMonths, firstDayOf, lastDayOf, parsePeriod, type IsoDate, type Period } from '../period.ts';

// The data a monthly run looks at. Department records count when they fall in the last
// `lookbackMonths` months up to the end of the period (the period's own month included);
// income is the latest year on record that is not after the period's year.

export interface DataWindow {
  period: Period;
  lookbackMonths: number;
  /** First day of the oldest month looked at. */
  from: IsoDate;
  /** Last day of the period. */
  to: IsoDate;
  /** First day of the period itself (monthly thresholds such as outpatient spending). */
  periodFrom: IsoDate;
  /** The latest income year considered. */
  incomeYear: number;
  /** 1 January of the period's year: spending "year to date" (累计, policy-rules §2) counts from here. */
  yearFrom: IsoDate;
}

export function dataWindow(period: Period, lookbackMonths: number): DataWindow {
  if (!Number.isInteger(lookbackMonths) || lookbackMonths < 1)
    throw new RangeError(`lookbackMonths must be a whole number ≥ 1, got ${lookbackMonths}`);
  const { year } = parsePeriod(period);
  return {
    period,
    lookbackMonths,
    from: firstDayOf(addMonths(period, -(lookbackMonths - 1))),
    to: lastDayOf(period),
    periodFrom: firstDayOf(period),
    incomeYear: year,
    yearFrom: `${String(year).padStart(4, '0')}-01-01`,
  };
}

/**
 * The first day of the school year (学年) the period falls in, school years starting on the 1st of
 * `startMonth` (education.schoolYearStartMonth, September): 2025-06 → 2024-09-01, 2025-09 → 2025-09-01.
 */
export function schoolYearFrom(period: Period, startMonth: number): IsoDate {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12)
    throw new RangeError(`startMonth must be 1–12, got ${startMonth}`);
  const { year, month } = parsePeriod(period);
  const y = month >= startMonth ? year : year - 1;
  return `${String(y).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
}

export function previousPeriod(period: Period): Period {
  return addMonths(period, -1);
}

/** The month a monthly run covers when started on `today`: the month before. */
export function dueMonthlyPeriod(today: IsoDate): Period {
  return previousPeriod(today.slice(0, 7));
}
