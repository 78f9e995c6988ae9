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
}

export function dataWindow(period: Period, lookbackMonths: number): DataWindow {
  if (!Number.isInteger(lookbackMonths) || lookbackMonths < 1) throw new RangeError(`lookbackMonths must be a whole number ≥ 1, got ${lookbackMonths}`);
  const { year } = parsePeriod(period);
  return {
    period,
    lookbackMonths,
    from: firstDayOf(addMonths(period, -(lookbackMonths - 1))),
    to: lastDayOf(period),
    periodFrom: firstDayOf(period),
    incomeYear: year,
  };
}

export function previousPeriod(period: Period): Period {
  return addMonths(period, -1);
}

/** The month a monthly run covers when started on `today`: the month before. */
export function dueMonthlyPeriod(today: IsoDate): Period {
  return previousPeriod(today.slice(0, 7));
}
