import { defineActivation } from './types.ts';
import { lambdParam, shrinkBreaks } from './softshrink.ts';

export const hardshrink = defineActivation<{ lambd: number }>({
  name: 'hardshrink',
  displayName: 'Hardshrink',
  init: 'xavier',
  params: { lambd: lambdParam },
  f: (z, p) => (z >= -p.lambd && z <= p.lambd ? 0 : z),
  // hardshrink_backward zeroes the gradient on the closed interval [-lambd, lambd].
  df: (z, p) => (z >= -p.lambd && z <= p.lambd ? 0 : 1),
  // Linear pieces: f'' is 0, at the kinks too (the double backward of its backward is zeros_like).
  d2f: () => 0,
  latex: {
    f: '\\begin{cases} z & |z| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
    df: '\\begin{cases} 1 & |z| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  breaks: shrinkBreaks('jump'),
  properties: (p) => ({
    range: p.lambd === 0 ? '(-∞, ∞)' : `(-∞, ${-p.lambd}) ∪ {0} ∪ (${p.lambd}, ∞)`,
    monotonic: true,
    zeroCentred: true,
    smoothness: p.lambd === 0 ? 'C⁰' : 'discontinuous',
    maxAbsDerivative: { value: 1, at: `|z| > ${p.lambd}` },
    saturating: false,
  }),
});
