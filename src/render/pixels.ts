// A figure's pixels, for an animation's frames (build/animation.ts): drawn as its PNG is, at one device
// pixel per CSS pixel, and returned as RGBA rather than encoded.
import { loadRenderer } from './fonts.ts';
import { viewFor } from './views.ts';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8ClampedArray;
}

/** Draws a Vega-Lite spec on a canvas at scale 1. A warning from vega-lite or vega is an error, as in render.ts. */
export async function pixelsOf(spec: object): Promise<Pixels> {
  const renderer = await loadRenderer();
  const warnings: string[] = [];
  const { view, done } = await viewFor(spec, warnings, renderer);
  try {
    const canvas = (await view.toCanvas(1)) as unknown as import('canvas').Canvas;
    if (warnings.length) throw new Error(`vega warned: ${warnings.join('; ')}`);
    const { width, height } = canvas;
    return { width, height, data: canvas.getContext('2d').getImageData(0, 0, width, height).data };
  } finally {
    done();
  }
}
