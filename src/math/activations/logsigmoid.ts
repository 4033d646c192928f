import { defineActivation } from './types.ts';
import { sigmoid, sigmoidGrad, softplus } from './math.ts';

export const logsigmoid = defineActivation({
  name: 'logsigmoid',
  displayName: 'LogSigmoid',
  init: 'xavier',
  params: {},
  f: (z) => -softplus(-z),
  df: (z) => sigmoid(-z),
  // log_sigmoid_double_backward: (σ(z) - 1)·σ(z) = -σ'(z).
  d2f: (z) => -sigmoidGrad(z),
  latex: { f: '\\log \\sigma(z) = -\\log\\left(1 + e^{-z}\\right)', df: '1 - \\sigma(z)' },
  breaks: () => [],
  properties: () => ({
    range: '(-∞, 0)',
    monotonic: true,
    zeroCentred: false,
    smoothness: 'C∞',
    maxAbsDerivative: { value: 1, at: 'z → -∞' },
    saturating: false,
  }),
});
