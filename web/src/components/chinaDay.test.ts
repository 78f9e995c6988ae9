import { describe, expect, it } from 'vitest';
import { chinaToday } from './chinaDay.ts';

describe('chinaToday', () => {
  it.each([
    ['2026-12-06T15:59:59Z', '2026-12-06'],
    ['2026-12-06T16:00:00Z', '2026-12-07'],
    ['2026-12-06T23:30:00Z', '2026-12-07'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
  ])('at %s the county day is %s', (instant, day) => {
    expect(chinaToday(Date.parse(instant)).format('YYYY-MM-DD')).toBe(day);
  });
});
