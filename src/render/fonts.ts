// Loads the renderer in the one order that works: canvas, then the bundled font registered with it,
// then vega and vega-lite. vega makes the canvas it measures text with as it loads, so registerFont
// must come first; and vega-canvas has a top-level await, so vega is loaded with import(), never require,
// unless it comes from the bundle built for the V8 code cache (code-cache.ts), which shims vega-canvas.
import { UserError } from '../errors.ts';
import { FONT_FAMILY, FONT_FILES } from '../font.ts';
import { loadVendor } from './code-cache.ts';

export interface Renderer {
  canvas: typeof import('canvas');
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
}

let loaded: Promise<Renderer> | undefined;

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
    const bundled = loadVendor();
    if (bundled) return { canvas, ...bundled };
    const vega = await import('vega');
    const vegaLite = await import('vega-lite');
    return { canvas, vega, vegaLite };
  })();
  return loaded;
}
