// The toy tasks a training figure's networks learn, made from a seeded generator so the same seed always
// gives the same points.

export const TASKS = ['moons', 'regression'] as const;
export type Task = (typeof TASKS)[number];

export interface Dataset {
  /** Inputs, row-major, `n` rows of `inputs` numbers. */
  x: Float64Array;
  /** One target per row: a class (0 or 1) or a value. */
  y: Float64Array;
  n: number;
  inputs: number;
}

/** What a dataset needs of a generator: standard normals, and uniforms on [0, 1). */
export interface Draws {
  normal: () => number;
  uniform: () => number;
}

/** The Gaussian noise on every moon point, before standardising (scikit-learn's make_moons takes 0.1 too). */
const MOON_NOISE = 0.1;
/** The regression targets' noise. */
const REGRESSION_NOISE = 0.1;

/**
 * Two interleaved half circles, as scikit-learn's make_moons draws them but at uniform angles: even rows
 * are class 0 on (cos t, sin t), odd rows class 1 on (1 − cos t, ½ − sin t), each moved by Gaussian noise;
 * then each coordinate is standardised (mean 0, standard deviation 1), as one would before training.
 * Regression: x uniform on [−1, 1], y = sin(πx) plus noise.
 */
export function makeDataset(task: Task, n: number, draws: Draws): Dataset {
  if (task === 'regression') {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 2 * draws.uniform() - 1;
      y[i] = Math.sin(Math.PI * x[i]) + REGRESSION_NOISE * draws.normal();
    }
    return { x, y, n, inputs: 1 };
  }
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = Math.PI * draws.uniform();
    const upper = i % 2 === 0;
    y[i] = upper ? 0 : 1;
    x[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + MOON_NOISE * draws.normal();
    x[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + MOON_NOISE * draws.normal();
  }
  for (let c = 0; c < 2; c++) standardise(x, n, 2, c);
  return { x, y, n, inputs: 2 };
}

/** Column c of a row-major n×k matrix to mean 0 and (sample) standard deviation 1. */
function standardise(x: Float64Array, n: number, k: number, c: number): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i * k + c];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i * k + c] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1)) || 1;
  for (let i = 0; i < n; i++) x[i * k + c] = (x[i * k + c] - mean) / sd;
}
