import { defineActivation } from './types.ts';

export const softsign = defineActivation({
  name: 'softsign',
  displayName: 'Softsign',
  init: 'xavier',
  params: {},
  f: (z) => z / (1 + Math.abs(z)),
  df: (z) => {
    const d = 1 + Math.abs(z);
    return 1 / (d * d);
  },
  // -2 sign(z) / (1 + |z|)³; autograd through |z| uses sign(0) = 0, so f''(0) = 0 between the limits ±2.
  d2f: (z) => {
    const d = 1 + Math.abs(z);
    return (z > 0 ? -2 : z < 0 ? 2 : 0) / (d * d * d);
  },
  latex: { f: '\\frac{z}{1 + |z|}', df: '\\frac{1}{(1 + |z|)^2}' },
  breaks: () => [{ z: 0, f: 'smooth', df: 'kink', d2f: 'jump' }],
  properties: () => ({
    range: '(-1, 1)',
    monotonic: true,
    zeroCentred: true,
    smoothness: 'C¹',
    maxAbsDerivative: { value: 1, at: 0 },
    saturating: true,
  }),
});
