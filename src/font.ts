// The bundled font: its family name for specs, its files for canvas and for content keys. Resolving
// the files loads nothing; only src/render/ registers them with canvas.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Regular and bold: registered with canvas, and part of every figure's content key. */
export const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')] as const;

/** A config's own font face, as the renderer registers it with canvas before vega's first canvas. */
export interface FontFace {
  file: string;
  family: string;
  weight: 'normal' | 'bold';
}

/**
 * Fonts that draw what DejaVu lacks, as Debian installs them (scripts/setup.sh: fonts-noto-cjk and
 * fonts-noto-core). PNG and PDF reach them through fontconfig (pango falls back by itself); the SVG's
 * outlines (render/formats/svg-fonts.ts) take them in this order. The CJK face is the one fontconfig
 * picks for Han characters without a language (Japanese), so that SVG and PNG draw the same glyphs.
 */
export const CJK_FONTS = {
  normal: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKjp-Regular' },
  bold: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', name: 'NotoSansCJKjp-Bold' },
} as const;
/** fonts-noto-core's folder: one file per script (NotoSansDevanagari-Regular.ttf, ...). */
export const NOTO_DIR = '/usr/share/fonts/truetype/noto';

/**
 * Characters of scripts DejaVu does not cover, drawn by a fallback font: a figure whose text has one
 * has the fallback fonts in its content key. CJK (and full-width forms), Indic, Thai to Myanmar,
 * Ethiopic, Hangul.
 */
export const NEEDS_FALLBACK =
  /[\u0900-\u109f\u1100-\u11ff\u1200-\u139f\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]/u;
