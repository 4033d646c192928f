// The values a slider offers. A page precomputes every one of them with the library, so a slider is a
// finite list of exact values: min + k·step, each rounded to the decimals of its inputs (0.1, not
// 0.30000000000000004 − 0.2), and always passing through the series' own value.
import type { NumberParam } from '../math/activations/types.ts';

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** The most values one slider offers: each is a full sampled curve in the page's data. */
export const MAX_STEPS = 51;
/**
 * The most parameter combinations one activation's sliders make together (two sliders make every pair):
 * on a 401-point grid 121 combinations are about 49,000 rows. Sliders beyond it are made coarser.
 */
export const MAX_COMBINATIONS = 51;

/** The digits after the decimal point of a number's shortest round-trip form: 0.25 → 2, 1e-7 → 7, 3 → 0. */
export function decimals(x: number): number {
  const [mantissa, exponent] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(100, Math.max(0, fraction - Number(exponent ?? 0)));
}

const round = (x: number, digits: number) => {
  const r = Number(x.toFixed(digits));
  return r === 0 ? 0 : r; // no -0
};

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `x`. */
export function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  const m = [1, 2, 2.5, 5, 10].find((f) => f * power >= x * (1 - 1e-12))!;
  return round(m * power, decimals(power) + 1);
}

/**
 * A parameter's slider range: its own `range`, or for a parameter without one (a formula's) 0 to twice
 * its default (twice to 0 for a negative one; -1 to 1 for 0), in about 50 nice steps.
 */
export function defaultRange(spec: NumberParam): SliderRange {
  if (spec.range) return spec.range;
  if (spec.range === false) throw new Error('defaultRange: this parameter has no slider');
  const d = spec.default;
  const [min, max] = d > 0 ? [0, 2 * d] : d < 0 ? [2 * d, 0] : [-1, 1];
  return { min, max, step: niceStep((max - min) / 50) };
}

export interface SliderValues extends SliderRange {
  values: number[];
  /** The index of the initial value in `values`. */
  index: number;
}

/**
 * The values of a slider over `range` that starts at `initial`: the grid min + k·step shifted to pass
 * through `initial` (when it lies off it) and widened to reach it (when it lies outside), each value
 * rounded to the decimals of step, min and initial. More than `maxSteps` values make the step a whole
 * multiple of the given one. Values at either end that `check` rejects are dropped.
 */
export function sliderValues(
  range: SliderRange,
  initial: number,
  options: { maxSteps?: number; check?: (value: number) => string | undefined } = {},
): SliderValues {
  const { maxSteps = MAX_STEPS, check } = options;
  if (!(range.step > 0) || !Number.isFinite(range.min) || !Number.isFinite(range.max) || range.min > range.max) {
    throw new Error(`a slider range needs min ≤ max and step > 0, got ${JSON.stringify(range)}`);
  }
  const min = Math.min(range.min, initial);
  const max = Math.max(range.max, initial);
  const digits = Math.max(decimals(range.step), decimals(range.min), decimals(initial));
  // The step is the given one times the smallest whole factor that keeps to maxSteps values.
  const count = (step: number) =>
    Math.floor((initial - min) / step + 1e-9) + Math.floor((max - initial) / step + 1e-9) + 1;
  let factor = Math.max(1, Math.ceil(count(range.step) / maxSteps));
  let step = range.step * factor;
  while (count(step) > maxSteps) step = range.step * ++factor;
  step = round(step, decimals(range.step));
  const below = Math.floor((initial - min) / step + 1e-9);
  const above = Math.floor((max - initial) / step + 1e-9);
  let values = Array.from({ length: below + above + 1 }, (_, k) =>
    k === below ? initial : round(initial + (k - below) * step, digits),
  );
  let index = below;
  if (check) {
    while (index > 0 && check(values[0]) !== undefined) {
      values = values.slice(1);
      index--;
    }
    while (index < values.length - 1 && check(values.at(-1)!) !== undefined) values = values.slice(0, -1);
  }
  return { min: values[0], max: values.at(-1)!, step, values, index };
}
