// Months and calendar dates as plain strings: a monitoring period is `YYYY-MM`, a day
// is ISO `YYYY-MM-DD`. Strings survive JSON, SQL and spreadsheets unchanged, and
// sort correctly as text; arithmetic goes through UTC day numbers so that no local
// time zone or daylight-saving shift can move a date.

/** `YYYY-MM`, e.g. the month a monitoring run covers or 识别监测时间. */
export type Period = string;
/** `YYYY-MM-DD`. */
export type IsoDate = string;

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const COMPACT_PATTERN = /^(\d{4})(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

function periodError(value: string, expected: string): RangeError {
  return new RangeError(`月份格式错误："${value}"，应为 ${expected} / Invalid month "${value}", expected ${expected}`);
}

export function parsePeriod(value: string): { year: number; month: number } {
  const match = PERIOD_PATTERN.exec(value.trim());
  if (!match) throw periodError(value, 'YYYY-MM');
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function toPeriod(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The national export writes months as `YYYYMM` (识别监测时间); we store `YYYY-MM`. */
export function compactToPeriod(compact: string): Period {
  const match = COMPACT_PATTERN.exec(compact.trim());
  if (!match) throw periodError(compact, 'YYYYMM');
  return `${match[1]}-${match[2]}`;
}

export function periodToCompact(period: Period): string {
  const { year, month } = parsePeriod(period);
  return toPeriod(year, month).replace('-', '');
}

/** Months counted from year 0, so that month arithmetic is plain integer arithmetic. */
function monthIndex(period: Period): number {
  const { year, month } = parsePeriod(period);
  return year * 12 + (month - 1);
}

export function addMonths(period: Period, months: number): Period {
  const index = monthIndex(period) + months;
  return toPeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** Signed number of months from `from` to `to` (2023-01 → 2023-07 is 6). */
export function monthsBetween(from: Period, to: Period): number {
  return monthIndex(to) - monthIndex(from);
}

export function periodOf(date: IsoDate): Period {
  parseIsoDate(date);
  return date.slice(0, 7);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function firstDayOf(period: Period): IsoDate {
  const { year, month } = parsePeriod(period);
  return `${toPeriod(year, month)}-01`;
}

export function lastDayOf(period: Period): IsoDate {
  const { year, month } = parsePeriod(period);
  return `${toPeriod(year, month)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) {
    throw new RangeError(`日期格式错误："${date}"，应为 YYYY-MM-DD / Invalid date "${date}", expected YYYY-MM-DD`);
  }
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const utc = new Date(0);
  // setUTCFullYear keeps years 0–99 literal (Date.UTC would map them to 1900–1999).
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

/** Signed calendar days from `from` to `to`; crossing month and year ends is just counting. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const utc = new Date((dayNumber(date) + days) * MS_PER_DAY);
  const year = String(utc.getUTCFullYear()).padStart(4, '0');
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utc.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
