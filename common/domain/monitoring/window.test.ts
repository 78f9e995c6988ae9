import { describe, expect, it } from 'vitest';
import { dataWindow, dueMonthlyPeriod, previousPeriod, schoolYearFrom } from './window.ts';

describe('data window', () => {
  it.each([
    ['2025-06', 12, '2024-07-01', '2025-06-30', '2025-06-01', 2025],
    ['2025-01', 12, '2024-02-01', '2025-01-31', '2025-01-01', 2025],
    ['2024-02', 1, '2024-02-01', '2024-02-29', '2024-02-01', 2024],
    ['2023-02', 3, '2022-12-01', '2023-02-28', '2023-02-01', 2023],
    ['2021-12', 24, '2020-01-01', '2021-12-31', '2021-12-01', 2021],
  ])('%s looking back %i months runs %s … %s', (period, months, from, to, periodFrom, incomeYear) => {
    expect(dataWindow(period, months)).toEqual({
      period,
      lookbackMonths: months,
      from,
      to,
      periodFrom,
      incomeYear,
      yearFrom: `${incomeYear}-01-01`,
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a lookback of %s months', (months) => {
    expect(() => dataWindow('2025-06', months)).toThrow(RangeError);
  });

  it.each([
    ['2025-06', 9, '2024-09-01'],
    ['2025-08', 9, '2024-09-01'],
    ['2025-09', 9, '2025-09-01'],
    ['2025-12', 9, '2025-09-01'],
    ['2025-01', 1, '2025-01-01'],
  ])('the school year of %s (starting in month %i) began %s', (period, start, from) =>
    expect(schoolYearFrom(period, start)).toBe(from),
  );

  it('refuses a bad period', () => {
    expect(() => dataWindow('2025-13', 12)).toThrow(/YYYY-MM/);
  });

  it.each([
    ['2025-01', '2024-12'],
    ['2025-07', '2025-06'],
  ])('previous period of %s is %s', (p, prev) => expect(previousPeriod(p)).toBe(prev));

  it.each([
    ['2025-03-01', '2025-02'],
    ['2025-01-01', '2024-12'],
    ['2025-03-17', '2025-02'],
  ])('a monthly run started on %s covers %s', (today, period) => expect(dueMonthlyPeriod(today)).toBe(period));
});
