import { defineActivation } from './types.ts';
import { argmaxAbs, sech2, sigmoid, softplus } from './math.ts';

const f = (z: number) => z * Math.tanh(softplus(z));
// PyTorch's mish_backward: tanh(sp) + z·σ(z)·(1 - tanh²(sp)), with sp = softplus(z).
const df = (z: number) => {
  const sp = softplus(z);
  return Math.tanh(sp) + z * sigmoid(z) * sech2(sp);
};

export const mish = defineActivation({
  name: 'mish',
  displayName: 'Mish',
  params: {},
  f: (z) => f(z),
  df: (z) => df(z),
  latex: {
    f: 'z\\,\\tanh(\\operatorname{softplus}(z))',
    df: '\\tanh(\\operatorname{softplus}(z)) + z\\,\\sigma(z)\\,\\operatorname{sech}^2(\\operatorname{softplus}(z))',
  },
  breaks: () => [],
  properties: () => ({
    range: `[${argmaxAbs(f, -5, 0).value.toFixed(4)}, ∞)`,
    monotonic: false,
    zeroCentred: true,
    smoothness: 'C∞',
    maxAbsDerivative: argmaxAbs(df, 0, 6),
    saturating: false,
  }),
});
