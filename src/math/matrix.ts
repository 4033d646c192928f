// The dense products the simulated and trained networks need, on row-major Float64Arrays. Each sums in
// one fixed order, so the same inputs always give the same bits; each writes into `out` when given (a
// training loop reuses its buffers instead of making garbage every step).

/** a (m×k) times b (k×n). A zero entry of `a` (a ReLU's) skips its row of `b`. */
export function times(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  out = new Float64Array(m * n),
): Float64Array {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const ap = a[i * k + p];
      if (ap === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) out[row + j] += ap * b[bp + j];
    }
  }
  return out;
}

/** a (m×k) times bᵀ, where b is n×k: each entry one dot product, summed in k order. */
export function timesT(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  out = new Float64Array(m * n),
): Float64Array {
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
      out[i * n + j] = s;
    }
  }
  return out;
}

/** aᵀ times b, where a is k×m and b is k×n: the m×n sum over the k rows of their outer products. */
export function tTimes(
  a: Float64Array,
  b: Float64Array,
  k: number,
  m: number,
  n: number,
  out = new Float64Array(m * n),
): Float64Array {
  out.fill(0);
  for (let p = 0; p < k; p++) {
    for (let i = 0; i < m; i++) {
      const api = a[p * m + i];
      if (api === 0) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) out[row + j] += api * b[p * n + j];
    }
  }
  return out;
}
