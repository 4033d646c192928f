import type { MathNode } from 'mathjs';
import { nextDown, nextUp } from '../activations/math.ts';
import type { Break, ParamValues } from '../activations/types.ts';
import { linspace } from '../grid.ts';
import { differentiate } from './derivative.ts';
import { COMPARISONS, hasZ, isOp, op } from './nodes.ts';
import { type Fn, numeric } from './numeric.ts';

/** Where a comparison of the formula flips: the zeros of l - r, its two sides' gap. */
export interface Crossing {
  gap: Fn;
  /** The gap's slope when the gap is linear in z (then its zero is solved, not searched for). */
  slope?: Fn;
}

/** One crossing per distinct comparison of a normalized tree whose sides depend on z (of those `only` keeps). */
export function crossings(
  tree: MathNode,
  defaults: readonly (readonly [string, number])[],
  only: (comparison: string) => boolean = () => true,
): Crossing[] {
  const gaps = new Map<string, MathNode>();
  tree.traverse((n) => {
    if (!isOp(n) || !COMPARISONS.has(n.fn) || !only(n.fn)) return;
    const gap = op('subtract', n.args);
    if (hasZ(gap)) gaps.set(gap.toString(), gap);
  });
  return [...gaps.values()].map((gap) => {
    const slope = differentiate(gap);
    return { gap: numeric(gap, defaults), slope: hasZ(slope) ? undefined : numeric(slope, defaults) };
  });
}

// Where a non-linear crossing is searched for: 1e-3 apart on [-10, 10], 0.1 apart to ±1000, 10 apart
// to ±1e4. Two crossings closer than that spacing (a narrow bump) can be missed; none beyond ±1e4 is found.
let scanPoints: Float64Array | undefined;
function scan(): Float64Array {
  if (!scanPoints) {
    const all = [...linspace(-10, 10, 20001), ...linspace(-1000, 1000, 20001), ...linspace(-1e4, 1e4, 2001)];
    scanPoints = Float64Array.from(new Set(all)).sort();
  }
  return scanPoints;
}

/** The z where each comparison flips, for parameters p, sorted, each once. */
export function crossingPoints(list: readonly Crossing[], p: ParamValues): number[] {
  const out: number[] = [];
  for (const { gap, slope } of list) {
    const g = (z: number) => gap(z, p);
    if (slope) {
      const s = slope(0, p);
      const z0 = -g(0) / s;
      if (s !== 0 && Number.isFinite(z0)) {
        const at = refine(g, z0);
        if (at !== undefined) out.push(at);
      }
      continue;
    }
    const zs = scan();
    let prev = g(zs[0]);
    for (let i = 1; i < zs.length; i++) {
      const next = g(zs[i]);
      if (Number.isFinite(prev) && Number.isFinite(next) && prev > 0 !== next > 0)
        out.push(bisect(g, zs[i - 1], zs[i]));
      prev = next;
    }
  }
  out.sort((a, b) => a - b);
  return out.filter((z, i) => i === 0 || z !== out[i - 1]);
}

/** The exact double nearest a solved zero: its rounding may have left it an ulp or two from the flip. */
function refine(g: (z: number) => number, z0: number): number | undefined {
  const scale = Math.max(1, Math.abs(z0));
  for (let d = 1e-12 * scale; d <= 1e-3 * scale; d *= 16) {
    if (g(z0 - d) > 0 !== g(z0 + d) > 0) return bisect(g, z0 - d, z0 + d);
  }
  return undefined;
}

/**
 * Bisection of [a, b], across which g > 0 flips, down to adjacent doubles; of those two, the one
 * where g is nearer 0 (exactly 0 at relu's 0, at hardtanh's ±1).
 */
function bisect(g: (z: number) => number, a: number, b: number): number {
  const above = g(a) > 0;
  for (;;) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) break;
    const v = g(mid);
    if (Number.isNaN(v)) break;
    if (v > 0 === above) a = mid;
    else b = mid;
  }
  return Math.abs(g(a)) <= Math.abs(g(b)) ? a : b;
}

export interface Pieces {
  f: Fn;
  df: Fn;
  d2f: Fn;
  /** f''', only to tell whether f'' has a kink; compiled on first use. */
  d3f: () => Fn;
}

/**
 * What f, f' and f'' do at z: each is compared at z with its values at the neighbouring doubles,
 * which lie on either side of the flip. Undefined when all three are smooth there (a comparison that
 * decides nothing, such as one inside a branch that is never taken).
 */
export function classify(z: number, pieces: Pieces, p: ParamValues): Required<Break> | undefined {
  const jumps = (fn: Fn) => {
    const [l, c, r] = [fn(nextDown(z), p), fn(z, p), fn(nextUp(z), p)];
    return differ(l, c) || differ(c, r);
  };
  const [f, df, d2f] = [jumps(pieces.f), jumps(pieces.df), jumps(pieces.d2f)];
  const d3f = !d2f && jumps(pieces.d3f());
  const kind = (jump: boolean, next: boolean) => (jump ? 'jump' : next ? 'kink' : 'smooth');
  const out = { z, f: kind(f, df), df: kind(df, d2f), d2f: kind(d2f, d3f) } as const;
  return out.f === 'smooth' && out.df === 'smooth' && out.d2f === 'smooth' ? undefined : out;
}

// Between neighbouring doubles a continuous piece moves by about its slope times an ulp: far below
// 1e-9 of its size unless the slope is astronomically steep. 1e-15 is the floor where the values are ~0.
function differ(u: number, v: number): boolean {
  if (Number.isFinite(u) && Number.isFinite(v))
    return Math.abs(u - v) > 1e-9 * Math.max(Math.abs(u), Math.abs(v), 1e-6);
  return !(u === v || (Number.isNaN(u) && Number.isNaN(v)));
}
