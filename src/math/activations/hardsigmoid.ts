import { defineActivation } from './types.ts';

const ONE_SIXTH = Math.fround(1 / 6);

export const hardsigmoid = defineActivation({
  name: 'hardsigmoid',
  displayName: 'Hardsigmoid',
  init: 'xavier',
  params: {},
  // As PyTorch's kernel computes it, min(max(z + 3, 0), 6) / 6: z/6 + 1/2 would cancel just above -3
  // (5.55e-17 at -2.9999999999999996, where PyTorch gives 7.401486830834377e-17).
  f: (z) => Math.min(Math.max(z + 3, 0), 6) / 6,
  // hardsigmoid_backward: 1/6 strictly inside (-3, 3), 0 elsewhere, including at ±3. PyTorch's kernel
  // writes 1/6 as the float literal 1.0f / 6.0f even for float64, so autograd returns 0.1666666716337204.
  df: (z) => (z > -3 && z < 3 ? ONE_SIXTH : 0),
  // Linear pieces: f'' is 0, at the kinks too (the double backward of its backward is zeros_like).
  d2f: () => 0,
  latex: {
    f: '\\begin{cases} 0 & z \\le -3 \\\\ 1 & z \\ge 3 \\\\ z/6 + 1/2 & \\text{otherwise} \\end{cases}',
    df: '\\begin{cases} 1/6 & -3 < z < 3 \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  breaks: () => [
    { z: -3, f: 'kink', df: 'jump', d2f: 'smooth' },
    { z: 3, f: 'kink', df: 'jump', d2f: 'smooth' },
  ],
  properties: () => ({
    range: '[0, 1]',
    monotonic: true,
    zeroCentred: false,
    smoothness: 'C⁰',
    maxAbsDerivative: { value: ONE_SIXTH, at: '-3 < z < 3' },
    saturating: true,
  }),
});
