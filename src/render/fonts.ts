// Loads the renderer in the one order that works: canvas, then the bundled font and the config's own
// fonts registered with it, then vega and vega-lite. vega makes the canvas it measures text with as it
// loads (and pango reads its fonts once), so registerFont must come first; and vega-canvas has a
// top-level await, so vega is loaded with import(), never require, unless it comes from the bundle built
// for the V8 code cache (code-cache.ts), which shims vega-canvas.
import { UserError } from '../errors.ts';
import { FONT_FAMILY, FONT_FILES, type FontFace } from '../font.ts';
import { loadVendor } from './code-cache.ts';

export interface Renderer {
  canvas: typeof import('canvas');
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
}

let loaded: Promise<Renderer> | undefined;

/**
 * The config's own fonts, which the build names in ACTFIG_FONTS before the first figure renders (its
 * render processes inherit the variable): one list for the whole process, read once.
 */
let faces: FontFace[] | undefined;
export const ownFaces = (): FontFace[] => (faces ??= JSON.parse(process.env.ACTFIG_FONTS || '[]') as FontFace[]);

export function loadRenderer(): Promise<Renderer> {
  loaded ??= (async () => {
    const canvas = await import('canvas').catch((error: unknown) => {
      // Installed with --ignore-scripts (as CI's check job does): the addon was never compiled.
      if (!/canvas\.node/.test(String((error as Error)?.message))) throw error;
      throw new UserError(
        'canvas is not built (installed with --ignore-scripts?): run npx actfig setup-system && npm rebuild canvas; ' +
          'actfig check needs no canvas',
      );
    });
    canvas.registerFont(FONT_FILES[0], { family: FONT_FAMILY });
    canvas.registerFont(FONT_FILES[1], { family: FONT_FAMILY, weight: 'bold' });
    for (const face of ownFaces()) canvas.registerFont(face.file, { family: face.family, weight: face.weight });
    const bundled = loadVendor();
    if (bundled) return { canvas, ...bundled };
    const vega = await import('vega');
    const vegaLite = await import('vega-lite');
    return { canvas, vega, vegaLite };
  })();
  return loaded;
}

/**
 * Names the config's fonts for this process and its render processes, before anything renders. A font
 * that a running process (`actfig dev`) did not register when it loaded vega cannot be added: an error.
 */
export function useFonts(list: FontFace[]): void {
  const known = new Set(ownFaces().map((f) => `${f.family}:${f.weight}:${f.file}`));
  const missing = list.filter((f) => !known.has(`${f.family}:${f.weight}:${f.file}`));
  if (missing.length === 0) return;
  if (loaded) throw new Error(`font ${missing[0].file} was added after the renderer started: start again`);
  faces = [...ownFaces(), ...missing];
  process.env.ACTFIG_FONTS = JSON.stringify(faces);
}
