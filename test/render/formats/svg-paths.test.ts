// Text in every script, and SVG text drawn as outlines: real builds, their PNGs decoded and their SVGs
// parsed. Boxes (a font without the glyphs) would make two figures alike but for their CJK titles equal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CJK_FONTS } from '../../../src/font.ts';
import { textWidth } from '../../../src/figures/place.ts';
import { openFont } from '../../../src/render/formats/svg-fonts.ts';
import { decodePng } from '../../png.ts';
import { project } from '../../project.ts';

const figure = (id: string, title: string, extra: object = {}) => ({
  id,
  title,
  grid: { min: -6, max: 6, samples: 61 },
  panels: [{ activation: 'tanh', saturation: true }],
  ...extra,
});

let out: string;
beforeAll(() => {
  const p = project({
    interactive: false,
    figures: [
      figure('han', '激活函数'),
      figure('grad', '梯度消失'),
      figure('latin', 'Activation'),
      figure('kept', '激活函数', { svg: { text: 'text' } }),
    ],
    formats: ['png', 'svg', 'pdf'],
  });
  const r = p.build();
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  out = p.out;
}, 120_000);

const read = (name: string) => readFileSync(join(out, name));
const svg = (id: string) => read(`${id}.svg`).toString();
/**
 * The outline of every glyph drawn in the figure's title (vega's last role-title mark; the panel's comes
 * first): each <use> there resolved to the glyph <path> it names in the document's <defs>.
 */
const titlePaths = (id: string) => {
  const s = svg(id);
  const at = s.lastIndexOf('role-title-text');
  expect(at).toBeGreaterThan(0);
  const group = s.slice(at, s.indexOf('</g></g>', at));
  const defs = new Map([...s.matchAll(/<path id="([^"]+)" d="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  return [...group.matchAll(/<use xlink:href="#([^"]+)"/g)].map((m) => defs.get(m[1]));
};

describe('text in every script', () => {
  it('two figures alike but for their four-character CJK titles give different PNGs', () => {
    const a = decodePng(read('han.png'));
    const b = decodePng(read('grad.png'));
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let differ = 0;
    for (let i = 0; i < a.data.length; i += 4) if (a.data[i] !== b.data[i]) differ++;
    // Four real glyphs each at 2×: hundreds of pixels; boxes (.notdef) would leave the images equal.
    expect(differ).toBeGreaterThan(300);
  });

  it('and different SVG outlines, with the title kept for screen readers', () => {
    const [a, b] = [titlePaths('han'), titlePaths('grad')];
    expect(a).toHaveLength(4);
    expect(a.every((d) => d?.startsWith('M'))).toBe(true);
    expect(a).not.toEqual(b);
    expect(svg('han')).toContain('aria-label="激活函数"');
  });

  it('the PDF embeds the fallback font that draws them (a subset), beside DejaVu', () => {
    const pdf = read('han.pdf').toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJK/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  });

  it("label placement measures a CJK character at its font's advance: one em in Noto CJK", () => {
    const font = openFont(CJK_FONTS.normal.file, CJK_FONTS.normal.name);
    const run = font.layout('激活函数');
    const measured = run.positions.reduce((w, p) => w + p.xAdvance, 0) / font.unitsPerEm;
    expect(textWidth('激活函数', 10)).toBeCloseTo(measured * 10, 6);
  });
});

describe('SVG text as outlines', () => {
  it('by default an SVG has no <text>: every label is a path, its words in aria-label, and it is valid XML', () => {
    for (const id of ['han', 'latin']) {
      const s = svg(id);
      expect(XMLValidator.validate(s)).toBe(true);
      expect(s).not.toMatch(/<text[\s>]/);
      expect(s).not.toContain('font-family');
      // Each glyph is defined once and drawn by <use>, its id numbered per document with the figure's id.
      const ids = [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      const used = [...s.matchAll(/<use xlink:href="#([^"]+)"/g)].map((m) => m[1]);
      expect(used.length).toBeGreaterThan(20);
      expect(used.filter((u) => !ids.includes(u) || !u.startsWith(`${id}-`))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // The axis labels, the saturation label's three lines and the legend are all there as words.
    const s = svg('latin');
    for (const words of ['Activation"', '−2"', 'Tanh Activation"']) expect(s).toContain(`aria-label="${words}`);
    // vega's own aria-label of a text mark is kept: the saturation label's has its three lines.
    expect(s).toMatch(/aria-label="[^"]*saturated:&#xA;\|f′\(z\)\| &lt; 0.01&#xA;z ≤ −/);
  });

  it("`svg: { text: 'text' }` keeps <text> elements naming the font", () => {
    const s = svg('kept');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(s);
    expect(doc.svg).toBeDefined();
    expect(s).toMatch(/<text[^>]*font-family="DejaVu Sans"[^>]*>激活函数<\/text>/);
  });

  it('the same figure gives the same outlines in another process (byte-stable)', () => {
    const p = project({ interactive: false, figures: [figure('han', '激活函数')] });
    expect(p.build().code).toBe(0);
    expect(readFileSync(join(p.out, 'han.svg'))).toEqual(read('han.svg'));
  });
});
