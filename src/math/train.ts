// A small fully connected network trained by full-batch gradient descent, in float64, as PyTorch would
// train it: h_l = f(h_{l−1}W_lᵀ + b_l), the last layer linear, the mean binary cross-entropy with logits
// (or mean squared error), W ← W − lr·∂L/∂W. Backpropagation uses each activation's f′, PyTorch's own
// derivative at every kink, so a replay of the same weights and data in torch.autograd gives the same
// losses. Seeded: the data set and the weights come from one generator (simulate.ts's).
import type { Activation, ParamValues } from './activations/registry.ts';
import { times, timesT, tTimes } from './matrix.ts';
import { type Init, INITS, seededNormal } from './simulate.ts';
import { type Dataset, makeDataset, type Task } from './toy-data.ts';

export interface Training {
  task: Task;
  /** Linear layers, the last one included. */
  depth: number;
  /** Units in every hidden layer. */
  width: number;
  /** Points in the data set. */
  samples: number;
  steps: number;
  lr: number;
  seed: number;
}

/** The loss each task is trained with. */
export const LOSS = { moons: 'bce', regression: 'mse' } as const satisfies Record<Task, string>;

/** A linear layer: W is out × in, row-major. */
export interface LinearLayer {
  W: Float64Array;
  b: Float64Array;
  out: number;
  in: number;
}

export interface Run {
  /** The initial weights, input to output. */
  layers: LinearLayer[];
  /** loss[t]: before step t; loss[steps]: after the last. */
  loss: number[];
  /** gradNorm[t][l]: the Frobenius norm of ∂L/∂W of layer l before step t. */
  gradNorm: number[][];
}

export interface TrainingTask {
  data: Dataset;
  /** Standard normals for every weight of a network, shared by all activations' runs. */
  normals: Float64Array;
}

/** The layers' [in, out] sizes. */
export const shapes = (inputs: number, t: Training): [number, number][] =>
  Array.from({ length: t.depth }, (_, l) => [l === 0 ? inputs : t.width, l === t.depth - 1 ? 1 : t.width]);

/**
 * The data set and, after it from the same generator, the standard normals the weights are scaled from:
 * every activation starts from the same draws, each scaled by its own initialisation.
 */
export function makeTask(t: Training): TrainingTask {
  const normal = seededNormal(t.seed);
  const data = makeDataset(t.task, t.samples, { normal, uniform: normal.PRNG });
  const count = shapes(data.inputs, t).reduce((s, [i, o]) => s + i * o, 0);
  const normals = new Float64Array(count);
  for (let i = 0; i < count; i++) normals[i] = normal();
  return { data, normals };
}

/** The network's initial layers: normal weights with the initialisation's deviation, zero biases. */
export function initialLayers(task: TrainingTask, t: Training, init: Init): LinearLayer[] {
  let offset = 0;
  return shapes(task.data.inputs, t).map(([fanIn, fanOut]) => {
    const std = INITS[init].std(fanIn, fanOut);
    const W = new Float64Array(fanIn * fanOut);
    for (let i = 0; i < W.length; i++) W[i] = task.normals[offset + i] * std;
    offset += W.length;
    return { W, b: new Float64Array(fanOut), out: fanOut, in: fanIn };
  });
}

/** Trains one network `t.steps` steps from `layers` (left as they were) and records its loss and gradients. */
export function train(
  activation: Activation<ParamValues>,
  params: ParamValues,
  layers: LinearLayer[],
  task: TrainingTask,
  t: Training,
): Run {
  const { x, y, n } = task.data;
  const loss = LOSS[t.task];
  const net = layers.map((l) => ({ ...l, W: l.W.slice(), b: l.b.slice() }));
  const L = net.length;
  const losses: number[] = [];
  const gradNorm: number[][] = [];
  // Buffers, made once: each layer's output (the next one's input), each hidden layer's f′ at its
  // pre-activations, the gradients, and ∂L/∂(input) of every layer but the first.
  const outputs = net.map((l) => new Float64Array(n * l.out));
  const inputs = [x, ...outputs.slice(0, -1)];
  const slopes = net.map((l) => new Float64Array(n * l.out));
  const dW = net.map((l) => new Float64Array(l.W.length));
  const db = net.map((l) => new Float64Array(l.out));
  const upstream = net.map((l) => new Float64Array(n * l.in));
  const grad = new Float64Array(n);
  for (let step = 0; ; step++) {
    for (let l = 0; l < L; l++) {
      const { W, b, in: k, out: m } = net[l];
      const z = timesT(inputs[l], W, n, k, m, outputs[l]);
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) z[i * m + j] += b[j];
      if (l === L - 1) break;
      const slope = slopes[l];
      for (let i = 0; i < z.length; i++) {
        slope[i] = activation.df(z[i], params);
        z[i] = activation.f(z[i], params);
      }
    }
    losses.push(lossAndGradient(loss, outputs[L - 1], y, n, grad));
    if (step === t.steps) break;
    // Backward: delta = ∂L/∂(pre-activation); ∂L/∂W = deltaᵀ·input, ∂L/∂b = Σ delta.
    let delta: Float64Array = grad;
    const norms: number[] = new Array(L).fill(0);
    for (let l = L - 1; l >= 0; l--) {
      const { W, in: k, out: m } = net[l];
      tTimes(delta, inputs[l], n, m, k, dW[l]);
      const g = db[l].fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) g[j] += delta[i * m + j];
      let sum = 0;
      for (let i = 0; i < dW[l].length; i++) sum += dW[l][i] * dW[l][i];
      norms[l] = Math.sqrt(sum);
      if (l > 0) {
        const up = times(delta, W, n, m, k, upstream[l]);
        const slope = slopes[l - 1];
        for (let i = 0; i < up.length; i++) up[i] *= slope[i];
        delta = up;
      }
    }
    gradNorm.push(norms);
    for (let l = 0; l < L; l++) {
      const { W, b } = net[l];
      for (let i = 0; i < W.length; i++) W[i] -= t.lr * dW[l][i];
      for (let j = 0; j < b.length; j++) b[j] -= t.lr * db[l][j];
    }
  }
  return { layers, loss: losses, gradNorm };
}

/**
 * The mean loss over the data set; its gradient with respect to each output goes into `grad`. Binary cross-entropy with
 * logits in its stable form, max(z, 0) − z·y + log(1 + e^−|z|), as PyTorch's
 * binary_cross_entropy_with_logits; its gradient is (σ(z) − y)/n.
 */
function lossAndGradient(loss: 'bce' | 'mse', z: Float64Array, y: Float64Array, n: number, grad: Float64Array) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = z[i] - y[i];
    if (loss === 'mse') {
      sum += d * d;
      grad[i] = (2 * d) / n;
    } else {
      sum += Math.max(z[i], 0) - z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
      const e = Math.exp(-Math.abs(z[i]));
      grad[i] = ((z[i] >= 0 ? 1 / (1 + e) : e / (1 + e)) - y[i]) / n;
    }
  }
  return sum / n;
}
