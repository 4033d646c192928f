import { nextDown, nextUp } from '../activations/math.ts';
import type { Break, Properties } from '../activations/types.ts';
import { linspace } from '../grid.ts';
import { tableNumber } from './definition.ts';

type G = (z: number) => number;

/**
 * Far points to tell where f and f' go as z → ±∞: growing without bound, or settling (and to what).
 * √10 apart, so that three are finite before exp(z) overflows at 709.
 */
const TAILS = Array.from({ length: 11 }, (_, k) => 10 ** (1 + k / 2));
const EDGE = 1e4;

/**
 * The property table of an activation known only numerically, filled as the built-ins fill theirs:
 * f and f' sampled densely near 0 and sparsely out to ±1e4 (plus both sides of every break), the
 * tails probed out to ±1e6, peaks refined to where f' (for f) or f'' (for |f'|) changes sign.
 */
export function computeProperties(f: G, df: G, d2f: G, breaks: readonly Required<Break>[]): Properties {
  const zs = finiteStretch(samples(breaks), (z) => Number.isFinite(f(z)) && Number.isFinite(df(z)));
  const fs = zs.map(f);
  const slope: G = (z) => Math.abs(df(z));
  const ds = zs.map(slope);
  const upper = bound(zs, fs, f, df, 1, breaks);
  const lower = bound(zs, fs, f, df, -1, breaks);
  const [from, to] = [tableNumber(lower.value), tableNumber(upper.value)];
  const range = `${lower.open ? '(' : '['}${from}, ${to}${upper.open ? ')' : ']'}`;
  // |f'| peaks inside an interval where f''·sign(f') changes sign.
  const peak = steepest(zs, ds, slope, (z) => Math.sign(df(z)) * d2f(z), breaks);
  const jumps = (key: 'f' | 'df' | 'd2f') => breaks.some((b) => b[key] === 'jump');
  const kinked = breaks.some((b) => b.d2f !== 'smooth');
  return {
    range,
    monotonic: monotonic(fs, zs.map(df)),
    zeroCentred: Math.abs(f(0)) <= 1e-12 && lower.value < 0 && upper.value > 0,
    // Only a kink in f'' (a jump in f''') leaves f twice differentiable: "C²", a grade no built-in needs.
    smoothness: jumps('f') ? 'discontinuous' : jumps('df') ? 'C⁰' : jumps('d2f') ? 'C¹' : kinked ? 'C²' : 'C∞',
    maxAbsDerivative: peak,
    // As the built-ins use it: f' dies out on both sides (sigmoid, tanh, hardtanh; not relu, elu).
    saturating: [1, -1].every((side) => settlesToZero(slope, side, peak.value)),
  };
}

function samples(breaks: readonly Required<Break>[]): Float64Array {
  const zs = [...linspace(-10, 10, 2001), ...linspace(-100, 100, 2001), ...linspace(-EDGE, EDGE, 2001)];
  for (const { z } of breaks) if (Math.abs(z) < EDGE) zs.push(nextDown(z), z, nextUp(z));
  return Float64Array.from(new Set(zs)).sort();
}

/**
 * The samples around 0 where f and f' are finite: a formula may overflow far out (log1p(exp(z)) for
 * z > 709), and its properties are those of the stretch it can be drawn on.
 */
function finiteStretch(zs: Float64Array, ok: (z: number) => boolean): Float64Array {
  let mid = 0;
  for (let i = 0; i < zs.length; i++) if (Math.abs(zs[i]) < Math.abs(zs[mid])) mid = i;
  let [lo, hi] = [mid, mid];
  while (lo > 0 && ok(zs[lo - 1])) lo--;
  while (hi < zs.length - 1 && ok(zs[hi + 1])) hi++;
  return zs.subarray(lo, hi + 1);
}

/** The last three finite values of g at the tails on one side, in order of distance. */
function tail(g: G, side: number): number[] {
  return TAILS.map((t) => g(side * t))
    .filter(Number.isFinite)
    .slice(-3);
}

/**
 * Whether g → +∞ on that side: it overflows, or its steps between the last finite tails do not shrink
 * much (z grows √10-fold at each: a linear g's steps grow √10-fold, log's stay level, a decay to a limit
 * like 1/z or 1/√z shrinks them to 0.32 or 0.56 of the step before).
 */
function grows(g: G, side: number): boolean {
  if (TAILS.some((t) => g(side * t) === Infinity)) return true;
  const [a, b, c] = tail(g, side);
  if (c === undefined) return false;
  return c > b && b > a && c - b >= 0.7 * (b - a) && c - b > 1e-9 * Math.max(1, Math.abs(c));
}

/** Where g settles on that side: Aitken's extrapolation of the tails (exact for geometric convergence). */
function limit(g: G, side: number): number {
  const [a, b, c] = tail(g, side);
  if (c === undefined) return NaN;
  const bend = c - 2 * b + a;
  const extrapolated = c - ((c - b) * (c - b)) / bend;
  return bend !== 0 && Number.isFinite(extrapolated) ? extrapolated : c;
}

