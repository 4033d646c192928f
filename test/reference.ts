// An independent, high-precision (60 digit) reference for every activation and its first two derivatives,
// written from the mathematical definitions with decimal.js. It shares no code with src/.
// The only doubles it takes from PyTorch are its constants (SELU's, gelu-tanh's 0.044715, hardsigmoid's 1/6).
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 60, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
type Dec = InstanceType<typeof D>;
const ONE = new D(1);
const PI = D.acos(-1);
const SQRT2 = D.sqrt(2);

// e^x and tanh x, short-cut where the result is within 1e-800 of 0 or ±1 (far below a double's
// resolution), because decimal.js would spend minutes on e^(-1e10) to the last of its 60 digits.
const exp = (x: Dec) => (x.lt(-2000) ? new D(0) : x.exp());
const tanh = (x: Dec) => (x.abs().gt(2000) ? new D(x.isNeg() ? -1 : 1) : x.tanh());
// log(1 + x) without losing x when it is below the working precision.
const ln1p = (x: Dec) => (x.abs().lt('1e-12') ? x.minus(x.times(x).div(2)).plus(x.pow(3).div(3)) : ONE.plus(x).ln());
// e^x - 1 without losing x when it is below the working precision.
const expm1 = (x: Dec) => (x.abs().lt('1e-12') ? x.plus(x.times(x).div(2)).plus(x.pow(3).div(6)) : exp(x).minus(1));
// sech²(x) = 1/cosh²(x): 1 - tanh² would cancel to 0 in the tails.
const sech2 = (x: Dec) => (x.abs().gt(2000) ? new D(0) : ONE.div(x.cosh().pow(2)));
const sig = (z: Dec) => (z.gte(0) ? ONE.div(ONE.plus(exp(z.neg()))) : exp(z).div(ONE.plus(exp(z))));
const sp = (z: Dec) => (z.gt(0) ? z.plus(ln1p(exp(z.neg()))) : ln1p(exp(z)));

/** erfc(x), by its Taylor series for |x| < 3 and by a continued fraction beyond. */
function erfc(x: Dec): Dec {
  if (x.lt(0)) return new D(2).minus(erfc(x.neg()));
  if (x.lt(3)) {
    // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    const x2 = x.times(x);
    for (let n = 1; n < 400; n++) {
      term = term.times(x2).neg().div(n);
      const add = term.div(2 * n + 1);
      sum = sum.plus(add);
      if (add.abs().lt(new D('1e-70'))) break;
    }
    return ONE.minus(sum.times(2).div(PI.sqrt()));
  }
  // erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail.
  let frac = x;
  for (let k = 600; k >= 1; k--) frac = x.plus(new D(k).div(2).div(frac));
  return exp(x.times(x).neg()).div(PI.sqrt()).div(frac);
}

const Phi = (z: Dec) => erfc(z.neg().div(SQRT2)).div(2);
const phi = (z: Dec) => exp(z.times(z).div(-2)).div(PI.times(2).sqrt());

type Ref = (z: Dec, p: Record<string, number | string>) => [Dec, Dec];
const n = (v: number | string) => new D(v as number);
const piece = (cond: boolean, a: [Dec, Dec], b: [Dec, Dec]) => (cond ? a : b);
const leaky = (z: Dec, s: Dec): [Dec, Dec] => piece(z.gt(0), [z, ONE], [z.times(s), s]);
const ZERO = new D(0);

