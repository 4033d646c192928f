import { defineActivation } from './types.ts';
import { sech2, tanhGrad2 } from './math.ts';

export const tanh = defineActivation({
  name: 'tanh',
  displayName: 'Tanh',
  init: 'xavier',
  params: {},
  f: (z) => Math.tanh(z),
  df: (z) => sech2(z),
  d2f: (z) => tanhGrad2(z),
  latex: { f: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}', df: '1 - \\tanh^2(z)' },
  breaks: () => [],
  properties: () => ({
    range: '(-1, 1)',
    monotonic: true,
    zeroCentred: true,
    smoothness: 'C∞',
    maxAbsDerivative: { value: 1, at: 0 },
    saturating: true,
  }),
});
