import { defineActivation } from './types.ts';
import { leaky } from './leaky.ts';

type P = { lower: number; upper: number };
// In evaluation mode (training=False) rrelu is leaky_relu with the fixed slope (lower + upper) / 2.
const slope = (p: P) => (p.lower + p.upper) / 2;

export const rrelu = defineActivation<P>({
  name: 'rrelu',
  displayName: 'RReLU (eval)',
  init: 'he',
  params: {
    // Two sliders make every combination: 11 × 10 values. The default upper, 1/3, lies on no decimal
    // grid; an interactive page shifts the grid to pass through it (1/3 ± k·0.05).
    lower: {
      kind: 'number',
      default: 1 / 8,
      description: 'lower bound of the random slope',
      range: { min: 0, max: 0.3, step: 0.05 },
    },
    upper: {
      kind: 'number',
      default: 1 / 3,
      description: 'upper bound of the random slope',
      range: { min: 0, max: 0.6, step: 0.1 },
    },
  },
  validate: (p) => (p.lower > p.upper ? { key: 'upper', message: `must be ≥ lower (${p.lower})` } : undefined),
  f: (z, p) => leaky.f(z, slope(p)),
  df: (z, p) => leaky.df(z, slope(p)),
  d2f: () => leaky.d2f(),
  latex: leaky.latex('\\tfrac{l + u}{2}'),
  breaks: (p) => leaky.breaks(slope(p)),
  properties: (p) => leaky.properties(slope(p)),
});
