import { describe, expect, it } from 'vitest';
import { alkireFoster, alkireFosterByGroup, deprivationMatrix, deprivationScore, isPoor } from './alkire-foster.ts';

describe('Alkire–Foster M0', () => {
  // The published example (Alkire & Foster 2011, J. Public Econ. 95(7–8), §2 and §4): four persons,
  // four dimensions, achievements y and cutoffs z = (13, 12, 3, 1), deprived when y_ij < z_j:
  //   person 1 (13.1, 14, 4, 1) → g0 = 0 0 0 0, c = 0
  //   person 2 (15.2,  7, 5, 0) → g0 = 0 1 0 1, c = 2
  //   person 3 (12.5, 10, 1, 0) → g0 = 1 1 1 1, c = 4
  //   person 4 (20,   11, 3, 1) → g0 = 0 1 0 0, c = 1   (3 ≥ 3: not deprived)
  // With equal weights and k = 2 of 4 dimensions (0.5): persons 2 and 3 are poor, q = 2.
  //   H  = q / n = 2 / 4 = 1/2
  //   A  = (2 + 4) / (2 × 4) = 6/8 = 3/4
  //   M0 = H × A = 3/8 (= the mean of the censored matrix g0(k): 6 deprivations of 16 entries)
  // Censored headcounts (person 4's deprivation is censored): dim 1: 1/4, dim 2: 2/4, dim 3: 1/4, dim 4: 2/4.
  // Contributions w_j·CH_j/M0 with w_j = 1/4: (1/16)/(3/8) = 1/6, (2/16)/(3/8) = 1/3, 1/6, 1/3 — summing to 1.
  const y = [
    [13.1, 14, 4, 1],
    [15.2, 7, 5, 0],
    [12.5, 10, 1, 0],
    [20, 11, 3, 1],
  ];
  const z = [13, 12, 3, 1];
  const g0 = deprivationMatrix(y, z);
  const equal = [1, 1, 1, 1];

  it('builds the published deprivation matrix', () => {
    expect(g0.map((r) => r.map(Number))).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 1],
      [1, 1, 1, 1],
      [0, 1, 0, 0],
    ]);
  });

  it('reproduces H = 1/2, A = 3/4, M0 = 3/8 at k = 2 of 4', () => {
    const r = alkireFoster(g0, equal, 2 / 4);
    expect(r.q).toBe(2);
    expect(r.H).toBeCloseTo(1 / 2, 12);
    expect(r.A).toBeCloseTo(3 / 4, 12);
    expect(r.M0).toBeCloseTo(3 / 8, 12);
    expect(r.M0).toBeCloseTo(r.H * r.A, 12);
    expect(r.censoredHeadcount).toEqual([1 / 4, 2 / 4, 1 / 4, 2 / 4]);
    r.contribution.forEach((c, j) => expect(c).toBeCloseTo([1 / 6, 1 / 3, 1 / 6, 1 / 3][j], 12));
  });

  // Union (k = 1 of 4): persons 2, 3, 4 are poor; H = 3/4, A = (2 + 4 + 1) / (3 × 4) = 7/12, M0 = 7/16.
  // Intersection (k = 4 of 4): person 3 only; H = 1/4, A = 1, M0 = 1/4.
  it.each([
    [1 / 4, 3 / 4, 7 / 12, 7 / 16],
    [3 / 4, 1 / 4, 1, 1 / 4],
    [1, 1 / 4, 1, 1 / 4],
  ])('k = %s: H = %s, A = %s, M0 = %s', (k, H, A, M0) => {
    const r = alkireFoster(g0, equal, k);
    expect(r.H).toBeCloseTo(H, 12);
    expect(r.A).toBeCloseTo(A, 12);
    expect(r.M0).toBeCloseTo(M0, 12);
  });

  // Hand-worked, unequal weights over the six 两不愁三保障 + income dimensions (2, 1, 1, 1, 1, 1 → 2/7, 1/7 …):
  // household a: income + housing → c = 2/7 + 1/7 = 3/7 ≥ k = 1/3 → poor
  // household b: water only → c = 1/7 < 1/3 → not poor (censored)
  // household c: nothing → 0
  // H = 1/3, A = 3/7, M0 = 1/7; income contributes (2/7 · 1/3)/(1/7) = 2/3, housing (1/7 · 1/3)/(1/7) = 1/3.
  it('weights are normalised; a deprivation below k is censored', () => {
    const rows = [
      [true, false, false, false, true, false],
      [false, false, false, false, false, true],
      [false, false, false, false, false, false],
    ];
    const r = alkireFoster(rows, [2, 1, 1, 1, 1, 1], 1 / 3);
    expect(r.H).toBeCloseTo(1 / 3, 12);
    expect(r.A).toBeCloseTo(3 / 7, 12);
    expect(r.M0).toBeCloseTo(1 / 7, 12);
    expect(r.contribution.map((c) => Number(c.toFixed(6)))).toEqual([0.666667, 0, 0, 0, 0.333333, 0]);
    expect(deprivationScore(rows[0], [2, 1, 1, 1, 1, 1])).toBeCloseTo(3 / 7, 12);
  });

  it('a score equal to k counts as poor despite floating point (1/3 + 1/3 + 1/3 ≥ 1)', () => {
    expect(isPoor(1 / 3 + 1 / 3 + 1 / 3, 1)).toBe(true);
    expect(alkireFoster([[true, true, true]], [1, 1, 1], 1).q).toBe(1);
  });

  it('nobody counted: every measure is 0; bad k or weights are refused', () => {
    expect(alkireFoster([], equal, 0.5)).toMatchObject({ n: 0, q: 0, H: 0, A: 0, M0: 0 });
    expect(() => alkireFoster(g0, equal, 0)).toThrow(RangeError);
    expect(() => alkireFoster(g0, [0, 0, 0, 0], 0.5)).toThrow(RangeError);
    expect(() => alkireFoster(g0, [1, -1, 1, 1], 0.5)).toThrow(RangeError);
  });

  it('decomposes by group: the population-weighted mean of the groups’ M0 is the whole M0', () => {
    const units = g0.map((deprived, i) => ({ group: i < 2 ? 'x' : 'y', deprived }));
    const byGroup = alkireFosterByGroup(units, equal, 0.5);
    const whole = alkireFoster(g0, equal, 0.5);
    const mean = [...byGroup.values()].reduce((s, r) => s + (r.n / whole.n) * r.M0, 0);
    expect(mean).toBeCloseTo(whole.M0, 12);
    expect(byGroup.get('x')!.M0).toBeCloseTo(2 / 8, 12);
    expect(byGroup.get('y')!.M0).toBeCloseTo(4 / 8, 12);
  });
});
