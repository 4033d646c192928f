import { PNG } from 'pngjs';

/** Decodes a PNG fully (pixels and size) and reads its pHYs chunk (pixels per metre). */
export function decodePng(bytes: Buffer) {
  const png = PNG.sync.read(bytes);
  let ppm: number | undefined;
  let offset = 8;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'pHYs') ppm = bytes.readUInt32BE(offset + 8);
    offset += 12 + length;
  }
  return { width: png.width, height: png.height, data: png.data, ppi: ppm === undefined ? undefined : ppm * 0.0254 };
}

/** How many pixels are close to an RGB colour. */
export function countColor(png: { data: Buffer }, [r, g, b]: [number, number, number], tolerance = 40): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (
      Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) <= tolerance &&
      png.data[i + 3] > 200
    )
      n++;
  }
  return n;
}
