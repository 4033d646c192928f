// Numerically stable building blocks. Each form avoids overflow and cancellation so that
// results stay within a few ulps of the exact value for every finite input.

/** 1 / (1 + e^-x), without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = e^-|x| / (1 + e^-|x|)^2; unlike σ(1-σ) it keeps its relative accuracy in the tails. */
export function sigmoidGrad(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/**
 * σ''(x) = σ'(x)·(1 - 2σ(x)) = -tanh(x/2)·σ'(x). 1 - 2σ would cancel near 0 and round to ∓1 in the
 * tails; tanh(x/2) keeps its relative accuracy everywhere, as σ'(x) in its stable form does.
 */
export function sigmoidGrad2(x: number): number {
  return -Math.tanh(x / 2) * sigmoidGrad(x);
}

/** log(1 + e^x), without overflow for large x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** sech^2(x) = 1 - tanh^2(x), without the cancellation of that form for large |x|. */
export function sech2(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** tanh''(x) = -2 tanh(x) sech²(x), from the stable sech² (1 - tanh² would cancel in the tails). */
export function tanhGrad2(x: number): number {
  return -2 * Math.tanh(x) * sech2(x);
}

const view = new DataView(new ArrayBuffer(8));

/** The next double above x, for one-sided limits at a break. */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  view.setFloat64(0, x);
  // A double's bits, read as an integer, step one ulp at a time; away from zero for x > 0.
  view.setBigInt64(0, view.getBigInt64(0) + (x > 0 ? 1n : -1n));
  return view.getFloat64(0);
}

/** The next double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * Where |g| is largest on [lo, hi]: a dense scan, then golden-section refinement of the best bracket.
 * Used for property tables of smooth activations whose maximum has no convenient closed form.
 */
export function argmaxAbs(g: (z: number) => number, lo: number, hi: number): { at: number; value: number } {
  const n = 400;
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i <= n; i++) {
    const v = Math.abs(g(lo + ((hi - lo) * i) / n));
    if (v > bestValue) [best, bestValue] = [i, v];
  }
  let a = lo + ((hi - lo) * Math.max(best - 1, 0)) / n;
  let b = lo + ((hi - lo) * Math.min(best + 1, n)) / n;
  const r = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); k++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (Math.abs(g(c)) > Math.abs(g(d))) b = d;
    else a = c;
  }
  const at = (a + b) / 2;
  return { at, value: g(at) };
}

/**
 * The properties of a self-gated activation, z·gate(z) (SiLU, Mish): its least value is found on [-5, 0],
 * its largest slope on [0, 6]; smooth, not monotonic, not saturating.
 */
export const gatedProperties = (f: (z: number) => number, df: (z: number) => number) => () => ({
  range: `[${argmaxAbs(f, -5, 0).value.toFixed(4)}, ∞)`,
  monotonic: false,
  zeroCentred: true,
  smoothness: 'C∞',
  maxAbsDerivative: argmaxAbs(df, 0, 6),
  saturating: false,
});
