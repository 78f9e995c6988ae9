// Policy ratios (0.5, 0.6, 0.15, 2/3) are stored as decimals; comparisons against them must be exact.
// A ratio becomes the nearest fraction with a small denominator (continued fractions), so 0.6666666666666666
// is 2/3 and 0.15 is 3/20, and a share test is integer cross-multiplication in BigInt: no floating point.

export interface Fraction {
  num: bigint;
  den: bigint;
}

export function toFraction(x: number, maxDen = 100_000): Fraction {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`not a ratio: ${x}`);
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  let v = x;
  for (let i = 0; i < 40; i++) {
    const a = BigInt(Math.floor(v));
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (k2 > BigInt(maxDen)) break;
    [h0, h1, k0, k1] = [h1, h2, k1, k2];
    const frac = v - Math.floor(v);
    if (frac < 1e-12 || Math.abs(Number(h1) / Number(k1) - x) < 1e-12) break;
    v = 1 / frac;
  }
  return { num: h1, den: k1 };
}

/** part / whole ≥ ratio, exactly (whole > 0). */
export function atLeast(part: number, whole: number, ratio: Fraction): boolean {
  return BigInt(part) * ratio.den >= ratio.num * BigInt(whole);
}

/** part / whole > ratio, exactly (whole > 0). */
export function moreThan(part: number, whole: number, ratio: Fraction): boolean {
  return BigInt(part) * ratio.den > ratio.num * BigInt(whole);
}

/** part / whole ≤ ratio, exactly. */
export function atMost(part: number, whole: number, ratio: Fraction): boolean {
  return BigInt(part) * ratio.den <= ratio.num * BigInt(whole);
}

/** ratio + delta as a fraction (both from parameters). */
export function plus(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function times(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** A share for display, rounded to basis points (the check itself never uses it). */
export function shareForDisplay(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Number((BigInt(part) * 10_000n + BigInt(whole) / 2n) / BigInt(whole)) / 10_000;
}
