import type { Break, Properties } from './types.ts';

// Shared by leaky_relu, prelu and rrelu (evaluation mode): z for z > 0, slope·z otherwise.
// PyTorch's backward uses `z > 0 ? 1 : slope`, so the derivative at 0 is the slope.
export const leaky = {
  f: (z: number, slope: number) => (z > 0 ? z : z * slope),
  df: (z: number, slope: number) => (z > 0 ? 1 : slope),
  // Linear pieces: f'' is 0, at the kink too (leaky_relu_backward's double backward is zeros_like).
  d2f: () => 0,
  breaks: (slope: number): Required<Break>[] => (slope === 1 ? [] : [{ z: 0, f: 'kink', df: 'jump', d2f: 'smooth' }]),
  properties(slope: number): Properties {
    const big = Math.abs(slope) > 1;
    return {
      range: slope > 0 ? '(-∞, ∞)' : '[0, ∞)',
      monotonic: slope >= 0,
      zeroCentred: slope > 0,
      smoothness: slope === 1 ? 'C∞' : 'C⁰',
      maxAbsDerivative: { value: big ? Math.abs(slope) : 1, at: big ? 'z ≤ 0' : 'z > 0' },
      saturating: false,
    };
  },
  latex: (a: string) => ({
    f: `\\begin{cases} z & z > 0 \\\\ ${a}\\,z & z \\le 0 \\end{cases}`,
    df: `\\begin{cases} 1 & z > 0 \\\\ ${a} & z \\le 0 \\end{cases}`,
  }),
};
