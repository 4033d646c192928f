import { defineActivation } from './types.ts';

export const hardswish = defineActivation({
  name: 'hardswish',
  displayName: 'Hardswish',
  init: 'xavier',
  params: {},
  f: (z) => (z <= -3 ? 0 : z >= 3 ? z : (z * (z + 3)) / 6),
  // hardswish_backward as PyTorch 2.x's kernels (CPU, CUDA and XPU) write it: 0 for z <= -3, z/3 + 1/2
  // strictly inside (-3, 3), 1 for z >= 3; so f'(-3) = 0 and f'(3) = 1, the values of the outer pieces.
  // (PyTorch 1.13's scalar path returns -0.5 and 1.5 there, its vectorised path 0 and 1.)
  df: (z) => (z <= -3 ? 0 : z < 3 ? z / 3 + 0.5 : 1),
  // hardswish_backward's own derivative is 1/3 only strictly inside (-3, 3): f''(±3) = 0.
  d2f: (z) => (z > -3 && z < 3 ? 1 / 3 : 0),
  latex: {
    f: '\\begin{cases} 0 & z \\le -3 \\\\ z & z \\ge 3 \\\\ z\\,(z + 3)/6 & \\text{otherwise} \\end{cases}',
    df: '\\begin{cases} 0 & z \\le -3 \\\\ 1 & z \\ge 3 \\\\ (2z + 3)/6 & \\text{otherwise} \\end{cases}',
  },
  breaks: () => [
    { z: -3, f: 'kink', df: 'jump', d2f: 'jump' },
    { z: 3, f: 'kink', df: 'jump', d2f: 'jump' },
  ],
  properties: () => ({
    range: '[-0.375, ∞)',
    monotonic: false,
    zeroCentred: true,
    smoothness: 'C⁰',
    // f' = z/3 + 1/2 rises to 1.5 as z approaches 3 from below, and is 1 at 3 itself: a supremum, not attained.
    maxAbsDerivative: { value: 1.5, at: 'z → 3⁻' },
    saturating: false,
  }),
});
