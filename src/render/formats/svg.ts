// SVG: vega's toSVG, made reproducible and accessible.
import { FONT_FAMILY, FONT_FILES } from '../../font.ts';
import { escapeXml } from '../../text.ts';
import type { Drawing } from '../render.ts';
import { textAsPaths } from './svg-paths.ts';

const BUNDLED = new Map([[FONT_FAMILY, FONT_FILES]]);

export async function drawSvg({ view, options, description }: Drawing): Promise<Uint8Array> {
  let svg = await view.toSVG();
  // Text as outlines unless the figure asks for <text> (`svg: { text: 'text' }`).
  if (options.svgText !== 'text') svg = textAsPaths(svg, BUNDLED);
  return Buffer.from(accessibleSvg(svg, options.id, options.title, description));
}

/**
 * vega numbers clip paths and gradients with a process-wide counter, so the same figure gets clip1 in
 * one process and clip9 in another: renumber them per document, prefixed with the figure's id. Also
 * give the SVG a <title> and <desc> (the spec's description) for screen readers.
 */
export function accessibleSvg(svg: string, id: string, title: string, description: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${id}-${ids.size + 1}`);
  }
  let out = svg.replace(/(\sid="|url\(#)([^")]+)/g, (whole, lead: string, name: string) =>
    ids.has(name) ? lead + ids.get(name) : whole,
  );
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  out = out.replace(
    /^<svg([^>]*)>/,
    `<svg$1 role="img" aria-labelledby="${titleId} ${descId}">` +
      `<title id="${titleId}">${escapeXml(title)}</title>` +
      `<desc id="${descId}">${escapeXml(description)}</desc>`,
  );
  return out;
}
