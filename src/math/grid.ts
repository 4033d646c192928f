import type { Break } from './activations/registry.ts';

/** The most points any grid may have: a guard against a typo such as samples=1e9. */
export const MAX_POINTS = 1_000_000;

export type GridSpec =
  | { min: number; max: number; samples: number }
  | { min: number; max: number; step: number }
  | { points: readonly number[] };

/**
 * numpy.linspace(min, max, samples): point i is min + i·step with step = (max - min)/(samples - 1),
 * computed in that order as numpy does, and the last point set to exactly max.
 */
export function linspace(min: number, max: number, samples: number): Float64Array {
  const out = new Float64Array(samples);
  if (samples === 1) {
    out[0] = min;
    return out;
  }
  const step = (max - min) / (samples - 1);
  for (let i = 0; i < samples; i++) out[i] = i * step + min;
  out[samples - 1] = max;
  return out;
}

/** The number of points numpy.arange(min, max, step) makes. */
export function arangeLength(min: number, max: number, step: number): number {
  return Math.max(0, Math.ceil((max - min) / step));
}

/**
 * numpy.arange(min, max, step), end excluded. numpy stores min and min + step, then fills
 * point i as min + i·delta with delta = (min + step) - min; we reproduce that to the last bit.
 */
export function arange(min: number, max: number, step: number): Float64Array {
  const n = arangeLength(min, max, step);
  const out = new Float64Array(n);
  if (n > 0) out[0] = min;
  if (n > 1) out[1] = min + step;
  const delta = out[1] - min;
  for (let i = 2; i < n; i++) out[i] = min + i * delta;
  return out;
}

/** The points of a grid spec, in order. */
export function sample(grid: GridSpec): Float64Array {
  if ('points' in grid) return Float64Array.from(grid.points);
  if ('samples' in grid) return linspace(grid.min, grid.max, grid.samples);
  return arange(grid.min, grid.max, grid.step);
}

/** How many points a grid spec makes, without making them. */
export function gridLength(grid: GridSpec): number {
  if ('points' in grid) return grid.points.length;
  if ('samples' in grid) return grid.samples;
  return arangeLength(grid.min, grid.max, grid.step);
}

/**
 * `z` (sorted ascending) with the break points that lie inside its range added, so that a figure
 * has the exact value at every kink and jump. Points already on the grid are not repeated.
 */
export function withBreaks(z: Float64Array, breaks: readonly Break[]): Float64Array {
  if (z.length === 0) return z;
  const lo = z[0];
  const hi = z[z.length - 1];
  const extra = breaks.map((b) => b.z).filter((k) => k >= lo && k <= hi && !z.includes(k));
  if (extra.length === 0) return z;
  const out = Float64Array.from([...z, ...new Set(extra)]);
  return out.sort();
}
