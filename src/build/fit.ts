// A figure of a fixed outer size (`size`, or a preset's: a 960×540 slide) made exactly that size: its
// panels are resized until the renderer lays the whole figure (titles, axes, legends, margins) out at the
// size, and the last pixels go to the margins. The spec is then built at the fitted sizes, so the spec,
// the PNG, the SVG and the PDF all agree.
import type { Figure } from '../config/model.ts';
import { PADDING } from '../figures/spec.ts';
import { buildSpec, specForRender } from '../kinds/spec.ts';

/** The margin a fitted figure keeps on every side at least (the default padding is PADDING). */
const MIN_PADDING = 4;
/** Passes of resizing before the margins take what is left. */
const PASSES = 6;

/** The figure with the panel size and padding that make it exactly `figure.size`; others as they are. */
export async function fitFigure(figure: Figure, scale: number): Promise<Figure> {
  if (!figure.size || !figure.cells) return figure;
  const { measure } = await import('../render/render.ts');
  const [W, H] = figure.size;
  const [columns, rows] = figure.cells;
  let fitted: Figure = { ...figure, padding: undefined };
  let [w, h] = await measure(specForRender(fitted, buildSpec(fitted), scale));
  // How much the outer size moves per pixel of panel size: the number of panels across (down) at first,
  // then as measured (text that wraps or a legend that moves makes it other than that).
  let slope: [number, number] = [columns, rows];
  // The smallest size that fits, kept: where a label moves between the plot and the legend as the plot
  // narrows, the outer size jumps, and the passes can end on the side of the jump that does not fit.
  let best: { fitted: Figure; w: number; h: number } | undefined;
  for (let pass = 0; pass < PASSES; pass++) {
    const dw = W - w;
    const dh = H - h;
    if (dw >= 0 && dh >= 0 && (!best || dw + dh < W - best.w + H - best.h)) best = { fitted, w, h };
    // Close enough that the margins can take the rest (and never so tight that they must give).
    if (dw >= 0 && dh >= 0 && dw < 2 * columns && dh < 2 * rows) break;
    const next = {
      ...fitted,
      // Whole pixels: vega lays out a fractional plot width as a fractional figure.
      width: Math.max(20, Math.round(fitted.width + (dw - columns) / slope[0])),
      height: Math.max(20, Math.round(fitted.height + (dh - rows) / slope[1])),
    };
    const [w2, h2] = await measure(specForRender(next, buildSpec(next), scale));
    const measured = (d: number, dPanel: number, fallback: number) =>
      Math.abs(dPanel) > 0.5 && d / dPanel > 0.2 ? d / dPanel : fallback;
    slope = [
      measured(w2 - w, next.width - fitted.width, slope[0]),
      measured(h2 - h, next.height - fitted.height, slope[1]),
    ];
    fitted = next;
    [w, h] = [w2, h2];
  }
  const slack = 2 * (PADDING - MIN_PADDING);
  if ((w > W + slack || h > H + slack) && best) ({ fitted, w, h } = best);
  const side = (extra: number): [number, number] => {
    const half = PADDING + Math.floor(extra / 2);
    return [Math.max(MIN_PADDING, half), Math.max(MIN_PADDING, PADDING + extra - Math.floor(extra / 2))];
  };
  const [left, right] = side(W - w);
  const [top, bottom] = side(H - h);
  if (w - 2 * PADDING + left + right !== W || h - 2 * PADDING + top + bottom !== H) {
    throw new Error(`figure "${figure.id}": its text and legends take more than its size ${W}×${H}`);
  }
  return { ...fitted, padding: { top, bottom, left, right } };
}
