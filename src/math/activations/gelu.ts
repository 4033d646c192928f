import { createRequire } from 'node:module';
import { defineActivation } from './types.ts';
import { argmaxAbs, sech2, sigmoid } from './math.ts';

type P = { approximate: string };
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const BETA = Math.SQRT2 * (2 / Math.sqrt(Math.PI)) * 0.5; // sqrt(2/pi), as PyTorch writes it
const KAPPA = 0.044715;

// @stdlib's erfc is many small modules: loaded on first use, so that commands that never evaluate the
// exact GELU (a no-op build, check) do not pay for it.
const require = createRequire(import.meta.url);
let erfcFn: ((x: number) => number) | undefined;
const erfc = (x: number) => (erfcFn ??= require('@stdlib/math-base-special-erfc') as (x: number) => number)(x);

// Exact GELU: z·Φ(z). Φ(z) = erfc(-z/√2)/2 keeps its relative accuracy for negative z,
// where 1 + erf(z/√2) would cancel to zero long before the true value underflows.
const exact = {
  f: (z: number) => 0.5 * z * erfc(-z * Math.SQRT1_2),
  df: (z: number) => 0.5 * erfc(-z * Math.SQRT1_2) + z * Math.exp(-0.5 * z * z) * INV_SQRT_2PI,
  // d/dz [Φ(z) + zφ(z)] = φ(z) + φ(z) - z²φ(z) = φ(z)(2 - z²), as gelu_double_backward writes it.
  // φ underflows to 0 long before z² overflows: checked first, as 0·∞ would be NaN.
  d2f(z: number) {
    const pdf = Math.exp(-0.5 * z * z) * INV_SQRT_2PI;
    return pdf === 0 ? 0 : pdf * (2 - z * z);
  },
};

// Tanh approximation: ½z(1 + tanh u), u = √(2/π)(z + κz³). 1 + tanh u is written as 2σ(2u) for the same reason.
const inner = (z: number) => BETA * (z + KAPPA * z * z * z);
const approx = {
  f: (z: number) => z * sigmoid(2 * inner(z)),
  df(z: number) {
    const u = inner(z);
    const s2 = sech2(u);
    // s2 underflows to 0 long before z² overflows only if checked first; 0·∞ would be NaN.
    const tail = s2 === 0 ? 0 : 0.5 * z * s2 * BETA * (1 + 3 * KAPPA * z * z);
    return sigmoid(2 * u) + tail;
  },
  // With f = ½z(1 + tanh u): f'' = sech²u·(u' - z·tanh(u)·u'² + ½z·u''), u' = β(1 + 3κz²), u'' = 6βκz:
  // gelu_double_backward's 2·f'gh + g'fh + h'fg, with sech² in its stable form.
  d2f(z: number) {
    const u = inner(z);
    const s2 = sech2(u);
    if (s2 === 0) return 0;
    const du = BETA * (1 + 3 * KAPPA * z * z);
    return s2 * (du - z * Math.tanh(u) * du * du + 3 * BETA * KAPPA * z * z);
  },
};

const pick = (p: P) => (p.approximate === 'tanh' ? approx : exact);

export const gelu = defineActivation<P>({
  name: 'gelu',
  displayName: 'GELU',
  // He, as for the ReLUs it resembles; it does not keep the gradient through depth (test/math/simulate.test.ts).
  init: 'he',
  params: {
    approximate: {
      kind: 'choice',
      default: 'none',
      choices: ['none', 'tanh'],
      description: "'none' (exact, erf) or 'tanh'",
    },
  },
  f: (z, p) => pick(p).f(z),
  df: (z, p) => pick(p).df(z),
  d2f: (z, p) => pick(p).d2f(z),
  latex: {
    f: 'z\\,\\Phi(z) = \\frac{z}{2}\\left(1 + \\operatorname{erf}\\frac{z}{\\sqrt{2}}\\right)',
    df: '\\Phi(z) + z\\,\\varphi(z)',
  },
  breaks: () => [],
  properties(p) {
    const fn = pick(p);
    const min = argmaxAbs(fn.f, -3, 0).value;
    const max = argmaxAbs(fn.df, 0, 5);
    return {
      range: `[${min.toFixed(4)}, ∞)`,
      monotonic: false,
      zeroCentred: true,
      smoothness: 'C∞',
      maxAbsDerivative: max,
      saturating: false,
    };
  },
});