interface Run {
  start: number;
  end: number;
}

/** The maximal stretches of consecutive indices for which `inside` holds. */
function runs(n: number, inside: (i: number) => boolean): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < n; i++) {
    if (!inside(i)) continue;
    const start = i;
    while (i + 1 < n && inside(i + 1)) i++;
    out.push({ start, end: i });
  }
  return out;
}

/**
 * Whether a run that reaches the edge of the samples is g creeping towards a limit (sigmoid's 1 rounds to
 * 1.0 for z > 37 but is never reached) rather than a plateau that starts at a corner (hardtanh's 1 from
 * z = 1 on): a step inwards from where the run starts, g is still within 1e-9 of the limit.
 */
function asymptotic(run: Run, zs: Float64Array, g: G, best: number): boolean {
  const last = zs.length - 1;
  if ((run.start === 0 && run.end === last) || (run.start !== 0 && run.end !== last)) return false;
  const inner = run.end === last ? run.start : run.end;
  if (inner === 0 || inner === last) return true;
  const z = zs[inner];
  const probe = z + (run.end === last ? -1 : 1) * 0.01 * Math.max(1, Math.abs(z));
  return Math.abs(g(probe) - best) <= 1e-9 * Math.max(1, Math.abs(best));
}

/**
 * The sup (dir = 1) or inf (dir = -1) of f and whether f reaches it: ±∞ when f grows without bound,
 * the limit when f only tends to it, else the largest sample, refined where it is a smooth peak.
 */
function bound(
  zs: Float64Array,
  vs: Float64Array,
  f: G,
  df: G,
  dir: number,
  breaks: readonly Required<Break>[],
): { value: number; open: boolean } {
  const g: G = (z) => dir * f(z);
  if (grows(g, 1) || grows(g, -1)) return { value: dir * Infinity, open: true };
  let best = -Infinity;
  for (const v of vs) if (dir * v > best) best = dir * v;
  const tol = 1e-12 * Math.max(1, Math.abs(best));
  const found = runs(zs.length, (i) => dir * vs[i] >= best - tol);
  const reached = found.filter((r) => !asymptotic(r, zs, g, best));
  if (reached.length === 0) {
    const far = limit(g, found[0].start === 0 ? -1 : 1);
    return { value: dir * (Number.isFinite(far) ? Math.max(best, far) : best), open: true };
  }
  const r = reached[0];
  // Reached only beside a jump, as threshold's 0 just right of its step: a one-sided limit, not a value.
  const beside = breaks.find((b) => b.f === 'jump' && (zs[r.start] === nextUp(b.z) || zs[r.end] === nextDown(b.z)));
  if (r.start === r.end && beside && dir * f(beside.z) < best - tol) return { value: dir * best, open: true };
  if (r.start === r.end && r.start > 0 && r.end < zs.length - 1) {
    const [a, b] = [zs[r.start - 1], zs[r.end + 1]];
    const z = root(df, a, zs[r.start]) ?? root(df, zs[r.start], b) ?? golden(g, a, b);
    return { value: dir * Math.max(best, g(z)), open: false };
  }
  return { value: dir * best, open: false };
}

/** A zero of g on [a, b], where g changes sign, bisected to adjacent doubles; undefined if it does not. */
function root(g: G, a: number, b: number): number | undefined {
  const [ga, gb] = [g(a), g(b)];
  if (!((ga <= 0 && gb >= 0) || (ga >= 0 && gb <= 0))) return undefined;
  const rising = ga < gb;
  for (;;) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) break;
    const v = g(mid);
    if (Number.isNaN(v)) break;
    if (v < 0 === rising) a = mid;
    else b = mid;
  }
  // Of the two ends the nearer zero of g; of equals, the smaller z (sigmoid's peak at 0, not -5e-324).
  const [ea, eb] = [Math.abs(g(a)), Math.abs(g(b))];
  return ea < eb ? a : eb < ea ? b : Math.abs(a) <= Math.abs(b) ? a : b;
}

