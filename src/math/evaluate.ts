import type { Activation, ParamValues } from './activations/registry.ts';

export interface Evaluated {
  y: Float64Array;
  dy: Float64Array;
}

/** f and f' at every point of `z`, in one pass over typed arrays (no object per point). */
export function evaluate(activation: Activation, params: ParamValues, z: Float64Array): Evaluated {
  const n = z.length;
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  const { f, df } = activation;
  for (let i = 0; i < n; i++) {
    y[i] = f(z[i], params);
    dy[i] = df(z[i], params);
  }
  return { y, dy };
}
