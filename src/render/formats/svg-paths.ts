// SVG text drawn as outlines, as matplotlib's `svg.fonttype: 'path'` does: vega's SVG names a font
// family and leaves drawing to the viewer, which may not have it and then sets other widths where
// labels were placed by DejaVu's. Each <text> becomes <path>s of the glyphs of the font that draws it
// (fontkit lays it out, kerning applied; a glyph the font lacks comes from the fallback fonts), and
// keeps its words in aria-label for screen readers.
import type { Font, Glyph } from 'fontkit';
import { openFont, fallbackFor } from './svg-fonts.ts';

/** A run of text in one font, at a pen position in that font's units. */
interface Run {
  font: Font;
  /** Its glyphs, as <use>s of their outlines, in font units from the run's start. */
  uses: string;
  advance: number;
}

interface Style {
  weight: string;
  glyphs: Glyphs;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#xA;');

function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/([\w:-]+)="([^"]*)"/g)) out.set(m[1], m[2]);
  return out;
}

/** Glyph outlines are integers in font units for TrueType; a CFF font's may not be: two decimals. */
const num = (v: number) => String(Math.round(v * 100) / 100);

/**
 * A glyph's outline in font units (y up), as its first point and the rest in relative commands, so that
 * a glyph drawn again costs one string and only its first point moves with the pen. Coordinates are
 * rounded before they are differenced, so no error adds up along the outline.
 */
interface Outline {
  x: number;
  y: number;
  rest: string;
}

const RELATIVE = { moveTo: 'm', lineTo: 'l', quadraticCurveTo: 'q', bezierCurveTo: 'c' } as const;

const outlines = new WeakMap<Font, Map<number, Outline | null>>();

function outlineOf(font: Font, glyph: Glyph): Outline | null {
  let cache = outlines.get(font);
  if (!cache) outlines.set(font, (cache = new Map()));
  const kept = cache.get(glyph.id);
  if (kept !== undefined) return kept;
  const r = (v: number) => Math.round(v * 100) / 100;
  let first: [number, number] | undefined;
  let [cx, cy] = [0, 0];
  let [sx, sy] = [0, 0];
  let rest = '';
  const rel = (args: number[]) => {
    const parts: string[] = [];
    for (let i = 0; i < args.length; i += 2) parts.push(`${num(r(args[i]) - cx)} ${num(r(args[i + 1]) - cy)}`);
    return parts.join(' ');
  };
  for (const { command, args } of glyph.path.commands) {
    if (command === 'closePath') {
      rest += 'z';
      [cx, cy] = [sx, sy];
      continue;
    }
    if (command === 'moveTo' && !first) first = [r(args[0]), r(args[1])];
    else rest += RELATIVE[command] + rel(args);
    [cx, cy] = [r(args.at(-2)!), r(args.at(-1)!)];
    if (command === 'moveTo') [sx, sy] = [cx, cy];
  }
  const outline = first ? { x: first[0], y: first[1], rest } : null;
  cache.set(glyph.id, outline);
  return outline;
}

/**
 * The glyphs one SVG draws, each defined once in its <defs> and drawn with <use> (as matplotlib's path
 * text does): a glyph's outline is some 300 bytes, a <use> of it 40. Ids are numbered in the order the
 * document first draws them, so the same figure gives the same ids.
 */
class Glyphs {
  private ids = new Map<Font, Map<number, string | null>>();
  private defs: string[] = [];

  /** The id of the glyph's outline (defined on first use), or none for a glyph with no outline (a space). */
  ref(font: Font, glyph: Glyph): string | null {
    let byGlyph = this.ids.get(font);
    if (!byGlyph) this.ids.set(font, (byGlyph = new Map()));
    let id = byGlyph.get(glyph.id);
    if (id === undefined) {
      const o = outlineOf(font, glyph);
      id = o ? `glyph-${this.defs.length + 1}` : null;
      if (o) this.defs.push(`<path id="${id}" d="M${num(o.x)} ${num(o.y)}${o.rest}"/>`);
      byGlyph.set(glyph.id, id);
    }
    return id;
  }

  /** The <defs> to put in the document, empty when it drew no glyph. */
  toString(): string {
    return this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '';
  }
}

/** `text` split where the font that draws it changes: the primary font, else the first fallback that has the glyph. */
function segments(text: string, primary: Font, weight: string): { font: Font; text: string }[] {
  const out: { font: Font; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const font = primary.hasGlyphForCodePoint(cp) || /\s/.test(ch) ? primary : (fallbackFor(cp, weight) ?? primary);
    const last = out.at(-1);
    // Combining marks stay with the character before them, so that shaping sees them together.
    if (last && (last.font === font || /\p{M}/u.test(ch))) last.text += ch;
    else out.push({ font, text: ch });
  }
  return out;
}

