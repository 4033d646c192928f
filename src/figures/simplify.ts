// What the renderer draws of a curve: the rows a line through them needs to stay within SIMPLIFY_PX of
// the line through every row (Douglas-Peucker in plot pixels). A 400-sample ReLU is two straight pieces,
// a sigmoid's tails are flat: most rows decide no pixel, and every row costs vega a tuple, an item and
// its bounds (a line's rows are nine tenths of a figure's items). The written spec and CSV keep every
// row. Pure: it reads the plot geometry from the spec to draw, and leaves a series it cannot read whole.
import { type Row, seriesWise } from './data.ts';

/** How far (CSS px) a drawn line may pass from the line through every row: a fifth of a device pixel at scale 2. */
export const SIMPLIFY_PX = 0.1;

/** One line layer drawing rows of the table: which series, which fields, in what plot. */
interface LineLayer {
  /** The rows' `activation` values it draws; undefined: every row. */
  keys?: readonly string[];
  fields: readonly string[];
  x: readonly [number, number];
  y: readonly [number, number];
  width: number;
  height: number;
}

type Node = Record<string, unknown>;

const isDomain = (d: unknown): d is [number, number] =>
  Array.isArray(d) && d.length === 2 && d.every((v) => typeof v === 'number' && Number.isFinite(v)) && d[0] !== d[1];

/**
 * The line layers of a spec that draw `dataset`, or undefined when a layer draws it in a way not read
 * here (another mark, another transform, a domain the scale computes): then nothing is simplified.
 */
export function lineLayers(spec: Node, dataset: string): LineLayer[] | undefined {
  const out: LineLayer[] = [];
  let readable = true;
  const visit = (node: Node, width: unknown, height: unknown, drawsTable: boolean) => {
    const data = node.data as { name?: string } | undefined;
    const table = data ? data.name === dataset : drawsTable;
    const w = typeof node.width === 'number' ? node.width : width;
    const h = typeof node.height === 'number' ? node.height : height;
    for (const key of ['layer', 'hconcat', 'vconcat', 'concat'])
      for (const child of (node[key] as Node[] | undefined) ?? []) visit(child, w, h, table);
    if (!node.mark || !table) return;
    const layer = readLine(node, w, h);
    if (layer) out.push(layer);
    else readable = false;
  };
  visit(spec, undefined, undefined, false);
  return readable ? out : undefined;
}

function readLine(node: Node, width: unknown, height: unknown): LineLayer | undefined {
  const mark = node.mark as string | { type?: string };
  if ((typeof mark === 'string' ? mark : mark.type) !== 'line') return;
  if (typeof width !== 'number' || typeof height !== 'number') return;
  const encoding = node.encoding as Record<string, { field?: string; scale?: { domain?: unknown } }> | undefined;
  const x = encoding?.x;
  const y = encoding?.y;
  if (x?.field !== 'z' || !isDomain(x.scale?.domain) || !isDomain(y?.scale?.domain)) return;
  let keys: string[] | undefined;
  let fields = [y.field as string];
  for (const t of (node.transform as Node[] | undefined) ?? []) {
    if (t.calculate !== undefined) continue;
    const filter = t.filter as { field?: string; equal?: unknown; oneOf?: unknown } | undefined;
    if (filter?.field === 'activation' && typeof filter.equal === 'string') keys = [filter.equal];
    else if (filter?.field === 'activation' && Array.isArray(filter.oneOf)) keys = filter.oneOf as string[];
    else if (Array.isArray(t.fold) && y.field === (t.as as string[] | undefined)?.[1]) fields = t.fold as string[];
    else return;
  }
  return {
    keys,
    fields,
    x: x.scale!.domain as [number, number],
    y: y.scale!.domain as [number, number],
    width,
    height,
  };
}

/**
 * The rows of one series (sorted by z) that its lines need, in order. Rows at a break (kink or jump) or
 * with a value that is not finite are kept, and no kept segment spans a break: each piece of a jump
 * still ends where it ends. A row is kept if any layer's line through any of its fields needs it.
 */
