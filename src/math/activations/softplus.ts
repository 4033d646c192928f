import { defineActivation } from './types.ts';
import { sigmoid, sigmoidGrad, softplus as sp } from './math.ts';

type P = { beta: number; threshold: number };

export const softplus = defineActivation<P>({
  name: 'softplus',
  displayName: 'Softplus',
  init: 'xavier',
  params: {
    beta: {
      kind: 'number',
      default: 1,
      description: 'sharpness',
      check: (b) => (b === 0 ? 'must not be 0' : undefined),
      range: { min: 0.25, max: 6, step: 0.25 },
    },
    // Coarse: two sliders make every combination (24 × 5), and only a small threshold shows on a plot.
    threshold: {
      kind: 'number',
      default: 20,
      description: 'above beta·z > threshold PyTorch returns z itself',
      // Where PyTorch switches to the linear form: it changes no drawn curve, so it gets no slider.
      range: false,
    },
  },
  // PyTorch reverts to the identity where beta·z > threshold, for numerical stability; so do we, so the
  // numbers are PyTorch's. Below it, the stable form never overflows even for a large threshold.
  f: (z, p) => (p.beta * z > p.threshold ? z : sp(p.beta * z) / p.beta),
  df: (z, p) => (p.beta * z > p.threshold ? 1 : sigmoid(p.beta * z)),
  // softplus_double_backward: β·σ'(βz) masked by βz < threshold, so at βz = threshold f' is σ(βz) but f''
  // is already 0.
  d2f: (z, p) => (p.beta * z < p.threshold ? p.beta * sigmoidGrad(p.beta * z) : 0),
  latex: { f: '\\frac{1}{\\beta}\\log\\left(1 + e^{\\beta z}\\right)', df: '\\sigma(\\beta z)' },
  breaks: () => [],
  properties: (p) => ({
    range: p.beta > 0 ? '(0, ∞)' : '(-∞, 0)',
    monotonic: true,
    zeroCentred: false,
    smoothness: 'C∞',
    maxAbsDerivative: { value: 1, at: p.beta > 0 ? 'z → ∞' : 'z → -∞' },
    saturating: false,
  }),
});
