// The only code that touches vega and canvas: a Vega-Lite spec in, the bytes of each format out.
import type { Format, PngFilter } from '../formats.ts';
import { saveCodeCache } from './code-cache.ts';
import { type Renderer, loadRenderer } from './fonts.ts';
import { drawPdf } from './formats/pdf.ts';
import { drawPng } from './formats/png.ts';
import { drawSvg } from './formats/svg.ts';
import { viewFor } from './views.ts';

export interface RenderOptions {
  formats: readonly Format[];
  /** PNG device pixels per CSS pixel. */
  scale: number;
  /** Written into the PDF as its creation and modification date. */
  date: Date;
  /** PNG zlib level, 0-9. */
  pngCompression: number;
  pngFilter: PngFilter;
  /** Title for the PDF's metadata and the SVG's <title>. */
  title: string;
  /** Prefix of the SVG's element ids, unique when several SVGs share one HTML page. */
  id: string;
  /** 'text' keeps the SVG's <text> elements; by default they are drawn as outlines. */
  svgText?: 'path' | 'text';
}

export type Rendered = Partial<Record<Format, Uint8Array>>;

/** What a format's renderer (src/render/formats/<format>.ts) draws from: a View run with the figure. */
export interface Drawing {
  view: import('vega').View;
  renderer: Renderer;
  options: RenderOptions;
  /** The spec's description (the alt text). */
  description: string;
}

/** Each format's renderer, in the order they draw from one View (SVG first, as it always has). */
const RENDERERS = {
  svg: drawSvg,
  png: drawPng,
  pdf: drawPdf,
} satisfies Record<Format, (drawing: Drawing) => Promise<Uint8Array>>;

/**
 * Renders a Vega-Lite spec to the requested formats through one vega View with renderer 'none' (the
 * View from views.ts, which compiles a shape once), each by its format's renderer. A warning from
 * vega-lite or vega is an error: a figure that renders with warnings is wrong.
 */
export async function render(spec: object & { description?: string }, options: RenderOptions): Promise<Rendered> {
  const renderer = await loadRenderer();
  const warnings: string[] = [];
  const { view, done } = await viewFor(spec, warnings, renderer);
  try {
    const drawing: Drawing = { view, renderer, options, description: spec.description ?? '' };
    const out: Rendered = {};
    for (const [format, draw] of Object.entries(RENDERERS) as [Format, (d: Drawing) => Promise<Uint8Array>][]) {
      if (!options.formats.includes(format)) continue;
      // A turn of the event loop between formats: when the build's own process renders beside its pool
      // (build/pool.ts), a render process that has finished gets its next figure now, not a figure later.
      await new Promise(setImmediate);
      out[format] = await draw(drawing);
    }
    if (warnings.length) throw new Error(`vega warned: ${warnings.join('; ')}`);
    saveCodeCache();
    return out;
  } finally {
    done();
  }
}

/**
 * The outer size, in CSS pixels, that a spec renders at (what every format's canvas or page takes):
 * for fitting a figure to a fixed size (build/fit.ts). Draws nothing.
 */
export async function measure(spec: object): Promise<[number, number]> {
  const renderer = await loadRenderer();
  const { view, done } = await viewFor(spec, [], renderer);
  try {
    // vega's own numbers for the canvas: the content's size it laid out, plus the padding.
    const { _viewWidth, _viewHeight } = view as unknown as { _viewWidth: number; _viewHeight: number };
    const p = view.padding() as { top: number; bottom: number; left: number; right: number };
    return [_viewWidth + p.left + p.right, _viewHeight + p.top + p.bottom];
  } finally {
    done();
  }
}
