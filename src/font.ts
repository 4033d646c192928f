// The bundled font: its family name for specs, its files for canvas and for content keys. Resolving
// the files loads nothing; only src/render/ registers them with canvas.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Regular and bold: registered with canvas, and part of every figure's content key. */
export const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')] as const;
