import type { Activation, ParamValues } from './activations/registry.ts';

export interface Evaluated {
  y: Float64Array;
  dy: Float64Array;
  /** f'' at every point: only when asked for with `{ second: true }`. */
  d2y?: Float64Array;
}

export interface EvaluateOptions {
  /** Also f'' (PyTorch's double backward), as `d2y`. */
  second?: boolean;
}

/** f and f' (and f'' when `second`) at every point of `z`, in one pass over typed arrays (no object per point). */
export function evaluate(
  activation: Activation,
  params: ParamValues,
  z: Float64Array,
  options: { second: true },
): Required<Evaluated>;
export function evaluate(
  activation: Activation,
  params: ParamValues,
  z: Float64Array,
  options?: EvaluateOptions,
): Evaluated;
export function evaluate(
  activation: Activation,
  params: ParamValues,
  z: Float64Array,
  options: EvaluateOptions = {},
): Evaluated {
  const n = z.length;
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  const { f, df, d2f } = activation;
  if (!options.second) {
    for (let i = 0; i < n; i++) {
      y[i] = f(z[i], params);
      dy[i] = df(z[i], params);
    }
    return { y, dy };
  }
  const d2y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = f(z[i], params);
    dy[i] = df(z[i], params);
    d2y[i] = d2f(z[i], params);
  }
  return { y, dy, d2y };
}
