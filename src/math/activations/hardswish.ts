import { defineActivation } from './types.ts';

export const hardswish = defineActivation({
  name: 'hardswish',
  displayName: 'Hardswish',
  params: {},
  f: (z) => (z <= -3 ? 0 : z >= 3 ? z : (z * (z + 3)) / 6),
  // hardswish_backward as PyTorch introduced it: 0 for z < -3, z/3 + 1/2 for -3 <= z <= 3, 1 above;
  // so f'(-3) = -0.5 and f'(3) = 1.5. (PyTorch has since moved the boundaries: 1.13 returns 1 at z = 3,
  // and later versions also 0 at z = -3. The two conventions differ only at those two points.)
  df: (z) => (z < -3 ? 0 : z <= 3 ? z / 3 + 0.5 : 1),
  // hardswish_backward's own derivative is 1/3 only strictly inside (-3, 3): f''(±3) = 0, unlike f'.
  d2f: (z) => (z > -3 && z < 3 ? 1 / 3 : 0),
  latex: {
    f: '\\begin{cases} 0 & z \\le -3 \\\\ z & z \\ge 3 \\\\ z\\,(z + 3)/6 & \\text{otherwise} \\end{cases}',
    df: '\\begin{cases} 0 & z < -3 \\\\ 1 & z > 3 \\\\ (2z + 3)/6 & \\text{otherwise} \\end{cases}',
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
    maxAbsDerivative: { value: 1.5, at: 3 },
    saturating: false,
  }),
});