export const reference: Record<string, Ref> = {
  sigmoid: (z) => [sig(z), sig(z).times(sig(z.neg()))],
  tanh: (z) => [tanh(z), sech2(z)],
  relu: (z) => piece(z.gt(0), [z, ONE], [ZERO, ZERO]),
  relu6: (z) => (z.lte(0) ? [ZERO, ZERO] : z.gte(6) ? [new D(6), ZERO] : [z, ONE]),
  leaky_relu: (z, p) => leaky(z, n(p.negative_slope)),
  prelu: (z, p) => leaky(z, n(p.weight)),
  rrelu: (z, p) => leaky(z, n(p.lower).plus(n(p.upper)).div(2)),
  elu: (z, p) => piece(z.gt(0), [z, ONE], [n(p.alpha).times(expm1(z)), n(p.alpha).times(exp(z))]),
  celu: (z, p) => {
    const a = n(p.alpha);
    const e = exp(z.div(a));
    return piece(z.gt(0), [z, ONE], [a.times(expm1(z.div(a))), e]);
  },
  selu: (z) => {
    const scale = new D(1.0507009873554804934193349852946);
    const alpha = new D(1.6732632423543772848170429916717);
    return piece(
      z.gt(0),
      [z.times(scale), scale],
      [scale.times(alpha).times(expm1(z)), scale.times(alpha).times(exp(z))],
    );
  },
  gelu: (z, p) => {
    if (p.approximate !== 'tanh') return [z.times(Phi(z)), Phi(z).plus(z.times(phi(z)))];
    const beta = new D(2).div(PI).sqrt();
    const kappa = new D(0.044715);
    const u = beta.times(z.plus(kappa.times(z.pow(3))));
    const du = beta.times(ONE.plus(kappa.times(3).times(z.times(z))));
    // 1 + tanh u = 2σ(2u): the left form cancels to 0 at 60 digits once u < -70.
    const onePlusT = sig(u.times(2)).times(2);
    return [z.times(onePlusT).div(2), onePlusT.div(2).plus(z.div(2).times(sech2(u)).times(du))];
  },
  silu: (z) => {
    const s = sig(z);
    return [z.times(s), s.plus(z.times(s).times(sig(z.neg())))];
  },
  mish: (z) => {
    const t = tanh(sp(z));
    return [z.times(t), t.plus(z.times(sig(z)).times(sech2(sp(z))))];
  },
  softplus: (z, p) => {
    const b = n(p.beta);
    if (b.times(z).gt(n(p.threshold))) return [z, ONE];
    return [sp(b.times(z)).div(b), sig(b.times(z))];
  },
  softsign: (z) => {
    const d = ONE.plus(z.abs());
    return [z.div(d), ONE.div(d.times(d))];
  },
  hardtanh: (z, p) =>
    z.lte(n(p.min_val)) ? [n(p.min_val), ZERO] : z.gte(n(p.max_val)) ? [n(p.max_val), ZERO] : [z, ONE],
  // PyTorch's hardsigmoid_backward multiplies by the float 1.0f/6.0f, also in float64: its value, not 1/6.
  hardsigmoid: (z) =>
    z.lte(-3) ? [ZERO, ZERO] : z.gte(3) ? [ONE, ZERO] : [z.div(6).plus(0.5), new D(Math.fround(1 / 6))],
  // PyTorch 2.x's hardswish_backward: the outer pieces' slopes at ±3 (0 and 1).
  hardswish: (z) => (z.lte(-3) ? [ZERO, ZERO] : z.gte(3) ? [z, ONE] : [z.times(z.plus(3)).div(6), z.div(3).plus(0.5)]),
  logsigmoid: (z) => [sp(z.neg()).neg(), sig(z.neg())],
  tanhshrink: (z) => {
    const t = tanh(z);
    return [z.minus(t), t.times(t)];
  },
  softshrink: (z, p) => {
    const l = n(p.lambd);
    return z.gt(l) ? [z.minus(l), ONE] : z.lt(l.neg()) ? [z.plus(l), ONE] : [ZERO, ZERO];
  },
  hardshrink: (z, p) => {
    const l = n(p.lambd);
    return z.abs().lte(l) ? [ZERO, ZERO] : [z, ONE];
  },
  threshold: (z, p) => (z.gt(n(p.threshold)) ? [z, ONE] : [n(p.value), ZERO]),
};

// Second derivatives, as PyTorch's double backward returns them: 0 on linear pieces and at their kinks;
// where a curved piece meets a linear one, autograd's own mask decides (elu's is z < 0, hardswish's
// -3 < z < 3, softplus's β·z < threshold). Written in forms other than src's where that is practical.
type Ref2 = (z: Dec, p: Record<string, number | string>) => Dec;

/** 1 - 2σ(z) = -sign(z)·(1 - e^-|z|)/(1 + e^-|z|), with no cancellation near 0 nor overflow. */
const oneMinus2Sig = (z: Dec) => {
  const e = exp(z.abs().neg());
  const t = expm1(z.abs().neg()).neg().div(ONE.plus(e));
  return z.isNeg() ? t : t.neg();
};
const sigGrad = (z: Dec) => sig(z).times(sig(z.neg()));
// tanh''(z) = -2 sinh(z)/cosh³(z); beyond |z| = 2000 it is below 1e-1700.
const tanh2 = (z: Dec) => (z.abs().gt(2000) ? new D(0) : z.sinh().times(-2).div(z.cosh().pow(3)));

