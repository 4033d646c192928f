import { defineActivation } from './types.ts';
import { leaky } from './leaky.ts';

export const prelu = defineActivation<{ weight: number }>({
  name: 'prelu',
  displayName: 'PReLU',
  init: 'he',
  // nn.PReLU initialises its learnable weight to 0.25.
  params: {
    weight: {
      kind: 'number',
      default: 0.25,
      description: 'learned slope for z ≤ 0 (nn.PReLU initialises it to 0.25)',
      range: { min: 0, max: 1, step: 0.025 },
    },
  },
  f: (z, p) => leaky.f(z, p.weight),
  df: (z, p) => leaky.df(z, p.weight),
  d2f: () => leaky.d2f(),
  latex: leaky.latex('a'),
  breaks: (p) => leaky.breaks(p.weight),
  properties: (p) => leaky.properties(p.weight),
});
