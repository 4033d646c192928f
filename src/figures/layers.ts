import type { Colors } from './theme.ts';
import type { Layer } from './vl.ts';
import type { Marker, Split } from './data.ts';
import type { LegendPosition } from './model.ts';

/** A Vega expression numbering the pieces of a line between its jumps. */
export function segment(splits: Split[]): string {
  if (splits.length === 0) return '0';
  return splits.map((s) => `(datum.z ${s.side === 'left' ? '>' : '>='} ${s.z} ? 1 : 0)`).join(' + ');
}

/**
 * Layers that mark a jump's ends: a filled dot at the value, an open one at the other limit. Colours
 * are given directly through fill/stroke with scale: null, so these layers share no scale or legend
 * with the lines (a color channel here, even unscaled, stops vega-lite merging the colour and dash legends).
 */
/** The filled dot's area in px² (vega's point size): it grows with the line, so it stays visible beside it. */
const dotSize = (lineWidth: number) => Math.round(40 * (lineWidth / 2) ** 2);
/** The largest marker's reach from its point in CSS px: the open circle, its stroke included, and a pixel. */
export const markerRadius = (lineWidth: number) =>
  Math.sqrt(Math.round(dotSize(lineWidth) * 1.8) / Math.PI) + 0.375 * lineWidth + 1;

export function jumpLayers(markers: (Marker & { color: string })[], c: Colors, lineWidth = 2): Layer[] {
  const size = dotSize(lineWidth);
  const layers: Layer[] = [];
  // Open circles first and larger, filled dots over them: where f's open end and f''s filled dot fall on
  // one point (threshold at 0), the dot shows inside the ring instead of under it.
  for (const open of [true, false]) {
    const values = markers
      .filter((m) => m.open === open)
      .map((m) => ({ z: m.z, value: m.value, color: m.color, open: m.open }));
    if (values.length === 0) continue;
    layers.push({
      data: { values },
      mark: open
        ? {
            type: 'point',
            filled: false,
            fill: c.background,
            strokeWidth: 0.75 * lineWidth,
            size: Math.round(size * 1.8),
            opacity: 1,
            clip: true,
          }
        : { type: 'point', filled: true, size, opacity: 1, clip: true },
      encoding: {
        x: { field: 'z', type: 'quantitative' },
        y: { field: 'value', type: 'quantitative' },
        [open ? 'stroke' : 'fill']: { field: 'color', type: 'nominal', scale: null },
      },
    });
  }
  return layers;
}

/** Where a legend goes: vega-lite's orient, with a frame only inside the plot. */
export function legendSpec(position: LegendPosition | 'auto' | false, title: string | null = null) {
  if (position === false) return null;
  if (position === 'auto') throw new Error('legendSpec: choose the legend position first');
  // Below the plot a legend wraps after three entries: in one line, six would be wider than a slide.
  return { title, orient: position, ...(position === 'bottom' && { columns: 3 }) };
}

/**
 * A legend with the entries named in `hidden` drawn invisible (and its title, when all are): a reveal's
 * frame keeps the whole legend's room, so nothing moves between frames. None hidden: the legend as it is.
 */
export function hideEntries<T extends object | null>(legend: T, hidden: readonly string[], all: number): T {
  if (legend === null || hidden.length === 0) return legend;
  const expr = `indexof(${JSON.stringify(hidden)}, datum.value) >= 0 ? 0 : 1`;
  return {
    ...legend,
    symbolOpacity: { expr },
    labelOpacity: { expr },
    ...(hidden.length >= all && { titleOpacity: 0, fillColor: 'transparent', strokeColor: 'transparent' }),
  };
}

/** Whether series `index` (counted across the figure) of panel `panel` is drawn in the figure's reveal frame. */
export function revealed(frame: { by: 'series' | 'panels'; shown: number } | undefined, panel: number, index: number) {
  return frame === undefined || (frame.by === 'panels' ? panel : index) < frame.shown;
}
