import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compactToPeriod,
  daysBetween,
  daysInMonth,
  firstDayOf,
  isIsoDate,
  isPeriod,
  lastDayOf,
  monthsBetween,
  parsePeriod,
  periodOf,
  periodToCompact,
} from './period.ts';

describe('period validation', () => {
  it.each([
    ['2023-05', true],
    ['2023-12', true],
    ['2023-01', true],
    ['2023-00', false],
    ['2023-13', false],
    ['2023-5', false],
    ['202305', false],
    ['2023/05', false],
    [' 2023-05', false],
  ])('isPeriod(%j) = %s', (value, expected) => {
    expect(isPeriod(value)).toBe(expected);
  });

  it('parses a period into year and month', () => {
    expect(parsePeriod('2021-02')).toEqual({ year: 2021, month: 2 });
    expect(parsePeriod(' 2021-02 ')).toEqual({ year: 2021, month: 2 });
  });

  it('rejects a bad period with a bilingual message', () => {
    expect(() => parsePeriod('2021-13')).toThrow(/月份格式.*YYYY-MM/s);
  });
});

describe('compact periods (识别监测时间 is written YYYYMM)', () => {
  it.each([
    ['202305', '2023-05'],
    ['202112', '2021-12'],
    [' 202001 ', '2020-01'],
  ])('compactToPeriod(%j) = %s', (compact, period) => {
    expect(compactToPeriod(compact)).toBe(period);
  });

  it.each(['202313', '202300', '20235', '2023-05', '', 'abcdef'])('rejects %j', (bad) => {
    expect(() => compactToPeriod(bad)).toThrow(RangeError);
  });

  it('writes a period back as YYYYMM', () => {
    expect(periodToCompact('2023-05')).toBe('202305');
  });
});

describe('month arithmetic', () => {
  it.each([
    ['2023-05', 1, '2023-06'],
    ['2023-12', 1, '2024-01'],
    ['2023-01', -1, '2022-12'],
    ['2023-05', 0, '2023-05'],
    ['2023-05', 19, '2024-12'],
    ['2023-05', -17, '2021-12'],
  ] as const)('addMonths(%s, %i) = %s', (period, n, expected) => {
    expect(addMonths(period, n)).toBe(expected);
  });

  it.each([
    ['2023-01', '2023-07', 6],
    ['2022-04', '2022-09', 5],
    ['2021-11', '2022-02', 3],
    ['2023-07', '2023-01', -6],
    ['2023-07', '2023-07', 0],
  ] as const)('monthsBetween(%s, %s) = %i', (a, b, expected) => {
    expect(monthsBetween(a, b)).toBe(expected);
  });

  it('takes the period of a date', () => {
    expect(periodOf('2024-02-29')).toBe('2024-02');
  });

  it('gives the first and last day of a month, leap years included', () => {
    expect(firstDayOf('2024-02')).toBe('2024-02-01');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2023-02')).toBe('2023-02-28');
    expect(lastDayOf('1900-02')).toBe('1900-02-28');
    expect(lastDayOf('2000-02')).toBe('2000-02-29');
    expect(lastDayOf('2023-04')).toBe('2023-04-30');
    expect(daysInMonth(2023, 12)).toBe(31);
  });
});

describe('ISO dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-1-31', false],
    ['2023-00-10', false],
    ['1899-12-31', true],
  ])('isIsoDate(%j) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2023-01-31', '2023-02-01', 1],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-12-25', '2024-01-09', 15],
    ['2024-01-09', '2023-12-25', -15],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-03-25', '2023-03-27', 2],
  ] as const)('daysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it.each([
    ['2023-01-31', 1, '2023-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-12-27', 5, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-06-10', 15, '2023-06-25'],
  ] as const)('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses an impossible date rather than rolling it over', () => {
    expect(() => daysBetween('2023-02-30', '2023-03-01')).toThrow(RangeError);
    expect(() => addDays('2023-13-01', 1)).toThrow(RangeError);
  });
});
