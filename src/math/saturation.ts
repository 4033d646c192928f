/**
 * The z intervals inside [lo, hi] where |g(z)| < threshold, with their ends solved to full double
 * precision: a dense scan brackets every crossing, then bisection narrows each bracket until its
 * ends are adjacent doubles. Each end is the last double inside (|g| < threshold there), so the intervals
 * are closed and a label writes them with ≤: hardtanh's [1, hi] is "z ≥ 1" (hardtanh'(1) = 0), hardshrink's
 * [-0.5, 0.5] "-0.5 ≤ z ≤ 0.5". Ends at lo or hi mean the interval runs past the plotted range.
 */
export function belowThreshold(
  g: (z: number) => number,
  threshold: number,
  lo: number,
  hi: number,
  steps = 20000,
): [number, number][] {
  const below = (z: number) => Math.abs(g(z)) < threshold;
  const crossing = (a: number, b: number) => {
    const aBelow = below(a);
    for (;;) {
      const mid = a + (b - a) / 2;
      if (mid <= a || mid >= b) return aBelow ? a : b; // a and b are adjacent: report the last point inside
      if (below(mid) === aBelow) a = mid;
      else b = mid;
    }
  };
  const out: [number, number][] = [];
  let start: number | undefined = below(lo) ? lo : undefined;
  let prev = lo;
  for (let i = 1; i <= steps; i++) {
    const z = i === steps ? hi : lo + ((hi - lo) * i) / steps;
    if (below(z) !== below(prev)) {
      const edge = crossing(prev, z);
      if (start === undefined) start = edge;
      else {
        out.push([start, edge]);
        start = undefined;
      }
    }
    prev = z;
  }
  if (start !== undefined) out.push([start, hi]);
  return out;
}
