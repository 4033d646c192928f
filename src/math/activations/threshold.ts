import { defineActivation } from './types.ts';

type P = { threshold: number; value: number };

export const threshold = defineActivation<P>({
  name: 'threshold',
  displayName: 'Threshold',
  init: 'xavier',
  // torch.nn.Threshold has no defaults; these are the ones PyTorch's own activation gallery plots.
  params: {
    // Two sliders make every combination: 9 × 9 values.
    threshold: {
      kind: 'number',
      default: 0,
      description: 'z at or below which the output is replaced',
      range: { min: -1.5, max: 1.5, step: 0.5 },
    },
    value: { kind: 'number', default: 0.5, description: 'the replacement', range: { min: -1.5, max: 1.5, step: 0.5 } },
  },
  f: (z, p) => (z > p.threshold ? z : p.value),
  // threshold_backward: the gradient passes only where z > threshold.
  df: (z, p) => (z > p.threshold ? 1 : 0),
  // Linear pieces: f'' is 0, at the kinks too (the double backward of its backward is zeros_like).
  d2f: () => 0,
  latex: {
    f: '\\begin{cases} z & z > \\text{threshold} \\\\ \\text{value} & \\text{otherwise} \\end{cases}',
    df: '\\begin{cases} 1 & z > \\text{threshold} \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  breaks: (p) => [{ z: p.threshold, f: p.value === p.threshold ? 'kink' : 'jump', df: 'jump', d2f: 'smooth' }],
  properties: (p) => ({
    range: `{${p.value}} ∪ (${p.threshold}, ∞)`,
    monotonic: p.value <= p.threshold,
    zeroCentred: (0 > p.threshold ? 0 : p.value) === 0 && (p.value < 0 || p.threshold < 0),
    smoothness: p.value === p.threshold ? 'C⁰' : 'discontinuous',
    maxAbsDerivative: { value: 1, at: `z > ${p.threshold}` },
    saturating: false,
  }),
});
