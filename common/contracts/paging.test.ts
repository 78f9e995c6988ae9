import { describe, expect, it } from 'vitest';
import { queryFlag } from './paging.ts';

// A query-string flag: "0"/"false" mean false (z.coerce.boolean would read them as true).
describe('queryFlag', () => {
  const flag = queryFlag().optional();

  it.each([
    ['1', true],
    ['true', true],
    [true, true],
    ['0', false],
    ['false', false],
    [false, false],
    [undefined, undefined],
  ])('reads %j as %j', (input, expected) => {
    expect(flag.parse(input)).toBe(expected);
  });

  it.each(['', 'yes', 'TRUE', '2'])('refuses %j', (input) => {
    expect(flag.safeParse(input).success).toBe(false);
  });
});
