import type { MathNode } from 'mathjs';
import type { ParamValues } from '../activations/types.ts';
import { mathjs } from './mathjs.ts';
import { callName, isCall, isCond, isNum, isOp, isSym, isTest } from './nodes.ts';
import { type Fn, numeric } from './numeric.ts';

/** Taylor coefficients c_k = g⁽ᵏ⁾(z)/k! of a function at a point; shorter after a 0/0 is cancelled. */
type Series = number[];

/**
 * Coefficients carried: enough that after a 0/0 of a few orders is cancelled, the series still gives f''' near
 * its point to double precision (see `near`).
 */
const ORDER = 16;

const constant = (x: number): Series => [x, ...new Array<number>(ORDER - 1).fill(0)];
const len = (...s: Series[]) => Math.min(...s.map((x) => x.length));

function mul(a: Series, b: Series): Series {
  const n = len(a, b);
  return Array.from({ length: n }, (_, k) => {
    let s = 0;
    for (let j = 0; j <= k; j++) s += a[j] * b[k - j];
    return s;
  });
}

/** a / b; leading coefficients that are 0 in both are cancelled first (l'Hôpital, as sin(z)/z at 0). */
function div(a: Series, b: Series): Series {
  let [x, y] = [a, b];
  while (y.length > 1 && y[0] === 0 && x[0] === 0) [x, y] = [x.slice(1), y.slice(1)];
  const n = len(x, y);
  const q: Series = [];
  for (let k = 0; k < n; k++) {
    let s = x[k];
    for (let j = 0; j < k; j++) s -= q[j] * y[k - j];
    q.push(s / y[0]);
  }
  return q;
}

/** g(u) from g(u₀) and the series h of g'(u): g_k = (1/k) Σ j·u_j·h_(k-j). */
function integrate(g0: number, u: Series, h: (g: Series) => Series): Series {
  const g: Series = [g0];
  for (let k = 1; k < u.length; k++) {
    const d = h(g);
    let s = 0;
    for (let j = 1; j <= k; j++) s += j * u[j] * (d[k - j] ?? NaN);
    g.push(s / k);
  }
  return g;
}

/** u^a for a constant a: w_k = (1/(k·u₀)) Σ ((a + 1)j - k)·u_j·w_(k-j); by products when u₀ = 0. */
function power(u: Series, a: number, w0 = u[0] ** a): Series {
  if (u[0] === 0) {
    if (!Number.isInteger(a) || a < 0) return u.map(() => NaN);
    let out = constant(1).slice(0, u.length);
    for (let i = 0; i < a; i++) out = mul(out, u);
    return out;
  }
  const w: Series = [w0];
  for (let k = 1; k < u.length; k++) {
    let s = 0;
    for (let j = 1; j <= k; j++) s += ((a + 1) * j - k) * u[j] * w[k - j];
    w.push(s / (k * u[0]));
  }
  return w;
}

const add = (a: Series, b: Series, sign = 1) => Array.from({ length: len(a, b) }, (_, k) => a[k] + sign * b[k]);
const scale = (a: Series, c: number) => a.map((x) => c * x);
const exp = (u: Series, g0 = Math.exp(u[0])) => integrate(g0, u, (g) => [Math.exp(u[0]), ...g.slice(1)]);
const log = (u: Series) => integrate(Math.log(u[0]), u, () => div(constant(1), u));
const square = (u: Series) => mul(u, u);

/** sin and cos (or sinh and cosh, hyperbolic) together: s' = c·u', c' = ∓s·u'. */
function trig(u: Series, hyperbolic: boolean): [Series, Series] {
  const s = [hyperbolic ? Math.sinh(u[0]) : Math.sin(u[0])];
  const c = [hyperbolic ? Math.cosh(u[0]) : Math.cos(u[0])];
  for (let k = 1; k < u.length; k++) {
    let [ds, dc] = [0, 0];
    for (let j = 1; j <= k; j++) {
      ds += j * u[j] * c[k - j];
      dc += j * u[j] * s[k - j];
    }
    s.push(ds / k);
    c.push(((hyperbolic ? 1 : -1) * dc) / k);
  }
  return [s, c];
}

