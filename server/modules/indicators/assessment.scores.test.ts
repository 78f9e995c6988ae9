import { describe, expect, it } from 'vitest';
import { todayInChina } from '#server/lib/clock.ts';
import { bandOfGrade, scoringDates } from './assessment.scores.ts';

// The month scored and the day workflow figures count to, for the assessment of a year (its December) and for a
// cockpit month. `today` is the county's day (China time), so 16:30 UTC on 30 November is already 1 December.

describe('scoringDates', () => {
  it.each([
    // [period, today in China, month, asOf]
    ['2025-12', '2026-12-06', '2025-12', '2025-12-31'],
    ['2026-12', '2026-12-06', '2026-12', '2026-12-06'],
    ['2026-11', '2026-12-01', '2026-11', '2026-11-30'],
    ['2027-12', '2026-12-06', '2026-12', '2026-12-06'],
    ['2024-02', '2026-12-06', '2024-02', '2024-02-29'],
  ])('%s seen on %s → month %s, figures as of %s', (period, today, month, asOf) =>
    expect(scoringDates(period, today)).toEqual({ month, asOf }),
  );

  it('at 16:30 UTC the county is on the next day: the cockpit of the new month counts to that day', () => {
    const today = todayInChina(new Date('2026-11-30T16:30:00Z'));
    expect(today).toBe('2026-12-01');
    expect(scoringDates('2026-12', today)).toEqual({ month: '2026-12', asOf: '2026-12-01' });
    expect(scoringDates('2026-11', today)).toEqual({ month: '2026-11', asOf: '2026-11-30' });
  });
});

describe('bandOfGrade: the scorecard colour is the assessment grade', () => {
  const s = (grade: string, scored = true) => ({ total: 0, grade, scored, points: {}, figures: {} });
  it.each([
    ['好', 'green'],
    ['较好', 'yellow'],
    ['一般', 'yellow'],
    ['较差', 'red'],
  ])('%s → %s', (grade, band) => expect(bandOfGrade(s(grade))).toBe(band));
  it('nothing scored → grey', () => expect(bandOfGrade(s('无数据', false))).toBe('grey'));
});
