import { negativeScale } from './elu.ts';
import { defineActivation } from './types.ts';

export const celu = defineActivation<{ alpha: number }>({
  name: 'celu',
  displayName: 'CELU',
  init: 'he',
  params: { alpha: { ...negativeScale, check: (a: number) => (a > 0 ? undefined : 'must be > 0') } },
  f: (z, p) => (z > 0 ? z : p.alpha * Math.expm1(z / p.alpha)),
  // celu is elu with input scale 1/alpha; its backward at z <= 0 is e^(z/alpha), so celu'(0) = 1.
  df: (z, p) => (z > 0 ? 1 : Math.exp(z / p.alpha)),
  // elu_double_backward with input_scale 1/alpha, masked by z < 0: e^(z/alpha)/alpha below 0, celu''(0) = 0.
  d2f: (z, p) => (z < 0 ? Math.exp(z / p.alpha) / p.alpha : 0),
  latex: {
    f: '\\max(0, z) + \\min\\!\\left(0, \\alpha\\,(e^{z/\\alpha} - 1)\\right)',
    df: '\\begin{cases} 1 & z > 0 \\\\ e^{z/\\alpha} & z \\le 0 \\end{cases}',
  },
  breaks: () => [{ z: 0, f: 'smooth', df: 'kink', d2f: 'jump' }],
  properties: (p) => ({
    range: `(${-p.alpha}, ∞)`,
    monotonic: true,
    zeroCentred: true,
    smoothness: 'C¹',
    maxAbsDerivative: { value: 1, at: 'z ≥ 0' },
    saturating: false,
  }),
});
