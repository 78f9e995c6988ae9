import { describe, expect, it } from 'vitest';
import { PARAM_DEFINITIONS } from '../params/definitions.ts';
import {
  decisionErrors,
  decisionInForce,
  FACTORS,
  handNeed,
  handScoreErrors,
  normalise,
  scoreVillages,
  weightKey,
  type Factor,
  type VillageFacts,
} from './rules.ts';

// 沁发〔2021〕17号 §二(二)2: the six factors, normalised to a 0–100 need, weighted, ranked.

const EQUAL: Record<Factor, number> = {
  alleviatedPopulation: 1,
  collectiveIncome: 1,
  location: 1,
  publicService: 1,
  infrastructure: 1,
  resources: 1,
};

const facts = (orgCode: string, f: Partial<Record<Factor, number | null>>): VillageFacts => ({
  orgCode,
  alleviatedPopulation: null,
  collectiveIncome: null,
  location: null,
  publicService: null,
  infrastructure: null,
  resources: null,
  ...f,
});

describe('normalise (min–max to 0–100)', () => {
  it.each([
    // [values, more is needier, expected]
    [[0, 50, 100], true, [0, 50, 100]],
    [[0, 50, 100], false, [100, 50, 0]],
    [[10, 20, 40], true, [0, 33.33, 100]],
    [[300, null, 100], true, [100, null, 0]],
    [[7, 7, 7], true, [50, 50, 50]],
    [[5], false, [50]],
    [[null, null], true, [null, null]],
    [[], true, []],
  ])('%j (higher needier %s) → %j', (values, up, expected) => {
    expect(normalise(values, up)).toEqual(expected);
  });

  it.each([
    [0, 100],
    [100, 0],
    [62.5, 37.5],
    [null, null],
  ])('hand score %s → need %s', (score, need) => {
    expect(handNeed(score)).toBe(need);
  });
});

describe('hand scores 0–100', () => {
  it.each([
    [{ location: 0, resources: 100 }, []],
    [{ location: -1 }, ['location']],
    [{ publicService: 100.5, infrastructure: 101 }, ['publicService', 'infrastructure']],
    [{ location: null, resources: undefined }, []],
  ])('%j → %j', (input, fields) => {
    expect(handScoreErrors(input).map((e) => e.field)).toEqual(fields);
  });
});

describe('scoreVillages', () => {
  it('weights the needs, names what is missing, ranks the neediest first', () => {
    const villages = [
      facts('A', {
        alleviatedPopulation: 300,
        collectiveIncome: 0,
        location: 20,
        publicService: 20,
        infrastructure: 20,
        resources: 20,
      }),
      facts('B', {
        alleviatedPopulation: 100,
        collectiveIncome: 200_000,
        location: 80,
        publicService: 80,
        infrastructure: 80,
        resources: 80,
      }),
      facts('C', { alleviatedPopulation: 200, collectiveIncome: null, location: 50 }),
      facts('D', {}),
    ];
    const [a, b, c, d] = scoreVillages(villages, EQUAL);
    expect(a).toMatchObject({ score: 86.67, rank: 1, missing: [] });
    expect(a.needs).toEqual({
      alleviatedPopulation: 100,
      collectiveIncome: 100,
      location: 80,
      publicService: 80,
      infrastructure: 80,
      resources: 80,
    });
    expect(b).toMatchObject({ score: 13.33, rank: 3, missing: [] });
    // C: 脱贫人口 50, 区位 50 → 50 over the two present factors
    expect(c).toMatchObject({
      score: 50,
      rank: 2,
      missing: ['collectiveIncome', 'publicService', 'infrastructure', 'resources'],
    });
    expect(d).toMatchObject({ score: null, rank: null });
    expect(d.missing).toHaveLength(6);
  });

  it('a factor of weight 0 does not count; ties rank by org code', () => {
    const weights = { ...EQUAL, location: 0 };
    const villages = [
      facts('B', { alleviatedPopulation: 10, location: 0 }),
      facts('A', { alleviatedPopulation: 10, location: 100 }),
    ];
    const scored = scoreVillages(villages, weights);
    expect(scored.map((s) => [s.orgCode, s.score, s.rank])).toEqual([
      ['B', 50, 2],
      ['A', 50, 1],
    ]);
  });

  it('weights change the order (脱贫人口 alone vs 区位 alone)', () => {
    const villages = [
      facts('A', { alleviatedPopulation: 500, location: 90 }),
      facts('B', { alleviatedPopulation: 100, location: 10 }),
    ];
    const only = (f: Factor) =>
      Object.fromEntries(FACTORS.map((x) => [x.code, x.code === f ? 1 : 0])) as Record<Factor, number>;
    expect(scoreVillages(villages, only('alleviatedPopulation')).map((s) => s.rank)).toEqual([1, 2]);
    expect(scoreVillages(villages, only('location')).map((s) => s.rank)).toEqual([2, 1]);
  });

  it('the default weights are parameters marked not found and sum to 1', () => {
    const defs = FACTORS.map((f) => PARAM_DEFINITIONS.find((d) => d.key === weightKey(f.code))!);
    expect(defs.every((d) => d.seeds[0].source.startsWith('default'))).toBe(true);
    expect(defs.reduce((s, d) => s + Number(d.seeds[0].value), 0)).toBeCloseTo(1, 10);
  });
});

describe('decisions', () => {
  const ok = { keyVillages: ['A', 'B'], demoVillages: ['C'], decidedOn: '2026-03-01', year: 2026 };
  it.each([
    [ok, '2026-03-01', []],
    [{ ...ok, keyVillages: [] }, '2026-03-01', ['keyVillages']],
    [{ ...ok, keyVillages: ['A', 'A'] }, '2026-03-01', ['keyVillages']],
    [{ ...ok, demoVillages: ['B'] }, '2026-03-01', ['demoVillages']],
    [{ ...ok, demoVillages: ['C', 'C'] }, '2026-03-01', ['demoVillages']],
    [ok, '2026-02-28', ['decidedOn']],
    [{ ...ok, year: 2027 }, '2026-03-01', []],
    [{ ...ok, year: 2028 }, '2026-03-01', ['year']],
  ])('%j on %s → %j', (d, today, fields) => {
    expect(decisionErrors(d, today).map((e) => e.field)).toEqual(fields);
  });

  it('the decision in force: latest year, then date, then the later record', () => {
    const d = (id: number, year: number, decidedOn: string) => ({ id, year, decidedOn });
    expect(decisionInForce([d(1, 2025, '2025-03-01'), d(2, 2026, '2026-01-05'), d(3, 2025, '2025-12-01')])?.id).toBe(2);
    expect(decisionInForce([d(1, 2026, '2026-03-01'), d(2, 2026, '2026-01-05')])?.id).toBe(1);
    expect(decisionInForce([d(1, 2026, '2026-03-01'), d(2, 2026, '2026-03-01')])?.id).toBe(2);
    expect(decisionInForce([])).toBeUndefined();
  });
});
