import { defineActivation } from './types.ts';
import { sigmoid as s, sigmoidGrad, sigmoidGrad2 } from './math.ts';

export const sigmoid = defineActivation({
  name: 'sigmoid',
  displayName: 'Sigmoid',
  // Xavier (Glorot): the initialisation made for saturating activations such as sigmoid and tanh.
  init: 'xavier',
  params: {},
  f: (z) => s(z),
  df: (z) => sigmoidGrad(z),
  d2f: (z) => sigmoidGrad2(z),
  latex: { f: '\\sigma(z) = \\frac{1}{1 + e^{-z}}', df: "\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))" },
  breaks: () => [],
  properties: () => ({
    range: '(0, 1)',
    monotonic: true,
    zeroCentred: false,
    smoothness: 'C∞',
    maxAbsDerivative: { value: 0.25, at: 0 },
    saturating: true,
  }),
});