type Layout = ReturnType<Font['layout']>;
const layouts = new WeakMap<Font, Map<string, Layout>>();
/** Layouts kept per font: a build's figures share most of their texts (tick labels, axis titles, legends). */
const KEPT_LAYOUTS = 4096;

/** `text` shaped by `font` (fontkit's layout: a tenth of a millisecond a string), once per process. */
function layoutOf(font: Font, text: string): Layout {
  let kept = layouts.get(font);
  if (!kept) layouts.set(font, (kept = new Map()));
  let layout = kept.get(text);
  if (!layout) {
    layout = font.layout(text);
    if (kept.size >= KEPT_LAYOUTS) kept.clear();
    kept.set(text, layout);
  }
  return layout;
}

function runsOf(text: string, primary: Font, weight: string, glyphs: Glyphs): Run[] {
  return segments(text, primary, weight).map(({ font, text: part }) => {
    const layout = layoutOf(font, part);
    let x = 0;
    let uses = '';
    layout.glyphs.forEach((glyph, i) => {
      const p = layout.positions[i];
      const id = glyphs.ref(font, glyph);
      const at = `${p.xOffset + x ? ` x="${num(x + p.xOffset)}"` : ''}${p.yOffset ? ` y="${num(p.yOffset)}"` : ''}`;
      if (id) uses += `<use xlink:href="#${id}"${at}/>`;
      x += p.xAdvance;
    });
    return { font, uses, advance: x };
  });
}

/** One line of text as its glyphs at baseline offset `dy`, placed for its anchor. */
function lineGlyphs(
  line: { text: string; dy: number },
  size: number,
  anchor: string,
  font: Font,
  style: Style,
): string {
  const runs = runsOf(line.text, font, style.weight, style.glyphs);
  const width = runs.reduce((w, r) => w + (r.advance * size) / r.font.unitsPerEm, 0);
  let x = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  let out = '';
  for (const run of runs) {
    const s = size / run.font.unitsPerEm;
    if (run.uses) out += `<g transform="translate(${num(x)},${num(line.dy)}) scale(${s},${-s})">${run.uses}</g>`;
    x += run.advance * s;
  }
  return out;
}

/** Every <text> of a vega SVG as outlines; `families` maps a font-family to its files (regular, bold). */
export function textAsPaths(svg: string, families: ReadonlyMap<string, readonly string[]>): string {
  const glyphs = new Glyphs();
  const out = svg.replace(/<text([^>]*)>([\s\S]*?)<\/text>/g, (_, attrText: string, body: string) => {
    const attrs = attributes(attrText);
    const family = attrs.get('font-family') ?? '';
    const files = families.get(family) ?? [...families.values()][0];
    const weight = attrs.get('font-weight') === 'bold' ? 'bold' : 'normal';
    const font = openFont(weight === 'bold' ? (files[1] ?? files[0]) : files[0]);
    const size = Number.parseFloat(attrs.get('font-size') ?? '11');
    const anchor = attrs.get('text-anchor') ?? 'start';
    // vega writes one line as the element's text, several as <tspan>s each moved down by its dy.
    const lines: { text: string; dy: number }[] = [];
    if (body.startsWith('<tspan')) {
      let y = 0;
      for (const m of body.matchAll(/<tspan([^>]*)>([\s\S]*?)<\/tspan>/g)) {
        y += Number.parseFloat(attributes(m[1]).get('dy') ?? '0');
        lines.push({ text: decode(m[2]), dy: y });
      }
    } else lines.push({ text: decode(body), dy: 0 });
    const words = lines.map((l) => l.text).join('\n');
    const keep = ['transform', 'fill', 'opacity', 'role', 'aria-roledescription', 'aria-label', 'fill-opacity'];
    let head = keep
      .filter((k) => attrs.has(k))
      .map((k) => ` ${k}="${attrs.get(k)}"`)
      .join('');
    if (!attrs.has('aria-label')) head += ` role="img" aria-label="${escapeAttr(words)}"`;
    const drawn = lines.map((l) => lineGlyphs(l, size, anchor, font, { weight, glyphs })).join('');
    return `<g${head}>${drawn}</g>`;
  });
  return out.replace(/^<svg[^>]*>/, (open) => open + glyphs);
}
