// The only module that touches vega and canvas. It turns a Vega-Lite spec into bytes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import * as canvasModule from 'canvas';
import type { Format } from './config.ts';
import { FONT_FAMILY } from './figures/theme.ts';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** The bundled font files: registered with canvas, and part of every figure's content key. */
export const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')];

// registerFont must run before vega creates its first canvas (vega measures text with one),
// so vega and vega-lite are imported only after it, on first use.
canvasModule.registerFont(FONT_FILES[0], { family: FONT_FAMILY });
canvasModule.registerFont(FONT_FILES[1], { family: FONT_FAMILY, weight: 'bold' });
const vega = await import('vega');
const vegaLite = await import('vega-lite');

export interface RenderOptions {
  formats: readonly Format[];
  /** PNG device pixels per CSS pixel. */
  scale: number;
  /** Written into the PDF as its creation and modification date. */
  date: Date;
  /** PNG zlib level, 0-9. */
  pngCompression?: number;
  /** Title for the PDF's metadata and the SVG's <title>. */
  title: string;
  /** Used to make the SVG's element ids unique when several SVGs share one HTML page. */
  id: string;
}

export type Rendered = Partial<Record<Format, Buffer>>;

/** Renders a Vega-Lite spec to the requested formats. Warnings from vega-lite or vega are errors. */
export async function render(spec: object, options: RenderOptions): Promise<Rendered> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const compiled = vegaLite.compile(spec as never, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger } as never);
  try {
    await view.runAsync();
    const out: Rendered = {};
    if (options.formats.includes('svg')) {
      out.svg = Buffer.from(accessibleSvg(await view.toSVG(), options.id, options.title, (spec as { description?: string }).description ?? ''));
    }
    if (options.formats.includes('png')) {
      const canvas = (await view.toCanvas(options.scale)) as unknown as canvasModule.Canvas;
      out.png = canvas.toBuffer('image/png', {
        compressionLevel: (options.pngCompression ?? 6) as 6,
        filters: canvasModule.Canvas.PNG_FILTER_NONE,
        // pixels per inch, written to the pHYs chunk: 72 CSS-ish points per inch times the scale
        resolution: Math.round(72 * options.scale),
      });
    }
    if (options.formats.includes('pdf')) {
      // textDrawingMode 'glyph' writes real text (selectable, searchable) instead of glyph outlines.
      const canvas = (await view.toCanvas(1, { type: 'pdf', context: { textDrawingMode: 'glyph' } } as never)) as unknown as canvasModule.Canvas;
      out.pdf = canvas.toBuffer('application/pdf', {
        title: options.title,
        creator: 'activation-figures',
        creationDate: options.date,
        modDate: options.date,
      });
    }
    if (warnings.length) throw new Error(`vega warned: ${warnings.join('; ')}`);
    return out;
  } finally {
    view.finalize();
  }
}

/** Compiles a Vega-Lite spec to Vega, for checks and tools. */
export function compileToVega(spec: object): object {
  return vegaLite.compile(spec as never).spec;
}

function collectingLogger(warnings: string[]) {
  let level = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * vega numbers clip paths and gradients with a process-wide counter, so the same figure gets
 * clip1 in one process and clip9 in another: renumber them per document, prefixed with the
 * figure's id. Also give the SVG a <title> and <desc> (the spec's description) for screen readers.
 */
export function accessibleSvg(svg: string, id: string, title: string, description: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${id}-${ids.size + 1}`);
  }
  let out = svg.replace(/(\sid="|url\(#)([^")]+)/g, (whole, lead: string, name: string) => (ids.has(name) ? lead + ids.get(name) : whole));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  out = out.replace(
    /^<svg([^>]*)>/,
    `<svg$1 role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeXml(title)}</title><desc id="${descId}">${escapeXml(description)}</desc>`,
  );
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Package versions that decide the rendered bytes, for content keys. */
export function rendererVersions(): Record<string, string> {
  return { vega: vega.version, 'vega-lite': vegaLite.version, canvas: packageVersion('canvas'), 'dejavu-fonts-ttf': packageVersion('dejavu-fonts-ttf') };
}

// Some packages export no package.json and some no entry point: search upward from this file.
function packageVersion(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const path = join(base, name, 'package.json');
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  }
  throw new Error(`cannot find ${name}'s package.json`);
}
