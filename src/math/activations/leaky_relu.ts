import { defineActivation } from './types.ts';
import { leaky } from './leaky.ts';

export const leaky_relu = defineActivation<{ negative_slope: number }>({
  name: 'leaky_relu',
  displayName: 'Leaky ReLU',
  init: 'he',
  params: {
    negative_slope: {
      kind: 'number',
      default: 0.01,
      description: 'slope for z ≤ 0',
      range: { min: 0, max: 0.5, step: 0.01 },
    },
  },
  f: (z, p) => leaky.f(z, p.negative_slope),
  df: (z, p) => leaky.df(z, p.negative_slope),
  d2f: () => leaky.d2f(),
  latex: leaky.latex('\\alpha'),
  breaks: (p) => leaky.breaks(p.negative_slope),
  properties: (p) => leaky.properties(p.negative_slope),
});
