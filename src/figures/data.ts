import { findActivation } from '../math/activations/registry.ts';
import type { Activation, ParamValues } from '../math/activations/registry.ts';
import { nextDown, nextUp } from '../math/activations/math.ts';
import type { ActivationsFigure } from '../config/model.ts';
import { evaluate } from '../math/evaluate.ts';
import { sample, withBreaks, type GridSpec } from '../math/grid.ts';
import { describeParams } from '../math/params.ts';

/** One row of a figure's sampled table: the data contract of every spec's `datasets`. */
export interface Row {
  activation: string;
  z: number;
  y: number;
  dy: number;
}

/** Where a line must break: at `z`, with the point at z itself on the left piece or the right one. */
export interface Split {
  z: number;
  side: 'left' | 'right';
}

/** A jump's ends: a filled dot at the function's value, an open dot at the other one-sided limit. */
export interface Marker {
  z: number;
  value: number;
  open: boolean;
  series: 'y' | 'dy';
}

export interface Sampled {
  /** The value of `activation` in this activation's rows (unique within the figure). */
  key: string;
  activation: Activation;
  params: ParamValues;
  rows: Row[];
  splits: { y: Split[]; dy: Split[] };
  markers: Marker[];
  zRange: [number, number];
}

/**
 * Samples one activation on a grid (with its kink points added when `kinks`), and finds where its
 * lines must break: at each jump of f (when `y`) and of f' (when `dy`).
 */
export function sampleActivation(
  name: string,
  params: ParamValues,
  grid: GridSpec,
  options: { kinks: boolean; key: string; y: boolean; dy: boolean },
): Sampled {
  const activation = findActivation(name)!;
  let z = sample(grid).sort();
  const breaks = activation.breaks(params);
  if (options.kinks) z = withBreaks(z, breaks);
  const { y, dy } = evaluate(activation, params, z);
  const rows: Row[] = new Array(z.length);
  for (let i = 0; i < z.length; i++) rows[i] = { activation: options.key, z: z[i], y: y[i], dy: dy[i] };
  const lo = z[0];
  const hi = z[z.length - 1];
  const inside = breaks.filter((b) => b.z >= lo && b.z <= hi);
  const jumps = (series: 'y' | 'dy') => {
    const g = series === 'y' ? (t: number) => activation.f(t, params) : (t: number) => activation.df(t, params);
    return inside.filter((b) => (series === 'y' ? b.f : b.df) === 'jump').map((b) => jump(b.z, g, series));
  };
  const yJumps = options.y ? jumps('y') : [];
  const dyJumps = options.dy ? jumps('dy') : [];
  return {
    key: options.key,
    activation,
    params,
    rows,
    splits: { y: yJumps.map((j) => j.split), dy: dyJumps.map((j) => j.split) },
    markers: [...yJumps, ...dyJumps].flatMap((j) => j.markers),
    zRange: [lo, hi],
  };
}

/** The `activation` value of each panel's rows, and whether the panel is the first with those rows. */
export function panelKeys(figure: ActivationsFigure): { key: string; isNew: boolean }[] {
  const keys = new RowKeys();
  return figure.panels.map((panel) => keys.key(panel.activation, panel.params, [panel.grid, panel.kinks]));
}

/** Samples every panel of an activations figure; a panel that repeats an earlier one shares its rows. */
export function sampleFigure(figure: ActivationsFigure): { rows: Row[]; panels: Sampled[] } {
  const keys = panelKeys(figure);
  const rows: Row[] = [];
  const panels = figure.panels.map((panel, i) => {
    const { key, isNew } = keys[i];
    const s = sampleActivation(panel.activation, panel.params, panel.grid, {
      kinks: panel.kinks,
      key,
      y: true,
      dy: panel.derivative,
    });
    if (isNew) append(rows, s.rows);
    return s;
  });
  return { rows, panels };
}

/** Appends `more` to `rows` one by one: push(...more) passes every row as an argument and overflows the stack. */
export function append<T>(rows: T[], more: readonly T[]): void {
  for (const row of more) rows.push(row);
}

/** The value at a jump, its one-sided limits (from the neighbouring doubles), and which side it joins. */
function jump(k: number, g: (z: number) => number, series: 'y' | 'dy') {
  const value = g(k);
  const left = g(nextDown(k));
  const right = g(nextUp(k));
  const side: Split['side'] = Math.abs(value - left) <= Math.abs(value - right) ? 'left' : 'right';
  const other = side === 'left' ? right : left;
  const markers: Marker[] = [{ z: k, value, open: false, series }];
  if (other !== value) markers.push({ z: k, value: other, open: true, series });
  return { split: { z: k, side }, markers };
}

/**
 * The `activation` value of a figure's rows: the name when the parameters are the defaults, else
 * name(k=v, ...); `#2`, `#3` when the same activation appears again with other rows.
 */
export class RowKeys {
  private used = new Map<string, string>();

  key(name: string, params: ParamValues, extra: unknown): { key: string; isNew: boolean } {
    const activation = findActivation(name)!;
    const changed = describeParams(activation, params);
    const base = changed ? `${activation.name}(${changed})` : activation.name;
    const identity = JSON.stringify([activation.name, params, extra]);
    let key = base;
    for (let n = 2; this.used.has(key) && this.used.get(key) !== identity; n++) key = `${base}#${n}`;
    const isNew = !this.used.has(key);
    this.used.set(key, identity);
    return { key, isNew };
  }
}
