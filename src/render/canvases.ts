// PNG canvases kept for the next figure of their size. A new canvas costs more than drawing on it: its
// first paint touches every page of a few megabytes of fresh memory, about 10 ns a pixel here, a fifth
// of a figure's time. A kept canvas is restored to its first state and cleared to transparent black,
// which is what a new one holds, so the pixels (and bytes) are the same. A canvas is out of the pool
// while a render draws on it and encodes it (renders in one process may overlap), and goes back only
// when that went well. ACTFIG_CANVAS_REUSE=0 turns it off (a new canvas each figure, of the same format).

type View = import('vega').View;
type Canvas = import('canvas').Canvas;
type Context = import('canvas').CanvasRenderingContext2D;

const pool = new Map<string, { canvas: Canvas; context: Context }>();
const KEPT_CANVASES = 4;
let reused = 0;

/** PNGs drawn on a kept canvas in this process. */
export const reusedCanvases = (): number => reused;

/**
 * Draws the view at `scale` on a canvas, kept or new, and returns what `encode` makes of it. An `opaque`
 * figure (its background paints every pixel) is drawn on an RGB canvas: the same pixels, and node-canvas
 * encodes it as an RGB PNG without un-premultiplying each pixel (a third less time than RGBA).
 */
export async function drawPng<T>(
  view: View,
  scale: number,
  canvasModule: typeof import('canvas'),
  encode: (canvas: Canvas) => T,
  opaque = false,
): Promise<T> {
  const size = viewSize(view);
  if (!size) return encode((await view.toCanvas(scale)) as unknown as Canvas);
  // As vega sizes its own canvas: the CSS size times the scale, which node-canvas truncates to whole pixels.
  const width = Math.trunc(size.width * scale);
  const height = Math.trunc(size.height * scale);
  const key = `${width}x${height}${opaque ? ' rgb' : ''}`;
  let kept = process.env.ACTFIG_CANVAS_REUSE === '0' ? undefined : pool.get(key);
  if (kept) {
    pool.delete(key);
    kept.context.restore();
    reused++;
  } else {
    const canvas = canvasModule.createCanvas(width, height);
    kept = { canvas, context: canvas.getContext('2d', { pixelFormat: opaque ? 'RGB24' : 'RGBA32' }) };
  }
  const { canvas, context } = kept;
  context.save(); // the first state (identity transform, default styles), restored before the next figure
  // An opaque background is painted over the whole canvas by vega, which is clearing enough.
  if (!opaque) context.clearRect(0, 0, width, height);
  // vega scales and translates an external context itself; pixelRatio is what its own resize would set.
  (context as unknown as { pixelRatio: number }).pixelRatio = scale;
  await view.toCanvas(scale, { externalContext: context } as object);
  const encoded = encode(canvas);
  if (process.env.ACTFIG_CANVAS_REUSE === '0') return encoded;
  pool.delete(key); // most recently used last
  pool.set(key, kept);
  if (pool.size > KEPT_CANVASES) pool.delete(pool.keys().next().value!);
  return encoded;
}

/** The view's size in CSS pixels with its padding, as vega sizes its canvas; undefined if vega changed. */
function viewSize(view: View): { width: number; height: number } | undefined {
  const v = view as unknown as { _viewWidth?: number; _viewHeight?: number };
  const padding = view.padding() as { left?: number; right?: number; top?: number; bottom?: number };
  if (typeof v._viewWidth !== 'number' || typeof v._viewHeight !== 'number' || typeof padding !== 'object') return;
  return {
    width: Math.max(0, v._viewWidth + (padding.left ?? 0) + (padding.right ?? 0)),
    height: Math.max(0, v._viewHeight + (padding.top ?? 0) + (padding.bottom ?? 0)),
  };
}
