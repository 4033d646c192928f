// Where labels go: each label tries positions around its anchor, nearest first, and takes the first that
// stays inside the plot and clear of the legend, the markers, the labels placed before it and, if it
// can, the curves. Sizes come from the bundled font's advance widths, so this stays pure.
import type { LegendPosition } from './model.ts';
import { CHARS, WIDTHS } from './font-widths.ts';

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const advance = new Map([...CHARS].map((ch, i) => [ch, WIDTHS[i]]));

/**
 * The width of `text` set in the bundled font at `fontSize` pixels. A character the table lacks counts as
 * one em: DejaVu's "M", and exactly the advance of every CJK character in Noto CJK, the fallback that draws them.
 */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += advance.get(ch) ?? 1000;
  return (w * fontSize) / 1000;
}

/**
 * A text broken at spaces into lines no wider than `maxWidth` (a word longer than that keeps a line of
 * its own): what a title becomes when it is wider than its figure or panel. One line when it fits.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  if (textWidth(text, fontSize) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A title's text as vega-lite takes it: a string when it is one line, else its lines. */
export const titleText = (text: string, fontSize: number, maxWidth: number): string | string[] => {
  const lines = wrapText(text, fontSize, maxWidth);
  return lines.length === 1 ? lines[0] : lines;
};

/**
 * An axis title as drawn: on a figure of a fixed size, wrapped to the length of its axis (a y title
 * taller than its plot would make the row taller than the plot).
 */
export const axisTitle = (text: string, length: number, figure: { size?: unknown; fontScale: number }) =>
  figure.size ? titleText(text, 13 * figure.fontScale, length) : text;

/** Where a point (z, value) lies in plot pixels, for a plot showing `zRange` across and `yDomain` up. */
export function plotPixels(
  zRange: readonly [number, number],
  yDomain: readonly [number, number],
  plot: { width: number; height: number },
): (z: number, value: number) => { x: number; y: number } {
  const [lo, hi] = zRange;
  const [ylo, yhi] = yDomain;
  return (z, value) => ({
    x: ((z - lo) / (hi - lo)) * plot.width,
    y: plot.height - ((value - ylo) / (yhi - ylo)) * plot.height,
  });
}

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (a: Rect, b: Rect) => a.x1 >= b.x1 && a.y1 >= b.y1 && a.x2 <= b.x2 && a.y2 <= b.y2;

/**
 * The box a legend inside the plot covers, in plot pixels (vega sets it 17.5 px in from the corner; its
 * rows are 17 px at font scale 1), with a margin. Undefined for a legend outside the plot.
 */
export function legendBox(
  position: LegendPosition | false,
  legends: readonly (readonly string[])[],
  plot: { width: number; height: number },
  fontScale: number,
  title = false,
): Rect | undefined {
  if (position === false || position === 'right' || position === 'bottom') return undefined;
  // Several legends at one corner sit side by side.
  const sizes = legends.map((labels) => ({
    w: 37 * fontScale + Math.max(...labels.map((l) => textWidth(l, 11 * fontScale))) + 6,
    h: 17 * fontScale * labels.length + 11 + (title ? 17 * fontScale : 0),
  }));
  const w = 17.5 + sizes.reduce((n, s) => n + s.w, 0) + 10 * (sizes.length - 1) + 6;
  const h = 17.5 + Math.max(...sizes.map((s) => s.h)) + 6;
  const left = position.endsWith('left');
  const top = position.startsWith('top');
  return {
    x1: left ? 0 : plot.width - w,
    x2: left ? w : plot.width,
    y1: top ? 0 : plot.height - h,
    y2: top ? h : plot.height,
  };
}

const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

/** A legend's size in CSS pixels, its boxes side by side (as legendBox lays them out). */
function legendSize(legends: readonly (readonly string[])[], fontScale: number, title: boolean) {
  const box = legendBox('top-left', legends, { width: 1e6, height: 1e6 }, fontScale, title)!;
  return { w: box.x2 - box.x1, h: box.y2 - box.y1 };
}

/**
 * Where an automatic legend goes: the first corner of the plot whose box covers none of `markers` (jump
 * and peak dots) and none of `points` (the curves, in plot pixels), else outside: a legend never covers data.
 */
export function chooseLegend(
  legends: readonly (readonly string[])[],
  plot: { width: number; height: number },
  fontScale: number,
  points: readonly { x: number; y: number }[],
  title = false,
  markers: readonly { x: number; y: number }[] = [],
  size?: readonly [number, number],
): LegendPosition {
  // Outside, it goes on the right; on a figure of a fixed size it goes where it takes the smaller share
  // of the figure: below, for a wide legend on a slide.
  const box = legendSize(legends, fontScale, title);
  const below = size !== undefined && box.h / size[1] < box.w / size[0];
  const outside: LegendPosition = below ? 'bottom' : 'right';
  for (const corner of CORNERS) {
    const box = legendBox(corner, legends, plot, fontScale, title)!;
    const within = (p: { x: number; y: number }) => p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
    if (!markers.some(within) && !points.some(within)) return corner;
  }
  return outside;
}

export interface LabelRequest {
  /** The point labelled, in plot pixels. */
  x: number;
  y: number;
  text: string;
  fontSize: number;
}

/** A placed label: its box in plot pixels (text set with align left, baseline top at x1, y1). */
export type Placement = Rect;

/**
 * Places each label beside its point, or returns undefined for one that fits nowhere (the caller then
 * says it elsewhere, e.g. in the legend). `obstacles` are boxes no label may touch; `curve` are the
 * points of the curves, which no label may cover either.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  plot: { width: number; height: number },
  obstacles: readonly Rect[],
  curve: readonly { x: number; y: number }[],
): (Placement | undefined)[] {
  const bounds = { x1: 2, y1: 2, x2: plot.width - 2, y2: plot.height - 2 };
  const taken = [...obstacles];
  const crossesCurve = (r: Rect) => curve.some((p) => p.x > r.x1 && p.x < r.x2 && p.y > r.y1 && p.y < r.y2);
  return requests.map((q) => {
    const w = textWidth(q.text, q.fontSize);
    const h = q.fontSize * 1.2;
    const gap = 6;
    const spots: Rect[] = [];
    for (const dy of [-h - gap, gap, -h / 2, -2 * h - gap, h + 2 * gap]) {
      for (const dx of [gap, -w - gap, -w / 2, 4 * gap, -w - 4 * gap, 12 * gap, -w - 12 * gap]) {
        if (dy === -h / 2 && dx === -w / 2) continue; // on the point itself
        spots.push({ x1: q.x + dx, y1: q.y + dy, x2: q.x + dx + w, y2: q.y + dy + h });
      }
    }
    const free = spots.filter((r) => inside(r, bounds) && !taken.some((t) => overlaps(r, t)));
    // A label never lies on a curve: with no spot clear of them it is said elsewhere (the caller's legend).
    const best = free.find((r) => !crossesCurve(r));
    if (best) taken.push(best);
    return best;
  });
}
