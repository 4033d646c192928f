import { defineActivation } from './types.ts';

export const relu = defineActivation({
  name: 'relu',
  displayName: 'ReLU',
  // He (Kaiming): Var(w) = 2/n makes up for the half of its inputs that ReLU zeroes.
  init: 'he',
  params: {},
  f: (z) => (z > 0 ? z : 0),
  // PyTorch's threshold_backward passes the gradient only where the output is > 0, so relu'(0) = 0.
  df: (z) => (z > 0 ? 1 : 0),
  // Linear pieces: f'' is 0, at the kinks too (the double backward of its backward is zeros_like).
  d2f: () => 0,
  latex: { f: '\\max(0, z)', df: '\\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}' },
  breaks: () => [{ z: 0, f: 'kink', df: 'jump', d2f: 'smooth' }],
  properties: () => ({
    range: '[0, ∞)',
    monotonic: true,
    zeroCentred: false,
    smoothness: 'C⁰',
    maxAbsDerivative: { value: 1, at: 'z > 0' },
    saturating: false,
  }),
});
