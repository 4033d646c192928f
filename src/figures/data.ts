import { findActivation } from '../math/activations/registry.ts';
import type { Activation, ParamValues } from '../math/activations/registry.ts';
import { nextDown, nextUp } from '../math/activations/math.ts';
import { evaluate } from '../math/evaluate.ts';
import { sample, withBreaks, type GridSpec } from '../math/grid.ts';
import { describeParams } from '../math/params.ts';

/** One row of a figure's sampled table: the data contract of every spec's `datasets`. */
export interface Row {
  activation: string;
  z: number;
  y: number;
  dy: number;
  /** f'': only in the rows of a figure that shows it. */
  d2y?: number;
}

/** A row's value column for each function a series may draw. */
export const COLUMN = { f: 'y', df: 'dy', d2f: 'd2y' } as const;
export type Column = (typeof COLUMN)[keyof typeof COLUMN];

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
  series: Column;
}

export interface Sampled {
  /** The value of `activation` in this activation's rows (unique within the figure). */
  key: string;
  activation: Activation;
  params: ParamValues;
  rows: Row[];
  splits: Record<Column, Split[]>;
  markers: Marker[];
  zRange: [number, number];
}

/**
 * Samples one activation on a grid (with its kink points added when `kinks`), and finds where its
 * lines must break: at each jump of f (when `y`), of f' (when `dy`) and of f'' (when `d2y`). The rows
 * carry d2y when `second`.
 */
export function sampleActivation(
  name: string,
  params: ParamValues,
  grid: GridSpec,
  options: { kinks: boolean; key: string; y: boolean; dy: boolean; d2y?: boolean; second?: boolean },
): Sampled {
  const activation = findActivation(name)!;
  let z = sample(grid).sort();
  const breaks = activation.breaks(params);
  if (options.kinks) z = withBreaks(z, breaks);
  const rows: Row[] = new Array(z.length);
  if (options.second) {
    const { y, dy, d2y } = evaluate(activation, params, z, { second: true });
    for (let i = 0; i < z.length; i++) rows[i] = { activation: options.key, z: z[i], y: y[i], dy: dy[i], d2y: d2y[i] };
  } else {
    const { y, dy } = evaluate(activation, params, z);
    for (let i = 0; i < z.length; i++) rows[i] = { activation: options.key, z: z[i], y: y[i], dy: dy[i] };
  }
  const lo = z[0];
  const hi = z[z.length - 1];
  const inside = breaks.filter((b) => b.z >= lo && b.z <= hi);
  const fns = { y: activation.f, dy: activation.df, d2y: activation.d2f };
  const kind = { y: 'f', dy: 'df', d2y: 'd2f' } as const;
  const jumps = (series: Column) =>
    options[series]
      ? inside.filter((b) => b[kind[series]] === 'jump').map((b) => jump(b.z, (t) => fns[series](t, params), series))
      : [];
  const found = { y: jumps('y'), dy: jumps('dy'), d2y: jumps('d2y') };
  return {
    key: options.key,
    activation,
    params,
    rows,
    splits: { y: found.y.map((j) => j.split), dy: found.dy.map((j) => j.split), d2y: found.d2y.map((j) => j.split) },
    // `kinks: false` leaves the jumps' points off the grid, and their markers off the figure; lines still break.
    markers: options.kinks ? [...found.y, ...found.dy, ...found.d2y].flatMap((j) => j.markers) : [],
    zRange: [lo, hi],
  };
}

/** Where an activation's f, f' or f'' is not smooth, for these parameters. */
export const breakPoints = (name: string, params: ParamValues): number[] =>
  findActivation(name)!
    .breaks(params)
    .map((b) => b.z);

/** Appends `more` to `rows` one by one: push(...more) passes every row as an argument and overflows the stack. */
export function append<T>(rows: T[], more: readonly T[]): void {
  for (const row of more) rows.push(row);
}

/** The value at a jump, its one-sided limits (from the neighbouring doubles), and which side it joins. */
function jump(k: number, g: (z: number) => number, series: Column) {
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

/**
 * A table of several series (rows grouped by `activation`) with each series' rows replaced by what `each`
 * keeps of them, in the table's order; the table itself when every series comes back as it was.
 */
export function seriesWise<R extends Row>(
  table: readonly R[],
  each: (key: string, rows: readonly R[]) => readonly R[],
): readonly R[] {
  const series = new Map<string, R[]>();
  for (const row of table) {
    let rows = series.get(row.activation);
    if (!rows) series.set(row.activation, (rows = []));
    rows.push(row);
  }
  const kept = new Set<R>();
  let dropped = false;
  for (const [key, rows] of series) {
    const out = each(key, rows);
    if (out !== rows) dropped = true;
    for (const row of out) kept.add(row);
  }
  return dropped ? table.filter((row) => kept.has(row)) : table;
}