/** The maximum of g on [a, b] by golden-section search, where g has no usable derivative sign change. */
function golden(g: G, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); k++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (g(c) > g(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

function monotonic(fs: Float64Array, ds: Float64Array): boolean {
  let up = true;
  let down = true;
  let steepest = 0;
  for (const d of ds) steepest = Math.max(steepest, Math.abs(d));
  const dTol = 1e-12 * Math.max(1, steepest);
  for (let i = 0; i < fs.length; i++) {
    if (ds[i] < -dTol) up = false;
    if (ds[i] > dTol) down = false;
    if (i === 0) continue;
    const step = fs[i] - fs[i - 1];
    const tol = 1e-12 * Math.max(1, Math.abs(fs[i]), Math.abs(fs[i - 1]));
    if (step < -tol) up = false;
    if (step > tol) down = false;
  }
  return up || down;
}

type End = { z: number; closed: boolean };
type Part =
  | { kind: 'point'; z: number; limit?: boolean }
  | { kind: 'tail'; side: number }
  | { kind: 'interval'; lo?: End; hi?: End };

/**
 * The largest |f'| and where: a number for a peak; for a plateau the interval in the built-ins' words
 * ("z > 0", "-1 < z < 1"), its ends at the breaks, ≤ or < as |f'| there is or is not the
 * peak; "z → ∞" where |f'| only tends to it. `dg` is the derivative of g = |f'| (its sign is enough).
 */
function steepest(
  zs: Float64Array,
  ds: Float64Array,
  g: G,
  dg: G,
  breaks: readonly Required<Break>[],
): { value: number; at: number | string } {
  const up = grows(g, 1);
  const down = grows(g, -1);
  if (up || down) return { value: Infinity, at: up && down ? '|z| → ∞' : up ? 'z → ∞' : 'z → -∞' };
  let best = 0;
  for (const d of ds) if (d > best) best = d;
  const tol = 1e-12 * Math.max(1, best);
  const top = (z: number) => g(z) >= best - tol;
  const last = zs.length - 1;
  const found = runs(zs.length, (i) => ds[i] >= best - tol);
  // The end of a plateau between two samples: a break there, else where `top` flips, bisected.
  const end = (inside: number, outside: number): End => {
    const [a, b] = [zs[Math.min(inside, outside)], zs[Math.max(inside, outside)]];
    const k = breaks.find((br) => br.z >= a && br.z <= b);
    if (k) return { z: k.z, closed: top(k.z) };
    let [i, o] = [zs[inside], zs[outside]];
    for (let n = 0; n < 200 && Math.abs(i - o) > 1e-12 * Math.max(1, Math.abs(i)); n++) {
      const mid = (i + o) / 2;
      if (top(mid)) i = mid;
      else o = mid;
    }
    return { z: i, closed: true };
  };
  const parts = found.map((r): Part => {
    if (asymptotic(r, zs, g, best)) return { kind: 'tail', side: r.end === last ? 1 : -1 };
    if (zs[r.end] - zs[r.start] <= 1e-6 * Math.max(1, Math.abs(zs[r.start]))) {
      // A peak: at a break (hardswish's z = 3), or where |f'| turns between the neighbouring samples;
      // or only a one-sided limit, beside a break where f' jumps to less (kept only if nothing else is).
      const k = breaks.find((br) => br.z >= zs[r.start] && br.z <= zs[r.end]);
      if (k || r.start === 0 || r.end === last) return { kind: 'point', z: k ? k.z : zs[r.start] };
      const beside = breaks.find((br) => zs[r.start] === nextUp(br.z) || zs[r.end] === nextDown(br.z));
      if (beside && !top(beside.z)) return { kind: 'point', z: beside.z, limit: true };
      const [a, b] = [zs[r.start - 1], zs[r.end + 1]];
      return { kind: 'point', z: root(dg, a, zs[r.start]) ?? root(dg, zs[r.end], b) ?? golden(g, a, b) };
    }
    return {
      kind: 'interval',
      lo: r.start === 0 ? undefined : end(r.start, r.start - 1),
      hi: r.end === last ? undefined : end(r.end, r.end + 1),
    };
  });
  const first = parts.find((q) => !(q.kind === 'point' && q.limit)) ?? parts[0];
  if (first.kind === 'point') return { value: first.limit ? best : Math.max(best, g(first.z)), at: first.z };
  if (first.kind === 'tail' && parts.every((q) => q.kind === 'tail')) {
    const far = limit(g, first.side);
    return {
      value: Number.isFinite(far) ? Math.max(best, far) : best,
      at: parts.length === 2 ? '|z| → ∞' : describe(first),
    };
  }
  // Several plateaus, as hardshrink's "z ≤ -0.5 or z > 0.5" (a one-sided kink convention is never symmetric).
  return {
    value: best,
    at: parts
      .filter((q) => q.kind !== 'point')
      .map(describe)
      .join(' or '),
  };
}

function describe(part: Part): string {
  if (part.kind === 'point') return `z = ${tableNumber(part.z)}`;
  if (part.kind === 'tail') return part.side > 0 ? 'z → ∞' : 'z → -∞';
  const { lo, hi } = part;
  const lt = (e: End) => (e.closed ? '≤' : '<');
  if (lo && hi) return `${tableNumber(lo.z)} ${lt(lo)} z ${lt(hi)} ${tableNumber(hi.z)}`;
  if (hi) return `z ${lt(hi)} ${tableNumber(hi.z)}`;
  return lo ? `z ${lo.closed ? '≥' : '>'} ${tableNumber(lo.z)}` : 'every z';
}

/** Whether g (|f'|) dies out on that side: its farthest finite value is a millionth of its peak. */
function settlesToZero(g: G, side: number, peak: number): boolean {
  const far = tail(g, side).at(-1);
  return far !== undefined && far <= 1e-6 * Math.max(1, Number.isFinite(peak) ? peak : 1);
}
