// A PNG encoder for opaque figures: 8-bit RGB rows, filtered here, deflated by node's zlib. node-canvas
// writes every PNG as RGBA, un-premultiplying each pixel through libpng; for an opaque figure (every one
// but a transparent theme's) this is half the time and a fifth smaller (bench/png-sweep.mjs). A figure
// with any pixel not fully opaque returns undefined, and node-canvas encodes it.
import { constants, crc32, deflateSync } from 'node:zlib';
import type { PngFilter } from '../../formats.ts';

/** The row filters done here, by their PNG filter type byte; others fall back to node-canvas. */
const FILTER_TYPE: Partial<Record<PngFilter, number>> = { none: 0, sub: 1, up: 2 };

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

export interface PngEncoding {
  filter: PngFilter;
  /** zlib level, 0-9. */
  level: number;
  /** Pixels per inch, written into the pHYs chunk as node-canvas writes it (rounded pixels per metre). */
  ppi: number;
}

/**
 * The PNG of a canvas's pixels, given as node-canvas's raw buffer (cairo's premultiplied ARGB32, one
 * native-endian 32-bit word a pixel); undefined if a pixel is not opaque or the filter is not done here.
 */
export function encodeOpaquePng(
  raw: Uint8Array,
  width: number,
  height: number,
  { filter, level, ppi }: PngEncoding,
): Uint8Array | undefined {
  const type = FILTER_TYPE[filter];
  if (type === undefined || raw.byteOffset % 4 !== 0) return undefined;
  const pixels = new Uint32Array(raw.buffer, raw.byteOffset, width * height);
  const stride = width * 3 + 1;
  const rows = scratch(stride * height);
  let o = 0;
  for (let y = 0, i = 0; y < height; y++) {
    rows[o++] = type;
    for (let end = i + width; i < end; i++) {
      const p = pixels[i];
      // Opaque means premultiplied equals straight colour: the bytes can be copied as they are.
      if (p >>> 24 !== 255) return undefined;
      rows[o++] = (p >>> 16) & 255;
      rows[o++] = (p >>> 8) & 255;
      rows[o++] = p & 255;
    }
  }
  if (type === 1) subFilter(rows, width, height, stride);
  if (type === 2) upFilter(rows, height, stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const perMetre = Buffer.alloc(9);
  const ppm = Math.round(ppi * 39.3701);
  perMetre.writeUInt32BE(ppm, 0);
  perMetre.writeUInt32BE(ppm, 4);
  perMetre[8] = 1; // the unit is the metre
  const data = deflateSync(rows, { level, strategy: constants.Z_DEFAULT_STRATEGY });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('pHYs', perMetre), chunk('IDAT', data), chunk('IEND')]);
}

let kept: Buffer | undefined;
/**
 * The rows' buffer, kept for the next figure of the size: a fresh one is megabytes of memory outside
 * V8's heap each figure, which makes the garbage collector run. Encoding is synchronous, so no two
 * encodings share it at once.
 */
function scratch(bytes: number): Buffer {
  if (kept?.length !== bytes) kept = Buffer.allocUnsafe(bytes);
  return kept;
}

/** Each byte minus the same channel of the pixel to its left (in place, right to left). */
function subFilter(rows: Buffer, width: number, height: number, stride: number): void {
  for (let y = 0; y < height; y++) {
    const start = y * stride + 1;
    for (let i = start + width * 3 - 1; i >= start + 3; i--) rows[i] = (rows[i] - rows[i - 3]) & 255;
  }
}

/** Each byte minus the byte above it (in place, bottom row first). */
function upFilter(rows: Buffer, height: number, stride: number): void {
  for (let y = height - 1; y > 0; y--) {
    const start = y * stride + 1;
    for (let i = start; i < start + stride - 1; i++) rows[i] = (rows[i] - rows[i - stride]) & 255;
  }
}

function chunk(type: string, data: Uint8Array = new Uint8Array(0)): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
