import { createRequire } from 'node:module';
import { findActivation, type ParamValues } from './activations/registry.ts';
import type { InitName } from './activations/types.ts';
import { times, timesT } from './matrix.ts';

// @stdlib's generator is loaded when a simulation runs, not when the module is imported.
const require = createRequire(import.meta.url);
type Randn = typeof import('@stdlib/random-base-randn');

export interface DepthSimulation {
  /** Layers, input to output. */
  depth: number;
  /** Units per layer. */
  width: number;
  /** Random inputs propagated together. */
  batch: number;
  seed: number;
}

export interface DepthRow {
  activation: string;
  /** 1 is the layer nearest the output, `depth` the one nearest the input: the order the gradient travels. */
  depth: number;
  /** RMS over the batch and units of dLoss/d(pre-activation) at that layer. */
  gradient: number;
}

/** Weight initialisations (normal): each one's name and standard deviation for a layer's fan-in and fan-out. */
export const INITS = {
  xavier: { name: 'Xavier', std: (fanIn: number, fanOut = fanIn) => Math.sqrt(2 / (fanIn + fanOut)) },
  he: { name: 'He', std: (fanIn: number) => Math.sqrt(2 / fanIn) },
  lecun: { name: 'LeCun', std: (fanIn: number) => Math.sqrt(1 / fanIn) },
} as const satisfies Record<InitName, { name: string; std: (fanIn: number, fanOut?: number) => number }>;
export type Init = InitName;

/** The initialisation an activation's definition pairs it with (its `init`); Xavier for an unknown name. */
export const defaultInit = (activation: string): Init => findActivation(activation)?.init ?? 'xavier';

/** The initialisation of an activation, by default or as given. */
export const initialisation = (activation: string, init: Init = defaultInit(activation)) => INITS[init];

/**
 * The seeded generator every simulated or trained network draws from: standard normals (MT19937 through
 * @stdlib's randn, its PRNG named), and through its `PRNG` uniforms on [0, 1) from the same stream.
 */
export function seededNormal(seed: number): { (): number; PRNG: () => number } {
  const randn = require('@stdlib/random-base-randn') as Randn;
  return randn.factory({ name: 'improved-ziggurat', seed: seed + 1 });
}

/**
 * How a gradient's size changes as it travels back through a deep, fully connected network without
 * biases: draw weights with the activation's customary initialisation, run a batch of standard-normal
 * inputs forward, back-propagate a standard-normal gradient from the output, and record the RMS of the
 * gradient with respect to each layer's pre-activations. Seeded (MT19937 through @stdlib's randn with
 * its PRNG named), so the same options always give the same numbers.
 */
export function simulateDepth(
  activationName: string,
  params: ParamValues,
  sim: DepthSimulation,
  init?: Init,
): DepthRow[] {
  const activation = findActivation(activationName)!;
  const { depth: L, width: n, batch: B } = sim;
  const normal = seededNormal(sim.seed);
  const std = initialisation(activation.name, init).std(n);
  const weights = Array.from({ length: L }, () => {
    const w = new Float64Array(n * n);
    for (let i = 0; i < w.length; i++) w[i] = normal() * std;
    return w;
  });
  // Forward: h_l = a_{l-1} W_l (row vectors), a_l = f(h_l). Keep every h_l for the backward pass.
  let a: Float64Array = new Float64Array(B * n);
  for (let i = 0; i < a.length; i++) a[i] = normal();
  const pre: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    const h = times(a, weights[l], B, n, n);
    pre.push(h);
    a = new Float64Array(h.length);
    for (let i = 0; i < h.length; i++) a[i] = activation.f(h[i], params);
  }
  // Backward: delta_l = dL/dh_l = (dL/da_l) * f'(h_l); dL/da_{l-1} = delta_l W_l^T.
  let upstream: Float64Array = new Float64Array(B * n);
  for (let i = 0; i < upstream.length; i++) upstream[i] = normal();
  const rows: DepthRow[] = [];
  for (let l = L - 1; l >= 0; l--) {
    const h = pre[l];
    const delta = new Float64Array(h.length);
    let sum = 0;
    for (let i = 0; i < h.length; i++) {
      delta[i] = upstream[i] * activation.df(h[i], params);
      sum += delta[i] * delta[i];
    }
    rows.push({ activation: activation.name, depth: L - l, gradient: Math.sqrt(sum / h.length) });
    if (l > 0) upstream = timesT(delta, weights[l], B, n, n);
  }
  return rows;
}
