// The fonts the SVG's outlines come from, each read and parsed once per process (DejaVu's two files
// take some 30 ms; Noto CJK's 19 MB collection is opened only when a figure has a character DejaVu lacks).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { CJK_FONTS, NOTO_DIR } from '../../font.ts';

type Font = fontkit.Font;

const opened = new Map<string, Font>();

/** The font in `file` (a collection's face `name`), parsed once per process. */
export function openFont(file: string, name?: string): Font {
  const key = name ? `${file}#${name}` : file;
  let font = opened.get(key);
  if (!font) {
    const got = fontkit.openSync(file, name);
    font = 'fonts' in got ? got.fonts[0] : got;
    opened.set(key, font);
  }
  return font;
}

let chains: Record<string, string[]> | undefined;

/** The fallback files for a weight, in the order they are tried: Noto CJK, then fonts-noto-core's by name. */
function chain(weight: string): string[] {
  if (!chains) {
    const core = existsSync(NOTO_DIR) ? readdirSync(NOTO_DIR).sort() : [];
    const pick = (suffix: string) =>
      core.filter((f) => f.startsWith('NotoSans') && f.endsWith(suffix)).map((f) => join(NOTO_DIR, f));
    chains = { normal: pick('-Regular.ttf'), bold: pick('-Bold.ttf') };
  }
  return chains[weight] ?? chains.normal;
}

const found = new Map<string, Font | null>();

/** The first fallback font with a glyph for `codePoint`, or none (the primary then draws its .notdef). */
export function fallbackFor(codePoint: number, weight: string): Font | undefined {
  const key = `${weight}:${codePoint}`;
  if (found.has(key)) return found.get(key) ?? undefined;
  let font: Font | undefined;
  const cjk = weight === 'bold' ? CJK_FONTS.bold : CJK_FONTS.normal;
  if (existsSync(cjk.file)) {
    const f = openFont(cjk.file, cjk.name);
    if (f.hasGlyphForCodePoint(codePoint)) font = f;
  }
  for (const file of font ? [] : chain(weight)) {
    const f = openFont(file);
    if (f.hasGlyphForCodePoint(codePoint)) {
      font = f;
      break;
    }
  }
  found.set(key, font ?? null);
  return font;
}
