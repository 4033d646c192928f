// The only module that touches vega and canvas: a Vega-Lite spec in, the bytes of each format out.
// Plain JavaScript (typed by render.d.mts) so that render workers need no TypeScript loader: the
// worker starts in half the time, and vega loads natively. See fonts.mjs for the loading order.
import { loadRenderer } from './fonts.mjs';

const { canvas: canvasModule, vega, vegaLite } = await loadRenderer();

/**
 * Renders a Vega-Lite spec to the requested formats, through one vega View with renderer 'none':
 * SVG from toSVG, PNG from node-canvas at `scale`, PDF from node-canvas's PDF backend.
 * A warning from vega-lite or vega is an error: a figure that renders with warnings is wrong.
 * @param {object} spec
 * @param {import('./render.d.mts').RenderOptions} options
 * @returns {Promise<import('./render.d.mts').Rendered>}
 */
export async function render(spec, options) {
  const warnings = [];
  const logger = collectingLogger(warnings);
  const compiled = vegaLite.compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    await view.runAsync();
    const out = {};
    if (options.formats.includes('svg')) {
      out.svg = Buffer.from(accessibleSvg(await view.toSVG(), options.id, options.title, spec.description ?? ''));
    }
    if (options.formats.includes('png')) {
      const canvas = await view.toCanvas(options.scale);
      out.png = canvas.toBuffer('image/png', {
        compressionLevel: options.pngCompression ?? 6,
        filters: canvasModule.Canvas[`PNG_FILTER_${(options.pngFilter ?? 'none').toUpperCase()}`],
        // pixels per inch in the pHYs chunk: 72 per inch at scale 1, as browsers assume
        resolution: Math.round(72 * options.scale),
      });
    }
    if (options.formats.includes('pdf')) {
      // textDrawingMode 'glyph' writes real text (selectable, searchable) instead of glyph outlines.
      const canvas = await view.toCanvas(1, { type: 'pdf', context: { textDrawingMode: 'glyph' } });
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

function collectingLogger(warnings) {
  let level = 2;
  const logger = {
    level(l) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args) {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args) {
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
 * @param {string} svg @param {string} id @param {string} title @param {string} description
 */
export function accessibleSvg(svg, id, title, description) {
  const ids = new Map();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${id}-${ids.size + 1}`);
  }
  let out = svg.replace(/(\sid="|url\(#)([^")]+)/g, (whole, lead, name) => (ids.has(name) ? lead + ids.get(name) : whole));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  out = out.replace(
    /^<svg([^>]*)>/,
    `<svg$1 role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeXml(title)}</title><desc id="${descId}">${escapeXml(description)}</desc>`,
  );
  return out;
}

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
