// An animation's frames as one looping GIF (gifenc). One 256-colour palette for every frame, quantised
// from pixels sampled evenly across all of them: the same frames always give the same palette and bytes,
// and a colour does not flicker as it would with a palette per frame.
import type { Pixels } from '../render/pixels.ts';

/** Pixels sampled for the palette: enough for the few colours of a figure and its anti-aliasing. */
const PALETTE_SAMPLES = 1 << 20;

/**
 * The GIF of these frames, `fps` per second, looping forever. Frames of different sizes (a legend
 * label that grows) are set at the top left of the largest, on their own background; a transparent
 * pixel is drawn on white (a GIF's transparency is one bit, which would fray anti-aliased edges).
 */
export async function encodeGif(frames: readonly Pixels[], fps: number): Promise<Uint8Array> {
  // gifenc is CommonJS: node gives its exports as the default, a loader such as tsx as named exports.
  const mod = (await import('gifenc')) as unknown as typeof import('gifenc').default & {
    default: typeof import('gifenc').default;
  };
  const { GIFEncoder, quantize, applyPalette } = typeof mod.quantize === 'function' ? mod : mod.default;
  const width = Math.max(...frames.map((f) => f.width));
  const height = Math.max(...frames.map((f) => f.height));
  const images = frames.map((f) => onCanvas(f, width, height));
  const palette = quantize(sample(images), 256, { format: 'rgb565' });
  const gif = GIFEncoder();
  // A GIF's delay is in hundredths of a second.
  const delay = Math.round(100 / fps) * 10;
  for (const [i, image] of images.entries()) {
    const index = applyPalette(image, palette, 'rgb565');
    gif.writeFrame(index, width, height, { ...(i === 0 && { palette, repeat: 0 }), delay });
  }
  gif.finish();
  return gif.bytes();
}

/** A frame opaque on a width × height canvas: over white, then padded with its top-left pixel (its background). */
export function onCanvas(frame: Pixels, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const src = frame.data;
  const opaque = (i: number, c: number) => Math.round((src[i + c] * src[i + 3] + 255 * (255 - src[i + 3])) / 255);
  const fill = [opaque(0, 0), opaque(0, 1), opaque(0, 2)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const inside = x < frame.width && y < frame.height;
      const i = (y * frame.width + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = inside ? opaque(i, c) : fill[c];
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Every n-th pixel of every frame, at most PALETTE_SAMPLES in all. */
function sample(images: readonly Uint8Array[]): Uint8Array {
  const pixels = images.reduce((n, image) => n + image.length / 4, 0);
  const every = Math.max(1, Math.ceil(pixels / PALETTE_SAMPLES));
  const out: number[] = [];
  for (const image of images)
    for (let p = 0; p < image.length / 4; p += every) out.push(image[4 * p], image[4 * p + 1], image[4 * p + 2], 255);
  return Uint8Array.from(out);
}
