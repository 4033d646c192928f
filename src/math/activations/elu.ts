import { defineActivation, type NumberParam } from './types.ts';

/** ELU's (and CELU's) alpha: the scale of the negative part. */
export const negativeScale = {
  kind: 'number',
  default: 1,
  description: 'scale of the negative part',
  range: { min: 0.1, max: 2.5, step: 0.05 },
} as const satisfies NumberParam;

export const elu = defineActivation<{ alpha: number }>({
  name: 'elu',
  displayName: 'ELU',
  init: 'he',
  params: { alpha: negativeScale },
  f: (z, p) => (z > 0 ? z : p.alpha * Math.expm1(z)),
  // PyTorch's elu_backward takes the negative branch for z <= 0, so elu'(0) = alpha.
  df: (z, p) => (z > 0 ? 1 : p.alpha * Math.exp(z)),
  // elu_double_backward masks with z < 0 (not z <= 0): elu''(0) = 0, although elu'(0) = alpha.
  d2f: (z, p) => (z < 0 ? p.alpha * Math.exp(z) : 0),
  latex: {
    f: '\\begin{cases} z & z > 0 \\\\ \\alpha\\,(e^{z} - 1) & z \\le 0 \\end{cases}',
    df: '\\begin{cases} 1 & z > 0 \\\\ \\alpha\\,e^{z} & z \\le 0 \\end{cases}',
  },
  breaks: (p) => [
    {
      z: 0,
      f: p.alpha === 1 ? 'smooth' : 'kink',
      df: p.alpha === 1 ? 'kink' : 'jump',
      d2f: p.alpha === 0 ? 'smooth' : 'jump',
    },
  ],
  properties: (p) => ({
    range: p.alpha >= 0 ? `(${-p.alpha}, ∞)` : '(-∞, ∞)',
    monotonic: p.alpha >= 0,
    zeroCentred: p.alpha > 0,
    smoothness: p.alpha === 1 ? 'C¹' : 'C⁰',
    // elu'(0) = α (autograd's mask is z <= 0): with |α| = 1 the plateau of 1 includes 0, as CELU's does.
    maxAbsDerivative:
      Math.abs(p.alpha) > 1
        ? { value: Math.abs(p.alpha), at: 0 }
        : { value: 1, at: Math.abs(p.alpha) === 1 ? 'z ≥ 0' : 'z > 0' },
    saturating: false,
  }),
});