/**
 * mish(z) = z·g(z), g = tanh(softplus z) = w(w + 2)/(w² + 2w + 2) with w = e^z: g' = 4w(w + 1)/d² and
 * g'' = 4w(2w + 1)/d² - 16w²(w + 1)²/d³ (d = w² + 2w + 2); for z > 0 the same in v = e^-z, divided
 * through by w⁴ and w⁶. Then mish'' = 2g' + z·g''.
 */
function mish2(z: Dec): Dec {
  let g1: Dec;
  let g2: Dec;
  if (z.gt(0)) {
    const v = exp(z.neg());
    const d = ONE.plus(v.times(2)).plus(v.times(v).times(2));
    const v2 = v.times(v);
    g1 = v2.times(4).times(ONE.plus(v)).div(d.pow(2));
    g2 = v2
      .times(4)
      .times(v.plus(2))
      .div(d.pow(2))
      .minus(v2.times(16).times(ONE.plus(v).pow(2)).div(d.pow(3)));
  } else {
    const w = exp(z);
    const d = w.times(w).plus(w.times(2)).plus(2);
    g1 = w.times(4).times(w.plus(1)).div(d.pow(2));
    g2 = w
      .times(4)
      .times(w.times(2).plus(1))
      .div(d.pow(2))
      .minus(w.times(w).times(16).times(w.plus(1).pow(2)).div(d.pow(3)));
  }
  return g1.times(2).plus(z.times(g2));
}

export const reference2: Record<string, Ref2> = {
  sigmoid: (z) => sigGrad(z).times(oneMinus2Sig(z)),
  tanh: (z) => tanh2(z),
  relu: () => ZERO,
  relu6: () => ZERO,
  leaky_relu: () => ZERO,
  prelu: () => ZERO,
  rrelu: () => ZERO,
  elu: (z, p) => (z.lt(0) ? n(p.alpha).times(exp(z)) : ZERO),
  celu: (z, p) => (z.lt(0) ? exp(z.div(n(p.alpha))).div(n(p.alpha)) : ZERO),
  selu: (z) =>
    z.lt(0) ? new D(1.0507009873554804934193349852946).times(1.6732632423543772848170429916717).times(exp(z)) : ZERO,
  gelu: (z, p) => {
    if (p.approximate !== 'tanh') return phi(z).times(new D(2).minus(z.times(z)));
    // f = z·σ(2u): f'' = 4u'q + 2z·u''·q + 4z·u'²·q·(1 - 2σ(2u)), q = σ(2u)σ(-2u).
    const beta = new D(2).div(PI).sqrt();
    const kappa = new D(0.044715);
    const u = beta.times(z.plus(kappa.times(z.pow(3))));
    const du = beta.times(ONE.plus(kappa.times(3).times(z.times(z))));
    const d2u = beta.times(kappa).times(6).times(z);
    const q = sigGrad(u.times(2));
    return q.times(
      du
        .times(4)
        .plus(z.times(d2u).times(2))
        .plus(
          z
            .times(du.pow(2))
            .times(4)
            .times(oneMinus2Sig(u.times(2))),
        ),
    );
  },
  silu: (z) => sigGrad(z).times(new D(2).plus(z.times(oneMinus2Sig(z)))),
  mish: (z) => mish2(z),
  softplus: (z, p) => {
    const b = n(p.beta);
    return b.times(z).lt(n(p.threshold)) ? b.times(sigGrad(b.times(z))) : ZERO;
  },
  softsign: (z) => (z.isZero() ? ZERO : new D(z.isNeg() ? 2 : -2).div(ONE.plus(z.abs()).pow(3))),
  hardtanh: () => ZERO,
  hardsigmoid: () => ZERO,
  hardswish: (z) => (z.gt(-3) && z.lt(3) ? ONE.div(3) : ZERO),
  logsigmoid: (z) => sigGrad(z).neg(),
  tanhshrink: (z) => tanh2(z).neg(),
  softshrink: () => ZERO,
  hardshrink: () => ZERO,
  threshold: () => ZERO,
};

/** f''(z) to 60 digits, rounded to a double. */
export function ref2(name: string, z: number, params: Record<string, number | string>): number {
  return reference2[name](new D(z), params).toNumber();
}

/** [f(z), f'(z)] to 60 digits, rounded to doubles. */
export function ref(name: string, z: number, params: Record<string, number | string>): [number, number] {
  const [y, dy] = reference[name](new D(z), params);
  return [y.toNumber(), dy.toNumber()];
}
