// PNG: node-canvas at the build's scale, on a kept canvas of its size (canvases.ts), encoded by
// png-encode.ts when the figure is opaque and by node-canvas otherwise.
import type { PngFilter } from '../../formats.ts';
import { drawPng as drawOnCanvas } from '../canvases.ts';
import type { Drawing } from '../render.ts';
import { encodeOpaquePng } from './png-encode.ts';

export function drawPng({ view, options, renderer }: Drawing): Promise<Uint8Array> {
  const filter = `PNG_FILTER_${options.pngFilter.toUpperCase()}` as `PNG_FILTER_${Uppercase<PngFilter>}`;
  // pixels per inch in the pHYs chunk: 72 per inch at scale 1, as browsers assume
  const ppi = Math.round(72 * options.scale);
  return drawOnCanvas(view, options.scale, renderer.canvas, (canvas) => {
    const encoding = { filter: options.pngFilter, level: options.pngCompression, ppi };
    const opaque = encodeOpaquePng(canvas.toBuffer('raw'), canvas.width, canvas.height, encoding);
    return (
      opaque ??
      canvas.toBuffer('image/png', {
        compressionLevel: options.pngCompression as 0,
        filters: renderer.canvas.Canvas[filter],
        resolution: ppi,
      })
    );
  });
}