function apply(name: string, args: Series[]): Series {
  const [u, v] = args;
  const one = constant(1).slice(0, u.length);
  switch (name) {
    case 'exp':
      return exp(u);
    case 'expm1':
      return exp(u, Math.expm1(u[0])).map((x, k) => (k === 0 ? Math.expm1(u[0]) : x));
    case 'log':
      return v ? div(log(u), log(v)) : log(u);
    case 'log10':
      return scale(log(u), 1 / Math.LN10);
    case 'log1p':
      return integrate(Math.log1p(u[0]), u, () => div(one, add(one, u)));
    case 'sqrt':
      return power(u, 0.5, Math.sqrt(u[0]));
    case 'cbrt':
      return power(u, 1 / 3, Math.cbrt(u[0]));
    case 'sin':
    case 'cos': {
      const [s, c] = trig(u, false);
      return name === 'sin' ? s : c;
    }
    case 'sinh':
    case 'cosh': {
      const [s, c] = trig(u, true);
      return name === 'sinh' ? s : c;
    }
    case 'tan':
      return div(...trig(u, false));
    case 'tanh':
      return div(...trig(u, true));
    case 'asin':
      return integrate(Math.asin(u[0]), u, () => power(add(one, square(u), -1), -0.5));
    case 'acos':
      return integrate(Math.acos(u[0]), u, () => scale(power(add(one, square(u), -1), -0.5), -1));
    case 'atan':
      return integrate(Math.atan(u[0]), u, () => div(one, add(one, square(u))));
    case 'asinh':
      return integrate(Math.asinh(u[0]), u, () => power(add(one, square(u)), -0.5));
    case 'atanh':
      return integrate(Math.atanh(u[0]), u, () => div(one, add(one, square(u), -1)));
    case 'erf':
      return integrate(erf(u[0]), u, () => scale(exp(scale(square(u), -1)), 2 / Math.sqrt(Math.PI)));
    default:
      return u.map(() => NaN);
  }
}

let erfFn: Fn | undefined;
/** erf as compiled formulas compute it (mathjs's), for the series' first coefficient. */
const erf = (x: number) => {
  erfFn ??= numeric(mathjs().parse('erf(z)'), []);
  return erfFn(x, {});
};

/**
 * The Taylor coefficients of a tree at z, by Taylor arithmetic (truncated power series) in double precision.
 * A 0/0 whose leading coefficients are exactly 0 is cancelled: the removable singularity behind a guard,
 * such as `z == 0 ? 1 : (exp(z) - 1)/z` at 0, has the limits of the other branch, f'(0) = 1/2 and
 * f''(0) = 1/3. Conditions are decided in double precision, as the sided tree (`tree` is one) decides
 * them for f' and f'', so each conditional follows the branch the derivatives take.
 */
export function series(
  tree: MathNode,
  defaults: readonly (readonly [string, number])[],
  z: number,
  p: ParamValues,
): Series {
  const conditions = new Map<MathNode, Fn>();
  const value = (n: MathNode): Series => {
    if (isNum(n)) return constant(typeof n.value === 'number' ? n.value : NaN);
    if (isSym(n)) {
      if (n.name === 'z') return [z, 1, ...new Array<number>(ORDER - 2).fill(0)];
      if (n.name === 'pi') return constant(Math.PI);
      if (n.name === 'e') return constant(Math.E);
      const fallback = defaults.find(([key]) => key === n.name)?.[1] ?? NaN;
      const given = p[n.name];
      return constant(typeof given === 'number' ? given : fallback);
    }
    if (isCond(n) || isTest(n)) {
      const test = isCond(n) ? n.condition : n;
      let decide = conditions.get(test);
      if (!decide) conditions.set(test, (decide = numeric(test, defaults)));
      const holds = decide(z, p) !== 0;
      if (!isCond(n)) return constant(holds ? 1 : 0);
      return value(holds ? n.trueExpr : n.falseExpr);
    }
    if (isOp(n)) {
      const args = n.args.map(value);
      switch (n.fn) {
        case 'add':
          return add(args[0], args[1]);
        case 'subtract':
          return add(args[0], args[1], -1);
        case 'multiply':
          return mul(args[0], args[1]);
        case 'divide':
          return div(args[0], args[1]);
        case 'unaryMinus':
          return scale(args[0], -1);
        case 'pow': {
          const [u, w] = args;
          if (w.every((x, k) => k === 0 || x === 0)) return power(u, w[0]);
          return exp(mul(w, log(u)));
        }
      }
    }
    if (isCall(n)) return apply(callName(n), n.args.map(value));
    return constant(NaN);
  };
  return value(tree);
}

/**
 * The size of the last term of `derivativeAt(c, k, h)`: about the error of cutting the series there, for a
 * series whose terms shrink (one that converges slowly, near a singularity of the other branch, does not).
 */
export function lastTerm(c: Series, k: number, h: number): number {
  const j = c.length - 1;
  if (j < k) return NaN;
  let falling = 1;
  for (let i = 0; i < k; i++) falling *= j - i;
  return Math.abs(falling * c[j] * h ** (j - k));
}

/** The k-th derivative at z0 + h of the function whose coefficients at z0 are c: Σ j!/(j-k)!·c_j·h^(j-k). */
export function derivativeAt(c: Series, k: number, h: number): number {
  let sum = 0;
  for (let j = c.length - 1; j >= k; j--) {
    let falling = 1;
    for (let i = 0; i < k; i++) falling *= j - i;
    sum = sum * h + falling * c[j];
  }
  return c.length > k ? sum : NaN;
}
