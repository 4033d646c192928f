import { defineActivation } from './types.ts';
import { argmaxAbs, sigmoid, sigmoidGrad } from './math.ts';

const f = (z: number) => z * sigmoid(z);
// d/dz z·σ(z) = σ(z) + z·σ'(z); σ'(z) in its stable form keeps the tails accurate.
const df = (z: number) => sigmoid(z) + z * sigmoidGrad(z);

export const silu = defineActivation({
  name: 'silu',
  displayName: 'SiLU (Swish)',
  aliases: ['swish'],
  params: {},
  f: (z) => f(z),
  df: (z) => df(z),
  latex: { f: 'z\\,\\sigma(z)', df: '\\sigma(z)\\,\\bigl(1 + z\\,(1 - \\sigma(z))\\bigr)' },
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
