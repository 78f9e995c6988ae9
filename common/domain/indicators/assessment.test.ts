import { describe, expect, it } from 'vitest';
import { creditForShare, gradeOf, scoreTownship, STATUS_CREDIT, type AssessmentItem } from './assessment.ts';

const items: AssessmentItem[] = [
  { key: 'a', kind: 'indicator', ref: 'A', weight: 60, labelZh: 'A' },
  { key: 'b', kind: 'workflow', ref: 'overdueCases', weight: 40, labelZh: 'B' },
];

describe('assessment scoring', () => {
  it('earns the weight by attainment: met 100 %, at risk 60 %, not met 0', () => {
    expect(scoreTownship(items, (it) => (it.key === 'a' ? STATUS_CREDIT.met : 1))).toMatchObject({
      total: 100,
      grade: '好',
      points: { a: 60, b: 40 },
    });
    expect(scoreTownship(items, (it) => (it.key === 'a' ? STATUS_CREDIT.atRisk : 1))).toMatchObject({
      total: 76,
      grade: '一般',
      points: { a: 36, b: 40 },
    });
    expect(scoreTownship(items, (it) => (it.key === 'a' ? STATUS_CREDIT.notMet : 1))).toMatchObject({
      total: 40,
      grade: '较差',
    });
  });
  it('leaves out items without data and scales the rest to 100', () => {
    expect(scoreTownship(items, (it) => (it.key === 'a' ? STATUS_CREDIT.met : null))).toMatchObject({
      total: 100,
      points: { a: 60, b: null },
    });
    expect(scoreTownship(items, () => null)).toMatchObject({ total: 0, grade: '无数据' });
  });
  it.each([
    [0, 10, 1],
    [1, 10, 0.9],
    [10, 10, 0],
    [0, 0, null],
    [2, 0, 0],
  ])('a lower-is-better share %s/%s earns %s', (part, whole, credit) => {
    expect(creditForShare(part, whole)).toBe(credit);
  });
  it.each([
    [90, '好'],
    [89.9, '较好'],
    [80, '较好'],
    [79.9, '一般'],
    [60, '一般'],
    [59.9, '较差'],
  ])('grade of %s is %s', (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });
});
