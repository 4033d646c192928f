import { defineActivation } from './types.ts';

// The constants of torch.nn.SELU (Klambauer et al., 2017).
export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE = 1.0507009873554804934193349852946;

export const selu = defineActivation({
  name: 'selu',
  displayName: 'SELU',
  // LeCun normal: SELU's self-normalising fixed point (mean 0, variance 1) assumes Var(w) = 1/n.
  init: 'lecun',
  params: {},
  f: (z) => SELU_SCALE * (z > 0 ? z : SELU_ALPHA * Math.expm1(z)),
  // elu_backward with scale and alpha: the negative branch covers z <= 0, so selu'(0) = scale·alpha.
  df: (z) => (z > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(z)),
  // elu_double_backward masks with z < 0, so selu''(0) = 0 although selu'(0) = scale·alpha.
  d2f: (z) => (z < 0 ? SELU_SCALE * SELU_ALPHA * Math.exp(z) : 0),
  latex: {
    f: '\\lambda \\begin{cases} z & z > 0 \\\\ \\alpha\\,(e^{z} - 1) & z \\le 0 \\end{cases}',
    df: '\\lambda \\begin{cases} 1 & z > 0 \\\\ \\alpha\\,e^{z} & z \\le 0 \\end{cases}',
  },
  breaks: () => [{ z: 0, f: 'kink', df: 'jump', d2f: 'jump' }],
  properties: () => ({
    range: `(${-(SELU_SCALE * SELU_ALPHA).toFixed(4)}, ∞)`,
    monotonic: true,
    zeroCentred: true,
    smoothness: 'C⁰',
    maxAbsDerivative: { value: SELU_SCALE * SELU_ALPHA, at: 0 },
    saturating: false,
  }),
});
