import { defineActivation } from './types.ts';
import { gatedProperties, sigmoid, sigmoidGrad } from './math.ts';

const f = (z: number) => z * sigmoid(z);
// d/dz z·σ(z) = σ(z) + z·σ'(z); σ'(z) in its stable form keeps the tails accurate.
const df = (z: number) => sigmoid(z) + z * sigmoidGrad(z);
// 2σ'(z) + z·σ''(z) with σ'' = -tanh(z/2)·σ': σ'(z)·(2 - z·tanh(z/2)), accurate in both tails.
const d2f = (z: number) => sigmoidGrad(z) * (2 - z * Math.tanh(z / 2));

export const silu = defineActivation({
  name: 'silu',
  displayName: 'SiLU (Swish)',
  // He, as for the ReLUs it resembles; it does not keep the gradient through depth (test/math/simulate.test.ts).
  init: 'he',
  aliases: ['swish'],
  params: {},
  f: (z) => f(z),
  df: (z) => df(z),
  d2f: (z) => d2f(z),
  latex: { f: 'z\\,\\sigma(z)', df: '\\sigma(z)\\,\\bigl(1 + z\\,(1 - \\sigma(z))\\bigr)' },
  breaks: () => [],
  properties: gatedProperties(f, df),
});
