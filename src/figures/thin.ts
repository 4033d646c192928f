// What the renderer draws of a large table: per device-pixel column of the plot, only the points that
// decide the pixels (M4: first, last, min and max), plus every kink and jump point. The written spec
// and CSV keep every row; only the copy given to vega is thinned, so vega makes a few thousand row
// objects instead of millions. Pure: rows in, rows out.
import type { ParamValues } from '../math/activations/registry.ts';
import { breakPoints, type Row, seriesWise } from './data.ts';
import { lineLayers, simplifyTable } from './simplify.ts';
import { DATASET, type Spec } from './spec.ts';

/** A series is thinned only above this many rows per device-pixel column of its plot... */
export const THIN_PER_COLUMN = 8;
/** ...and above this many rows: every figure of a usual size renders from its spec as written. */
export const THIN_MIN_ROWS = 10_000;

export interface ThinOptions {
  /** Device-pixel columns across the plot: its width in CSS pixels × the PNG scale. */
  columns: number;
  /** The z range the plot's width shows; the rows' own range when omitted. */
  domain?: readonly [number, number];
  /** Where the function has a kink or jump: a row at one is always kept, and no column spans one. */
  breaks?: readonly number[];
  /** Rows at or below this count come back as they are (the same array); `thinThreshold(columns)` when omitted. */
  threshold?: number;
}

/** The row count above which `thinRows` thins for these columns: THIN_PER_COLUMN per column, THIN_MIN_ROWS at least. */
export const thinThreshold = (columns: number) => Math.max(THIN_PER_COLUMN * columns, THIN_MIN_ROWS);

/**
 * One series' rows (sorted by z) thinned for drawing, in their order. The rows are cut into buckets:
 * a device-pixel column, split further at every break; a row at a break, or with a value that is not
 * finite, is a bucket of its own. Each bucket keeps its first and last row and the rows with the
 * smallest and largest y, dy and d2y (they share one row object per z, so one thinning serves both):
 * a line through what is kept covers the same pixels as a line through every row, each piece between
 * jumps still ends at its last point, and the extremes that set the y scale stay.
 */
export function thinRows<R extends Row>(rows: readonly R[], options: ThinOptions): readonly R[] {
  const n = rows.length;
  if (n <= (options.threshold ?? thinThreshold(options.columns))) return rows;
  const keep = new Uint8Array(n);
  const lo = options.domain?.[0] ?? rows[0].z;
  const hi = options.domain?.[1] ?? rows[n - 1].z;
  const columns = Math.max(1, Math.floor(options.columns));
  const breaks = [...new Set(options.breaks ?? [])].filter(Number.isFinite).sort((a, b) => a - b);
  let b = 0;
  // The open bucket: its id (column and piece between breaks) and the rows it keeps.
  let column = Number.NaN;
  let piece = -1;
  let first = -1;
  let last = -1;
  let yMin = -1;
  let yMax = -1;
  let dyMin = -1;
  let dyMax = -1;
  let d2Min = -1;
  let d2Max = -1;
  const close = () => {
    if (first < 0) return;
    keep[first] = keep[last] = keep[yMin] = keep[yMax] = keep[dyMin] = keep[dyMax] = keep[d2Min] = keep[d2Max] = 1;
    first = -1;
  };
  for (let i = 0; i < n; i++) {
    const { z, y, dy } = rows[i];
    const d2y = rows[i].d2y ?? 0;
    while (b < breaks.length && breaks[b] < z) b++;
    if ((b < breaks.length && breaks[b] === z) || !Number.isFinite(z + y + dy + d2y)) {
      close();
      keep[i] = 1;
      column = Number.NaN;
      continue;
    }
    const c = hi > lo ? Math.min(columns - 1, Math.max(0, Math.floor(((z - lo) * columns) / (hi - lo)))) : 0;
    if (first < 0 || c !== column || b !== piece) {
      close();
      column = c;
      piece = b;
      first = last = yMin = yMax = dyMin = dyMax = d2Min = d2Max = i;
      continue;
    }
    last = i;
    if (y < rows[yMin].y) yMin = i;
    if (y > rows[yMax].y) yMax = i;
    if (dy < rows[dyMin].dy) dyMin = i;
    if (dy > rows[dyMax].dy) dyMax = i;
    if (d2y < (rows[d2Min].d2y ?? 0)) d2Min = i;
    if (d2y > (rows[d2Max].d2y ?? 0)) d2Max = i;
  }
  close();
  const out: R[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(rows[i]);
  return out;
}

/**
 * A table of several series thinned series by series (`options` by the rows' `activation`; a series
 * without options is kept whole), in the table's order. Returns the table itself when nothing is thinned.
 */
export function thinTable<R extends Row>(table: readonly R[], options: ReadonlyMap<string, ThinOptions>): readonly R[] {
  return seriesWise(table, (key, rows) => {
    const o = options.get(key);
    return o ? thinRows(rows, o) : rows;
  });
}

/**
 * The spec to give the renderer: a copy whose table holds what its lines need: a large series thinned
 * for plots `width` CSS pixels wide drawn at `scale` device pixels per CSS pixel, then every series
 * simplified for the spec's line layers (simplify.ts); `spec` itself when no row is dropped. `keyed` are
 * the series whose rows may be dropped (a kind's `keyed`): none for small tables such as depth figures'.
 */
export function thinSpec(
  keyed: readonly { key: string; activation: string; params: ParamValues }[],
  width: number,
  spec: Spec,
  scale: number,
): Spec {
  if (keyed.length === 0) return spec;
  // SVG and PDF are drawn at scale 1: never thin for fewer columns than CSS pixels.
  const columns = Math.ceil(width * Math.max(1, scale));
  const threshold = thinThreshold(columns);
  const options = new Map<string, ThinOptions>();
  for (const { key, activation, params } of keyed) {
    const breaks = breakPoints(activation, params);
    options.set(key, { columns, breaks, threshold });
  }
  const table = spec.datasets[DATASET] as Row[];
  let drawn = thinTable(table, options);
  // Then, what the lines need of what is left (simplify.ts), where the spec's line layers can be read.
  const layers = lineLayers(spec as unknown as Record<string, unknown>, DATASET);
  if (layers) drawn = simplifyTable(drawn, layers, new Map(keyed.map(({ key }) => [key, options.get(key)!.breaks!])));
  return drawn === table ? spec : { ...spec, datasets: { ...spec.datasets, [DATASET]: drawn as object[] } };
}