export function simplifyRows<R extends Row>(
  rows: readonly R[],
  layers: readonly LineLayer[],
  breaks: readonly number[],
): readonly R[] {
  const n = rows.length;
  if (n <= 2 || layers.length === 0) return rows;
  // Anchors, always kept: the ends, each break's row and the rows either side of it, and each row with a
  // value that is not finite (vega breaks the line there) and its neighbours.
  const anchor = new Uint8Array(n);
  anchor[0] = anchor[n - 1] = 1;
  const sorted = [...new Set(breaks)].filter(Number.isFinite).sort((a, b) => a - b);
  let b = 0;
  for (let i = 0; i < n; i++) {
    const z = rows[i].z;
    while (b < sorted.length && sorted[b] < z) b++;
    const nextCrosses = i + 1 < n && b < sorted.length && rows[i + 1].z >= sorted[b] && z < sorted[b];
    const finite = Number.isFinite(z) && layers.every((l) => l.fields.every((f) => Number.isFinite(value(rows[i], f))));
    if (!finite || nextCrosses || (b < sorted.length && sorted[b] === z)) {
      anchor[i] = 1;
      if (i > 0) anchor[i - 1] = 1;
      if (i + 1 < n) anchor[i + 1] = 1;
    }
  }
  const keep = anchor.slice();
  for (const layer of layers)
    for (const field of layer.fields) {
      const px = (i: number) => ((rows[i].z - layer.x[0]) / (layer.x[1] - layer.x[0])) * layer.width;
      const py = (i: number) => ((value(rows[i], field) - layer.y[0]) / (layer.y[1] - layer.y[0])) * layer.height;
      // Between two anchors lies no break and no missing value: one straight run of the curve.
      for (let a = 0, i = 1; i < n; i++) {
        if (!anchor[i]) continue;
        if (i - a >= 2) douglasPeucker(a, i, px, py, keep);
        a = i;
      }
    }
  const out: R[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(rows[i]);
  return out.length === n ? rows : out;
}

const value = (row: Row, field: string): number => (row as unknown as Record<string, number>)[field];

/** Marks in `keep` the rows from `first` to `last` a line within SIMPLIFY_PX needs (ends included). */
function douglasPeucker(
  first: number,
  last: number,
  px: (i: number) => number,
  py: (i: number) => number,
  keep: Uint8Array,
): void {
  keep[first] = keep[last] = 1;
  const stack = [first, last];
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    if (b - a < 2) continue;
    const ax = px(a);
    const ay = py(a);
    const dx = px(b) - ax;
    const dy = py(b) - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let far = SIMPLIFY_PX;
    for (let i = a + 1; i < b; i++) {
      const ex = px(i) - ax;
      const ey = py(i) - ay;
      const d = length > 0 ? Math.abs(ex * dy - ey * dx) / length : Math.hypot(ex, ey);
      if (d > far) {
        far = d;
        worst = i;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push(a, worst, worst, b);
  }
}

/**
 * The table of `spec`'s dataset with each series' rows simplified for the line layers that draw it
 * (`breaks` by the rows' `activation`; a series without breaks known, or drawn by a layer not read
 * here, is kept whole), in the table's order; the table itself when nothing is dropped.
 */
export function simplifyTable<R extends Row>(
  table: readonly R[],
  layers: readonly LineLayer[],
  breaks: ReadonlyMap<string, readonly number[]>,
): readonly R[] {
  return seriesWise(table, (key, rows) => {
    const at = breaks.get(key);
    const own = layers.filter((l) => !l.keys || l.keys.includes(key));
    return at && sortedByZ(rows) ? simplifyRows(rows, own, at) : rows;
  });
}

const sortedByZ = (rows: readonly Row[]) => rows.every((r, i) => i === 0 || rows[i - 1].z < r.z);
