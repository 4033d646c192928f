import { findActivation } from '../activations/index.ts';
import type { Activation, ParamValues } from '../activations/index.ts';
import { nextDown, nextUp } from '../activations/math.ts';
import type { Figure, Panel } from '../config.ts';
import { evaluate } from '../evaluate.ts';
import { sample, withBreaks } from '../grid.ts';
import { describeParams } from '../params.ts';

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

export interface PanelData {
  /** The value of `activation` in this panel's rows (unique within the figure). */
  key: string;
  activation: Activation;
  splits: { y: Split[]; dy: Split[] };
  markers: Marker[];
  zRange: [number, number];
}

/** Samples every panel of a figure: the table of rows, and how each panel's lines break. */
export function sampleFigure(figure: Figure): { rows: Row[]; panels: PanelData[] } {
  const rows: Row[] = [];
  const used = new Map<string, string>();
  const panels = figure.panels.map((panel) => {
    const activation = findActivation(panel.activation)!;
    const key = rowKey(activation, panel, used);
    let z = sample(panel.grid).sort();
    const breaks = activation.breaks(panel.params);
    if (panel.kinks) z = withBreaks(z, breaks);
    const { y, dy } = evaluate(activation, panel.params, z);
    if (!used.has(key)) {
      for (let i = 0; i < z.length; i++) rows.push({ activation: key, z: z[i], y: y[i], dy: dy[i] });
    }
    used.set(key, identity(panel));
    const lo = z[0];
    const hi = z[z.length - 1];
    const inside = breaks.filter((b) => b.z >= lo && b.z <= hi);
    const p = panel.params;
    const splitsFor = (series: 'y' | 'dy') => {
      const g = series === 'y' ? (t: number) => activation.f(t, p) : (t: number) => activation.df(t, p);
      return inside.filter((b) => (series === 'y' ? b.f : b.df) === 'jump').map((b) => jump(b.z, g, series));
    };
    const yJumps = splitsFor('y');
    const dyJumps = panel.derivative ? splitsFor('dy') : [];
    return {
      key,
      activation,
      splits: { y: yJumps.map((j) => j.split), dy: dyJumps.map((j) => j.split) },
      markers: [...yJumps, ...dyJumps].flatMap((j) => j.markers),
      zRange: [lo, hi] as [number, number],
    };
  });
  return { rows, panels };
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

function identity(panel: Panel): string {
  return JSON.stringify([panel.activation, panel.params, panel.grid, panel.kinks]);
}

// The activation's name when it has its default parameters, else name(k=v, ...); a panel that
// repeats an earlier one's activation, parameters and grid shares its rows.
function rowKey(activation: Activation, panel: Panel, used: Map<string, string>): string {
  const changed = describeParams(activation, panel.params as ParamValues);
  const base = changed ? `${activation.name}(${changed})` : activation.name;
  let key = base;
  for (let n = 2; used.has(key) && used.get(key) !== identity(panel); n++) key = `${base}#${n}`;
  return key;
}
