// What a rendered figure puts where: every visible text, legend, symbol and line with its bounds in image
// pixels, read from vega's scenegraph after a headless run. For checking layouts (no label may collide);
// it draws nothing.
import { loadRenderer } from '../../src/render/fonts.ts';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SceneItem {
  kind: 'text' | 'legend' | 'symbol' | 'line' | 'rule';
  /** vega's role of the mark: 'axis-label', 'legend-label', 'title-text', 'mark' (the spec's own marks). */
  role: string;
  /** The text and its font size in pixels, for text items. */
  text?: string;
  fontSize?: number;
  /** The legend the item belongs to (its index among the figure's legends), if any. */
  legend?: number;
  box: Box;
  /** The plot (the view or concat cell) the item is drawn in: its x, y, width and height. */
  plot: Box;
  /** A line's points in image pixels, in drawing order (a line of the spec's own marks). */
  points?: { x: number; y: number }[];
}

export interface Scene {
  width: number;
  height: number;
  items: SceneItem[];
}

interface VegaItem {
  x?: number;
  y?: number;
  x2?: number;
  y2?: number;
  width?: number;
  height?: number;
  bounds: Box;
  text?: unknown;
  fontSize?: number;
  opacity?: number;
  fillOpacity?: number;
  strokeOpacity?: number;
  items?: VegaMark[];
  mark?: VegaMark;
}
interface VegaMark {
  marktype: string;
  role: string;
  items: VegaItem[];
}

/** Lays out a Vega-Lite spec as the renderer would and lists its texts, legends and symbols. */
export async function layoutScene(spec: object): Promise<Scene> {
  const { vega, vegaLite } = await loadRenderer();
  const compiled = vegaLite.compile(spec as import('vega-lite').TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    await view.runAsync();
    const items: SceneItem[] = [];
    let legends = 0;
    // The scenegraph's root is the top group mark; its one item is the view, drawn at the origin.
    const root = (view.scenegraph() as unknown as { root: VegaMark }).root;
    const visit = (mark: VegaMark, dx: number, dy: number, legend: number | undefined, plot: Box) => {
      for (const item of mark.items ?? []) {
        if (item.opacity === 0) continue;
        const b = item.bounds;
        const box = { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
        let inLegend = legend;
        if (mark.role === 'legend') {
          inLegend = legends++;
          items.push({ kind: 'legend', role: mark.role, legend: inLegend, box, plot });
        }
        if (mark.marktype === 'text') {
          const text = Array.isArray(item.text) ? item.text.join(' ') : String(item.text ?? '');
          if (text.trim() !== '' && !(b.x2 < b.x1))
            items.push({ kind: 'text', role: mark.role, text, fontSize: item.fontSize, legend, box, plot });
        } else if (mark.marktype === 'line' && mark.role === 'mark' && item === mark.items[0]) {
          // A line mark draws one path through all its items: one scene item per path.
          const points = mark.items
            .filter((i) => Number.isFinite(i.x) && Number.isFinite(i.y))
            .map((i) => ({ x: (i.x as number) + dx, y: (i.y as number) + dy }));
          if (points.length > 1 && item.strokeOpacity !== 0)
            items.push({ kind: 'line', role: mark.role, box, plot, points });
        } else if (mark.marktype === 'rule' && mark.role === 'mark' && Number.isFinite(item.x2)) {
          // A leader line from a label to its point (or a bound's rule): its two ends.
          const points = [
            { x: (item.x ?? 0) + dx, y: (item.y ?? 0) + dy },
            { x: (item.x2 as number) + dx, y: (item.y2 ?? item.y ?? 0) + dy },
          ];
          items.push({ kind: 'rule', role: mark.role, box, plot, points });
        } else if (mark.marktype === 'symbol' && !(b.x2 < b.x1)) {
          items.push({ kind: 'symbol', role: mark.role, legend, box, plot });
        }
        if (mark.marktype === 'group') {
          const x = dx + (item.x ?? 0);
          const y = dy + (item.y ?? 0);
          // A plot is a group with a size of its own: the view, or a cell of a concat.
          const cell =
            (mark === root || mark.role === 'scope' || mark.role === 'cell') && item.width && item.height
              ? { x1: x, y1: y, x2: x + item.width, y2: y + item.height }
              : plot;
          for (const child of item.items ?? []) visit(child, x, y, inLegend, cell);
        }
      }
    };
    const [x0, y0] = view.origin();
    const padding = view.padding() as { left: number; top: number };
    const none = { x1: 0, y1: 0, x2: 0, y2: 0 };
    visit(root, x0 + padding.left, y0 + padding.top, undefined, none);
    const canvas = (await view.toCanvas(1)) as unknown as { width: number; height: number };
    return { width: canvas.width, height: canvas.height, items };
  } finally {
    view.finalize();
  }
}
