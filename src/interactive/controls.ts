// An interactive page's controls and what they change. Every kind gets a control per parameter of each
// activation it draws (a slider, or a choice); a kind adds its own (a depth figure's layers). A control
// changes the figure's config as written, which the page then normalizes and draws again, exactly as a
// build would with that config.
import type { Control, FigureInput } from '../kinds/kind.ts';
import { kindOf } from '../kinds/registry.ts';
import { findActivation } from '../math/activations/registry.ts';
import type { NumberParam } from '../math/activations/types.ts';
import { useFormulas } from '../math/formula/register.ts';
import type { FigureBase } from '../figures/model.ts';

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** The digits after the decimal point of a number's shortest round-trip form: 0.25 → 2, 1e-7 → 7, 3 → 0. */
export function decimals(x: number): number {
  const [mantissa, exponent] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(100, Math.max(0, fraction - Number(exponent ?? 0)));
}

/** The largest of 1, 2 and 5 times a power of ten that is at most `x`, written with its own digits. */
export function fineStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x) + 1e-12);
  const m = [5, 2, 1].find((f) => f * power <= x * (1 + 1e-12)) ?? 1;
  return Number((m * power).toFixed(Math.max(0, decimals(power))));
}

/**
 * A parameter's default slider: its own `range`, or for one without (a formula's) 0 to twice its default
 * (twice to 0 for a negative one; -1 to 1 for 0); the step at most a hundredth of the range, so a slider
 * moves finely and still passes through round values.
 */
export function defaultRange(spec: NumberParam): SliderRange {
  if (spec.range === false) throw new Error('defaultRange: this parameter has no slider');
  const d = spec.default;
  const { min, max, step } = spec.range ?? {
    ...(d > 0 ? { min: 0, max: 2 * d } : d < 0 ? { min: 2 * d, max: 0 } : { min: -1, max: 1 }),
    step: Number.POSITIVE_INFINITY,
  };
  const fine = Math.min(step, fineStep((max - min) / 100));
  // A slider never reaches a value its parameter refuses (squareplus's b = 0 makes f' not finite at 0).
  const allowed = (v: number) => spec.check?.(v) === undefined;
  let [lo, hi] = [min, max];
  for (let k = 0; k < 100 && !allowed(lo) && lo + fine <= hi; k++) lo = Number((lo + fine).toFixed(12));
  for (let k = 0; k < 100 && !allowed(hi) && hi - fine >= lo; k++) hi = Number((hi - fine).toFixed(12));
  return { min: lo, max: hi, step: fine };
}

/** The page's controls: the activations' parameters in the order drawn, then the kind's own. */
export function pageControls(figure: FigureBase): Control[] {
  useFormulas(figure.formulas);
  const kind = kindOf(figure.kind);
  const sliders = figure.interactive === false ? {} : figure.interactive.sliders;
  const controls: Control[] = [];
  const seen = new Set<string>();
  for (const drawn of kind.drawn(figure)) {
    const activation = findActivation(drawn.activation)!;
    for (const [param, spec] of Object.entries(activation.params)) {
      const id = `${activation.name}.${param}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const label = `${activation.displayName}: ${param}`;
      const value = drawn.params[param];
      if (spec.kind === 'choice') {
        controls.push({ type: 'choice', id, label, choices: [...spec.choices], value: String(value) });
      } else if (spec.range !== false) {
        const range = sliders[id] ?? sliders[param] ?? defaultRange(spec);
        controls.push({ type: 'range', id, label, ...range, value: Number(value) });
      }
    }
  }
  return [...controls, ...(kind.controls?.(figure) ?? [])];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const canonical = (name: unknown) => (typeof name === 'string' ? findActivation(name)?.name : undefined);

/**
 * Sets an activation's parameter wherever the figure's config draws it: on each reference to it (an
 * object with `activation`, or a bare name in a `series` or `activations` list). Where the parameter is
 * swept, the value joins the sweep as one more curve instead.
 */
function setParam(node: unknown, activation: string, param: string, value: number | string): unknown {
  if (Array.isArray(node)) return node.map((item) => setParam(item, activation, param, value));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, v] of Object.entries(node)) {
    const list = key === 'series' || key === 'activations';
    out[key] =
      list && Array.isArray(v)
        ? v.map((item) => (typeof item === 'string' && canonical(item) === activation ? { activation: item } : item))
        : v;
    out[key] = setParam(out[key], activation, param, value);
  }
  if (canonical(out.activation) !== activation) return out;
  const sweep = isObject(out.sweep) ? out.sweep : undefined;
  if (sweep && Array.isArray(sweep[param])) {
    const values = sweep[param] as unknown[];
    if (!values.includes(value)) out.sweep = { ...sweep, [param]: [...values, value] };
  } else {
    out.params = { ...(isObject(out.params) ? out.params : {}), [param]: value };
  }
  return out;
}

/**
 * The figure's source (a config of the one figure, as normalize.ts keeps it) with each control that has
 * moved from its first value applied.
 */
export function applyControls(
  source: Record<string, unknown>,
  controls: readonly Control[],
  values: Readonly<Record<string, number | string>>,
): Record<string, unknown> {
  let figure = (source.figures as FigureInput[])[0];
  for (const control of controls) {
    const value = values[control.id];
    if (value === undefined || value === control.value) continue;
    const kind = kindOf(String(figure.kind));
    const dot = control.id.indexOf('.');
    const activation = findActivation(control.id.slice(0, dot));
    if (activation && Object.hasOwn(activation.params, control.id.slice(dot + 1))) {
      figure = setParam(figure, activation.name, control.id.slice(dot + 1), value) as FigureInput;
    } else if (kind.apply) {
      figure = kind.apply(figure, control.id, value);
    }
  }
  return { ...source, figures: [figure] };
}
