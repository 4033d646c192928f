import { createCanvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { encodeOpaquePng } from '../../src/render/formats/png-encode.ts';
import { decodePng } from '../png.ts';

/** A canvas with antialiased curves and text on white: the colours a figure has. */
function figureLike(background: string | undefined) {
  const canvas = createCanvas(123, 57);
  const context = canvas.getContext('2d');
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, 123, 57);
  }
  context.strokeStyle = '#1f77b4';
  context.lineWidth = 2.5;
  context.beginPath();
  for (let x = 0; x < 123; x++) context.lineTo(x, 28 + 20 * Math.sin(x / 9));
  context.stroke();
  context.fillStyle = 'rgba(214, 39, 40, 0.5)';
  context.fillRect(10.5, 5.25, 30, 20);
  context.fillStyle = '#222';
  context.font = '11px sans-serif';
  context.fillText('σ′(z) = 0.25', 50, 50);
  return canvas;
}

describe('the opaque PNG encoder', () => {
  for (const filter of ['none', 'sub', 'up'] as const) {
    it(`writes, with the ${filter} filter, the pixels node-canvas writes, as RGB, with its pHYs`, () => {
      const canvas = figureLike('#ffffff');
      const ours = encodeOpaquePng(canvas.toBuffer('raw'), canvas.width, canvas.height, { filter, level: 3, ppi: 144 });
      expect(ours).toBeDefined();
      const theirs = decodePng(canvas.toBuffer('image/png', { resolution: 144 }));
      const decoded = decodePng(Buffer.from(ours!));
      expect(Buffer.from(ours!)[25]).toBe(2); // colour type RGB
      expect([decoded.width, decoded.height]).toEqual([123, 57]);
      expect(decoded.data.equals(theirs.data)).toBe(true);
      expect(decoded.ppi).toBeCloseTo(theirs.ppi!, 6);
    });
  }

  it('leaves a figure with a transparent pixel, and a filter it does not do, to node-canvas', () => {
    const clear = figureLike(undefined);
    expect(encodeOpaquePng(clear.toBuffer('raw'), 123, 57, { filter: 'none', level: 3, ppi: 72 })).toBeUndefined();
    const opaque = figureLike('#000');
    expect(encodeOpaquePng(opaque.toBuffer('raw'), 123, 57, { filter: 'paeth', level: 3, ppi: 72 })).toBeUndefined();
  });

  it('is deterministic and smaller at a higher zlib level', () => {
    const canvas = figureLike('#fff');
    const raw = canvas.toBuffer('raw');
    const at = (level: number) => encodeOpaquePng(raw, 123, 57, { filter: 'none', level, ppi: 72 })!;
    expect(Buffer.from(at(3)).equals(Buffer.from(at(3)))).toBe(true);
    expect(at(9).length).toBeLessThan(at(0).length);
  });
});
