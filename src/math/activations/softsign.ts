import { defineActivation } from './types.ts';

export const softsign = defineActivation({
  name: 'softsign',
  displayName: 'Softsign',
  params: {},
  f: (z) => z / (1 + Math.abs(z)),
  df: (z) => {
    const d = 1 + Math.abs(z);
    return 1 / (d * d);
  },
  latex: { f: '\\frac{z}{1 + |z|}', df: '\\frac{1}{(1 + |z|)^2}' },
  breaks: () => [{ z: 0, f: 'smooth', df: 'kink' }],
  properties: () => ({
    range: '(-1, 1)',
    monotonic: true,
    zeroCentred: true,
    smoothness: 'C¹',
    maxAbsDerivative: { value: 1, at: 0 },
    saturating: true,
  }),
});
