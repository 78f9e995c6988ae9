import { describe, expect, it } from 'vitest';
import { competitionRanks, notFutureErrors, redemptionErrors, ruleItemErrors } from './rules.ts';

// 积分制 (沁发〔2021〕17号 二(三)6 二是; policy-rules §8 “以表现换积分、以积分换物品”).
describe('ruleItemErrors: add for good conduct, deduct for violations', () => {
  it.each([
    ['environment', 5, []],
    ['customs', 1, []],
    ['violation', -10, []],
    ['violation', 10, ['points']],
    ['volunteer', -1, ['points']],
    ['environment', 0, ['points']],
    ['violation', 0, ['points']],
    ['environment', 2.5, ['points']],
  ] as const)('%s %d → %o', (category, points, fields) =>
    expect(ruleItemErrors({ category, points }).map((e) => e.field)).toEqual(fields),
  );
});

describe('redemptionErrors: never below zero', () => {
  it.each([
    [100, 100, 0],
    [100, 99, 0],
    [100, 101, 1],
    [0, 1, 1],
    [-5, 1, 1],
    [100, 0, 1],
    [100, -3, 1],
  ])('balance %d, spend %d → %d errors', (balance, spend, n) =>
    expect(redemptionErrors(balance, spend)).toHaveLength(n),
  );
});

describe('notFutureErrors', () => {
  it.each([
    ['2026-12-06', '2026-12-06', 0],
    ['2026-12-07', '2026-12-06', 1],
    ['2026-01-01', '2026-12-06', 0],
  ])('%s on %s → %d', (on, today, n) => expect(notFutureErrors('awardedOn', on, today)).toHaveLength(n));
});

describe('competitionRanks', () => {
  it.each([
    [[], []],
    [[30], [1]],
    [
      [30, 20, 10],
      [1, 2, 3],
    ],
    [
      [30, 30, 10],
      [1, 1, 3],
    ],
    [
      [30, 20, 20, 20, 5],
      [1, 2, 2, 2, 5],
    ],
    [
      [0, 0],
      [1, 1],
    ],
    [
      [10, -5, -5],
      [1, 2, 2],
    ],
  ])('%o → %o', (points, ranks) => expect(competitionRanks(points)).toEqual(ranks));
});
