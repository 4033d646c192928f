import { defineActivation } from './types.ts';

export const relu6 = defineActivation({
  name: 'relu6',
  displayName: 'ReLU6',
  init: 'he',
  params: {},
  f: (z) => (z <= 0 ? 0 : z >= 6 ? 6 : z),
  // relu6 is hardtanh(z, 0, 6): its backward passes the gradient only strictly inside (0, 6).
  df: (z) => (z > 0 && z < 6 ? 1 : 0),
  // Linear pieces: f'' is 0, at the kinks too (the double backward of its backward is zeros_like).
  d2f: () => 0,
  latex: { f: '\\min(\\max(0, z), 6)', df: '\\begin{cases} 1 & 0 < z < 6 \\\\ 0 & \\text{otherwise} \\end{cases}' },
  breaks: () => [
    { z: 0, f: 'kink', df: 'jump', d2f: 'smooth' },
    { z: 6, f: 'kink', df: 'jump', d2f: 'smooth' },
  ],
  properties: () => ({
    range: '[0, 6]',
    monotonic: true,
    zeroCentred: false,
    smoothness: 'C⁰',
    maxAbsDerivative: { value: 1, at: '0 < z < 6' },
    saturating: true,
  }),
  domain: [-3, 9],
});
