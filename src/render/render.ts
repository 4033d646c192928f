// The only code that touches vega and canvas: a Vega-Lite spec in, the bytes of each format out.
import type { Format, PngFilter } from '../formats.ts';
import { saveCodeCache } from './code-cache.ts';
import { loadRenderer } from './fonts.ts';
import { drawPng } from './canvases.ts';
import { accessibleSvg } from './svg.ts';
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
}

export type Rendered = Partial<Record<Format, Uint8Array>>;

/**
 * Renders a Vega-Lite spec to the requested formats through one vega View with renderer 'none': SVG
 * from toSVG, PNG from node-canvas at `scale`, PDF from node-canvas's PDF backend (the View from
 * views.ts, which compiles a shape once). A warning from vega-lite or vega is
 * an error: a figure that renders with warnings is wrong.
 */
export async function render(spec: object & { description?: string }, options: RenderOptions): Promise<Rendered> {
  const renderer = await loadRenderer();
  const warnings: string[] = [];
  const { view, done } = await viewFor(spec, warnings, renderer);
  try {
    const out: Rendered = {};
    if (options.formats.includes('svg')) {
      out.svg = Buffer.from(accessibleSvg(await view.toSVG(), options.id, options.title, spec.description ?? ''));
    }
    if (options.formats.includes('png')) {
      const filter = `PNG_FILTER_${options.pngFilter.toUpperCase()}` as `PNG_FILTER_${Uppercase<PngFilter>}`;
      out.png = await drawPng(view, options.scale, renderer.canvas, (canvas) =>
        canvas.toBuffer('image/png', {
          compressionLevel: options.pngCompression as 0,
          filters: renderer.canvas.Canvas[filter],
          // pixels per inch in the pHYs chunk: 72 per inch at scale 1, as browsers assume
          resolution: Math.round(72 * options.scale),
        }),
      );
    }
    if (options.formats.includes('pdf')) {
      // textDrawingMode 'glyph' writes real text (selectable, searchable) instead of glyph outlines.
      const pdfOptions = { type: 'pdf', context: { textDrawingMode: 'glyph' } } as object;
      const canvas = (await view.toCanvas(1, pdfOptions)) as unknown as import('canvas').Canvas;
      out.pdf = canvas.toBuffer('application/pdf', {
        title: options.title,
        creator: 'activation-figures',
        creationDate: options.date,
        modDate: options.date,
      });
    }
    if (warnings.length) throw new Error(`vega warned: ${warnings.join('; ')}`);
    saveCodeCache();
    return out;
  } finally {
    done();
  }
}
