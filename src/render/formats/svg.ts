// SVG: vega's toSVG, made reproducible and accessible.
import { FONT_FAMILY, FONT_FILES } from '../../font.ts';
import { escapeXml } from '../../text.ts';
import { ownFaces } from '../fonts.ts';
import type { Drawing } from '../render.ts';
import { textAsPaths } from './svg-paths.ts';

/** Each family's files (regular, bold): the bundled font's and the config's own. */
function families(): Map<string, readonly string[]> {
  const out = new Map<string, string[]>([[FONT_FAMILY, [...FONT_FILES]]]);
  for (const face of ownFaces()) {
    const files = out.get(face.family) ?? [];
    files[face.weight === 'bold' ? 1 : 0] = face.file;
    out.set(face.family, files);
  }
  return out;
}

export async function drawSvg({ view, options, description }: Drawing): Promise<Uint8Array> {
  let svg = await view.toSVG();
  // Text as outlines unless the figure asks for <text> (`svg: { text: 'text' }`).
  if (options.svgText !== 'text') svg = textAsPaths(svg, families());
  return Buffer.from(accessibleSvg(svg, options.id, options.title, description));
}

/**
 * vega numbers clip paths and gradients with a process-wide counter, so the same figure gets clip1 in
 * one process and clip9 in another: renumber them per document, prefixed with the figure's id (the
 * glyphs svg-paths.ts defines too, so that SVGs inlined in one page do not share ids). Also give the
 * SVG a <title> and <desc> (the spec's description) for screen readers.
 */
export function accessibleSvg(svg: string, id: string, title: string, description: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${id}-${ids.size + 1}`);
  }
  let out = svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, name: string) =>
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
