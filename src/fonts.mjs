// Plain JavaScript on purpose: render workers load it before the TypeScript loader (tsx) is
// registered, so that vega is imported natively (twice as fast as through tsx's hooks).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The bundled font files: registered with canvas, and part of every figure's content key. */
export const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')];

let loaded;

/**
 * Registers the bundled font with canvas, then imports vega and vega-lite, in that order:
 * vega makes the canvas it measures text with as it loads, and registerFont must come first.
 */
export function loadRenderer() {
  loaded ??= (async () => {
    const canvas = await import('canvas');
    canvas.registerFont(FONT_FILES[0], { family: FONT_FAMILY });
    canvas.registerFont(FONT_FILES[1], { family: FONT_FAMILY, weight: 'bold' });
    const vega = await import('vega');
    const vegaLite = await import('vega-lite');
    return { canvas, vega, vegaLite };
  })();
  return loaded;
}
