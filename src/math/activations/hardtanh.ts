import { defineActivation } from './types.ts';

type P = { min_val: number; max_val: number };

export const hardtanh = defineActivation<P>({
  name: 'hardtanh',
  displayName: 'Hardtanh',
  init: 'xavier',
  params: {
    min_val: { kind: 'number', default: -1, description: 'lower clamp', range: { min: -1.75, max: -0.25, step: 0.25 } },
    max_val: { kind: 'number', default: 1, description: 'upper clamp', range: { min: 0.25, max: 1.75, step: 0.25 } },
  },
  validate: (p) =>
    p.min_val > p.max_val ? { key: 'max_val', message: `must be ≥ min_val (${p.min_val})` } : undefined,
  f: (z, p) => (z <= p.min_val ? p.min_val : z >= p.max_val ? p.max_val : z),
  // hardtanh_backward passes the gradient only strictly inside (min_val, max_val).
  df: (z, p) => (z > p.min_val && z < p.max_val ? 1 : 0),
  // Linear pieces: f'' is 0, at the kinks too (the double backward of its backward is zeros_like).
  d2f: () => 0,
  latex: {
    f:
      '\\begin{cases} \\text{max\\_val} & z > \\text{max\\_val} \\\\ ' +
      '\\text{min\\_val} & z < \\text{min\\_val} \\\\ z & \\text{otherwise} \\end{cases}',
    df: '\\begin{cases} 1 & \\text{min\\_val} < z < \\text{max\\_val} \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  breaks: (p) => [
    { z: p.min_val, f: 'kink', df: 'jump', d2f: 'smooth' },
    { z: p.max_val, f: 'kink', df: 'jump', d2f: 'smooth' },
  ],
  properties: (p) => ({
    range: `[${p.min_val}, ${p.max_val}]`,
    monotonic: true,
    zeroCentred: p.min_val < 0 && p.max_val > 0,
    smoothness: 'C⁰',
    maxAbsDerivative: { value: 1, at: `${p.min_val} < z < ${p.max_val}` },
    saturating: true,
  }),
});
