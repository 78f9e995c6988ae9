// Alkire–Foster multidimensional poverty measurement (Alkire & Foster 2011, "Counting and
// multidimensional poverty measurement", J. Public Econ. 95(7–8): 476–487), adjusted headcount M0.
// Pure: the deprivation rows come in (one per household, a boolean per dimension), weights and the
// cutoff k are parameters. Method and source: docs/analysis.md.
//
//   c_i   = Σ_j w_j · g0_ij                        weighted deprivation score (weights normalised to sum 1)
//   poor  ⇔ c_i ≥ k                                 the dual cutoff (k in (0, 1]; k = min weight is "union")
//   H     = q / n                                   headcount ratio (q poor of n)
//   A     = Σ_{poor} c_i / q                        intensity: average share of weighted deprivations of the poor
//   M0    = H · A = Σ_{poor} c_i / n                adjusted headcount ratio
//   CH_j  = #(poor ∧ deprived in j) / n            censored headcount ratio of dimension j
//   contribution_j = w_j · CH_j / M0                shares that sum to 1 (when M0 > 0)

/** Scores are compared with k after rounding, so 1/3 + 1/3 + 1/3 ≥ 1 holds despite floating point. */
const EPS = 1e-9;

export interface AfResult {
  /** Units counted. */
  n: number;
  /** Units deprived in a weighted share ≥ k (multidimensionally poor). */
  q: number;
  H: number;
  A: number;
  M0: number;
  /** Per dimension, in the order of the weights. */
  censoredHeadcount: number[];
  /** Per dimension: w_j · CH_j / M0 (0 when M0 = 0). */
  contribution: number[];
}

/** Weights as given, scaled to sum 1. Refuses negative weights or an all-zero vector. */
export function normaliseWeights(weights: readonly number[]): number[] {
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be non-negative numbers');
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new RangeError('at least one weight must be positive');
  return weights.map((w) => w / total);
}

/** c_i: the weighted share of dimensions a unit is deprived in (weights normalised). */
export function deprivationScore(deprived: readonly boolean[], weights: readonly number[]): number {
  const w = normaliseWeights(weights);
  if (deprived.length !== w.length) throw new RangeError('one deprivation per weight');
  return deprived.reduce((s, d, j) => s + (d ? w[j] : 0), 0);
}

export function isPoor(score: number, k: number): boolean {
  return score + EPS >= k;
}

/** H, A, M0 and the dimensions' contributions for a set of units. */
export function alkireFoster(rows: readonly (readonly boolean[])[], weights: readonly number[], k: number): AfResult {
  if (!(k > 0 && k <= 1)) throw new RangeError('k is a share of the weighted dimensions, in (0, 1]');
  const w = normaliseWeights(weights);
  const d = w.length;
  const n = rows.length;
  let q = 0;
  let sumScores = 0;
  const censored = new Array<number>(d).fill(0);
  for (const row of rows) {
    if (row.length !== d) throw new RangeError('one deprivation per weight');
    const c = row.reduce((s, dep, j) => s + (dep ? w[j] : 0), 0);
    if (!isPoor(c, k)) continue;
    q += 1;
    sumScores += c;
    row.forEach((dep, j) => {
      if (dep) censored[j] += 1;
    });
  }
  const H = n === 0 ? 0 : q / n;
  const A = q === 0 ? 0 : sumScores / q;
  const M0 = n === 0 ? 0 : sumScores / n;
  const censoredHeadcount = censored.map((c) => (n === 0 ? 0 : c / n));
  const contribution = censoredHeadcount.map((ch, j) => (M0 === 0 ? 0 : (w[j] * ch) / M0));
  return { n, q, H, A, M0, censoredHeadcount, contribution };
}

/** g0 from achievements and cutoffs: deprived in j when y_ij < z_j (Alkire & Foster's convention). */
export function deprivationMatrix(
  achievements: readonly (readonly number[])[],
  cutoffs: readonly number[],
): boolean[][] {
  return achievements.map((row) => row.map((y, j) => y < cutoffs[j]));
}

/** The same measures per group (township, village): AF is decomposable by population subgroup. */
export function alkireFosterByGroup<T extends { group: string; deprived: readonly boolean[] }>(
  units: readonly T[],
  weights: readonly number[],
  k: number,
): Map<string, AfResult> {
  const groups = new Map<string, (readonly boolean[])[]>();
  for (const u of units) {
    const list = groups.get(u.group) ?? [];
    list.push(u.deprived);
    groups.set(u.group, list);
  }
  return new Map([...groups].map(([g, rows]) => [g, alkireFoster(rows, weights, k)]));
}
