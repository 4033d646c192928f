import { defineActivation } from './types.ts';
import { gatedProperties, sech2, sigmoid, sigmoidGrad, softplus } from './math.ts';

const f = (z: number) => z * Math.tanh(softplus(z));
// PyTorch's mish_backward: tanh(sp) + z·σ(z)·(1 - tanh²(sp)), with sp = softplus(z).
const df = (z: number) => {
  const sp = softplus(z);
  return Math.tanh(sp) + z * sigmoid(z) * sech2(sp);
};
// Differentiating that, with t = tanh(sp), S = sech²(sp) = 1 - t², sp' = σ and S' = -2·S·t·σ:
// f'' = S·(2σ + z·σ' - 2z·σ²·t). For large z, S underflows to 0 long before 2z overflows: checked first, as
// 0·∞ is NaN; for very negative z, σ² (0) multiplies z before 2 does.
const d2f = (z: number) => {
  const sp = softplus(z);
  const s2 = sech2(sp);
  if (s2 === 0) return 0;
  const s = sigmoid(z);
  return s2 * (2 * s + z * sigmoidGrad(z) - 2 * s * s * z * Math.tanh(sp));
};

export const mish = defineActivation({
  name: 'mish',
  displayName: 'Mish',
  // He, as for the ReLUs it resembles; it does not keep the gradient through depth (test/math/simulate.test.ts).
  init: 'he',
  params: {},
  f: (z) => f(z),
  df: (z) => df(z),
  d2f: (z) => d2f(z),
  latex: {
    f: 'z\\,\\tanh(\\operatorname{softplus}(z))',
    df: '\\tanh(\\operatorname{softplus}(z)) + z\\,\\sigma(z)\\,\\operatorname{sech}^2(\\operatorname{softplus}(z))',
  },
  breaks: () => [],
  properties: gatedProperties(f, df),
});
