import { describe, expect, it } from 'vitest';
import { noticeDate } from './notice-date.ts';

describe('noticeDate: one date style for every notice', () => {
  it.each([
    ['2026-03-05', '2026年3月5日'],
    ['2026-12-31', '2026年12月31日'],
    ['2026-11-28T16:30:00.000Z', '2026年11月28日'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (input, out) => expect(noticeDate(input)).toBe(out));
});
