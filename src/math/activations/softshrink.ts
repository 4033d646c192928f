import { type Break, defineActivation } from './types.ts';

const lambd = {
  kind: 'number',
  default: 0.5,
  description: 'half-width of the dead zone',
  check: (l: number) => (l >= 0 ? undefined : 'must be ≥ 0'),
  range: { min: 0, max: 2, step: 0.05 },
} as const;
export { lambd as lambdParam };

/** Where a shrink's pieces meet, ±lambd (one point for lambd = 0): f there is a `f` (kink or jump), f' jumps. */
export const shrinkBreaks =
  (f: 'kink' | 'jump') =>
  (p: { lambd: number }): Required<Break>[] =>
    p.lambd === 0
      ? [{ z: 0, f: 'smooth', df: 'jump', d2f: 'smooth' }]
      : [
          { z: -p.lambd, f, df: 'jump', d2f: 'smooth' },
          { z: p.lambd, f, df: 'jump', d2f: 'smooth' },
        ];

export const softshrink = defineActivation<{ lambd: number }>({
  name: 'softshrink',
  displayName: 'Softshrink',
  init: 'xavier',
  params: { lambd },
  f: (z, p) => (z > p.lambd ? z - p.lambd : z < -p.lambd ? z + p.lambd : 0),
  // softshrink_backward zeroes the gradient on the closed interval [-lambd, lambd].
  df: (z, p) => (z >= -p.lambd && z <= p.lambd ? 0 : 1),
  // Linear pieces: f'' is 0, at the kinks too (the double backward of its backward is zeros_like).
  d2f: () => 0,
  latex: {
    f:
      '\\begin{cases} z - \\lambda & z > \\lambda \\\\ ' +
      'z + \\lambda & z < -\\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
    df: '\\begin{cases} 1 & |z| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  breaks: shrinkBreaks('kink'),
  properties: (p) => ({
    range: '(-∞, ∞)',
    monotonic: true,
    zeroCentred: true,
    smoothness: p.lambd === 0 ? 'C∞' : 'C⁰',
    maxAbsDerivative: { value: 1, at: `|z| > ${p.lambd}` },
    saturating: false,
  }),
});
