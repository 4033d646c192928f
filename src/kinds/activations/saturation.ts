// A panel's saturated regions: where |f'| is below the threshold, solved from f', shaded beneath the
// lines and labelled with the bounds.
import type { Sampled } from '../../figures/data.ts';
import type { Colors } from '../../figures/theme.ts';
import type { Layer } from '../../figures/vl.ts';
import { belowThreshold } from '../../math/saturation.ts';
import { labelNumber, short } from '../../text.ts';
import { plotPixels, type Rect, textWidth } from '../../figures/place.ts';
import type { ActivationsFigure, Panel } from './types.ts';

/** Saturated intervals of a panel: where |f'| < threshold, solved from f', within the panel's range. */
export function saturatedIntervals(panel: Panel, data: Sampled): [number, number][] {
  if (!panel.saturation) return [];
  const { activation, params, zRange } = data;
  return belowThreshold((z) => activation.df(z, params), panel.saturation.threshold, zRange[0], zRange[1]);
}

/** Shaded saturated regions with their label and solved boundary, drawn beneath the lines. */
export function saturationLayers(
  panel: Panel,
  data: Sampled,
  c: Colors,
  figure: ActivationsFigure,
  points: readonly { x: number; y: number }[],
  yDomain: [number, number],
  legend?: Rect,
): Layer[] {
  const { height, fontScale } = figure;
  const intervals = saturatedIntervals(panel, data);
  if (intervals.length === 0) return [];
  const [lo, hi] = data.zRange;
  const t = short(panel.saturation!.threshold);
  // A region at an edge of the plot is labelled from that edge inwards, so its text stays in the plot.
  // An end where |f'| is below the threshold belongs to the region (hardtanh's flat piece is z ≥ 1, where
  // f'(1) = 0); one where it only reaches it does not (sigmoid's z < -4.585).
  const below = (z: number) => Math.abs(data.activation.df(z, data.params)) < panel.saturation!.threshold;
  const lt = (z: number) => (below(z) ? '≤' : '<');
  const gt = (z: number) => (below(z) ? '≥' : '>');
  const range = (a: number, b: number) =>
    a <= lo
      ? `z ${lt(b)} ${labelNumber(b, 4)}`
      : b >= hi
        ? `z ${gt(a)} ${labelNumber(a, 4)}`
        : `${labelNumber(a, 4)} ${lt(a)} z ${lt(b)} ${labelNumber(b, 4)}`;
  const size = 10 * fontScale;
  const lineHeight = 1.25 * size;
  const px = plotPixels(data.zRange, yDomain, figure);
  const values = intervals.map(([a, b]) => {
    const align = a <= lo ? 'left' : b >= hi ? 'right' : 'center';
    // The label's lines fit its band: as many words on a line as its width holds.
    const [x0, x1] = [px(a, 0).x, px(b, 0).x];
    const lines = fitLines(['saturated:', `|f′(z)| < ${t}`, range(a, b)], size, Math.max(x1 - x0 - 8, 0));
    const w = Math.max(...lines.map((l) => textWidth(l, size)));
    const left = align === 'left' ? x0 + 4 : align === 'right' ? x1 - 4 - w : (x0 + x1 - w) / 2;
    // 30% down the plot (below the top-left legend, above the flat tails of f and f'), unless a curve or
    // the legend is there: then the first height, lower or higher, clear of both.
    const clear = (top: number) => {
      const [y0, y1] = [top - 2, top + lines.length * lineHeight + 2];
      const hit = (p: { x: number; y: number }) => p.x >= left - 2 && p.x <= left + w + 2 && p.y >= y0 && p.y <= y1;
      const onLegend = legend && legend.x1 < left + w + 2 && left - 2 < legend.x2 && legend.y1 < y1 && y0 < legend.y2;
      return !onLegend && !points.some(hit);
    };
    // Else below the curves' band of the plot, at its foot: the last place a curve is likely.
    const heights = [0.3, 0.5, 0.12, 0.7, 0.85].map((f) =>
      Math.round(f * height - (f > 0.5 ? lines.length * lineHeight : 0)),
    );
    const top = heights.find(clear) ?? Math.round(0.3 * height);
    return { z0: a, z1: b, at: a <= lo ? a : b >= hi ? b : (a + b) / 2, align, top, label: lines.join('\n') };
  });
  const text = (align: 'left' | 'right' | 'center'): Layer => ({
    data: { values: values.filter((v) => v.align === align) },
    mark: {
      type: 'text',
      align,
      baseline: 'top',
      dx: align === 'left' ? 4 : align === 'right' ? -4 : 0,
      fontSize: size,
      lineBreak: '\n',
      lineHeight,
      color: c.text,
    },
    encoding: {
      x: { field: 'at', type: 'quantitative' },
      y: { field: 'top', type: 'quantitative', scale: null },
      text: { field: 'label' },
    },
  });
  return [
    {
      data: { values: values.map(({ z0, z1 }) => ({ z0, z1 })) },
      mark: { type: 'rect', color: c.shade, opacity: 0.18 },
      encoding: { x: { field: 'z0', type: 'quantitative' }, x2: { field: 'z1' } },
    },
    ...(['left', 'right', 'center'] as const).filter((align) => values.some((v) => v.align === align)).map(text),
  ];
}

/** Words joined into lines no wider than `max` at this font size (a word wider keeps a line of its own). */
function fitLines(words: readonly string[], size: number, max: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
