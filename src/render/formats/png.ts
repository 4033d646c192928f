// PNG: node-canvas at the build's scale, on a kept canvas of its size (canvases.ts).
import type { PngFilter } from '../../formats.ts';
import { drawPng as drawOnCanvas } from '../canvases.ts';
import type { Drawing } from '../render.ts';

export function drawPng({ view, options, renderer }: Drawing): Promise<Uint8Array> {
  const filter = `PNG_FILTER_${options.pngFilter.toUpperCase()}` as `PNG_FILTER_${Uppercase<PngFilter>}`;
  return drawOnCanvas(view, options.scale, renderer.canvas, (canvas) =>
    canvas.toBuffer('image/png', {
      compressionLevel: options.pngCompression as 0,
      filters: renderer.canvas.Canvas[filter],
      // pixels per inch in the pHYs chunk: 72 per inch at scale 1, as browsers assume
      resolution: Math.round(72 * options.scale),
    }),
  );
}
