// PNG: node-canvas at the build's scale, on a kept canvas of its size (canvases.ts). A figure whose
// background is opaque is drawn on an RGB canvas and written as an RGB PNG; a transparent one as RGBA.
import { color } from 'd3-color';
import type { PngFilter } from '../../formats.ts';
import { drawPng as drawOnCanvas } from '../canvases.ts';
import type { Drawing } from '../render.ts';

export function drawPng({ view, options, renderer }: Drawing): Promise<Uint8Array> {
  const filter = `PNG_FILTER_${options.pngFilter.toUpperCase()}` as `PNG_FILTER_${Uppercase<PngFilter>}`;
  const encode = (canvas: import('canvas').Canvas) =>
    canvas.toBuffer('image/png', {
      compressionLevel: options.pngCompression as 0,
      filters: renderer.canvas.Canvas[filter],
      // pixels per inch in the pHYs chunk: 72 per inch at scale 1, as browsers assume
      resolution: Math.round(72 * options.scale),
    });
  return drawOnCanvas(view, options.scale, renderer.canvas, encode, opaqueBackground(view.background()));
}

/** Whether vega paints this background over every pixel: a colour of full opacity. */
export function opaqueBackground(background: unknown): boolean {
  return typeof background === 'string' && (color(background)?.opacity ?? 0) >= 1;
}
