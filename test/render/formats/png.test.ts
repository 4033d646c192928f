// An opaque figure is drawn on an RGB canvas and written as an RGB PNG; it must hold exactly the pixels
// vega draws on its own (RGBA) canvas. A background that lets anything through keeps the RGBA canvas.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { buildSpec, specForRender } from '../../../src/kinds/spec.ts';
import { loadRenderer } from '../../../src/render/fonts.ts';
import { opaqueBackground } from '../../../src/render/formats/png.ts';
import { render } from '../../../src/render/render.ts';
import { viewFor } from '../../../src/render/views.ts';
import { decodePng } from '../../png.ts';
import { tempDir } from '../../tmp.ts';

const base = tempDir('actfig-png-');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const COLOUR_TYPE = { 2: 'rgb', 6: 'rgba' } as Record<number, string>;

describe('PNG', () => {
  it('knows an opaque background from one that lets the page through', () => {
    for (const bg of ['white', '#fff', '#101010', 'rgb(250, 250, 250)', 'rgba(0, 0, 0, 1)']) {
      expect(opaqueBackground(bg), bg).toBe(true);
    }
    for (const bg of ['transparent', 'rgba(255, 255, 255, 0.5)', '#ffffff80', 'none', '', null, undefined]) {
      expect(opaqueBackground(bg), String(bg)).toBe(false);
    }
  });

  const cases = [
    ['white', undefined, 'rgb'],
    ['dark', '#101010', 'rgb'],
    ['half', 'rgba(255, 255, 255, 0.5)', 'rgba'],
    ['clear', 'transparent', 'rgba'],
  ] as const;
  for (const [id, background, type] of cases) {
    it(`writes a ${id} figure as ${type}, pixel for pixel what vega draws on its own canvas`, async () => {
      const file = join(base, `${id}.json`);
      const figure = {
        id,
        ...(background && { background }),
        grid: { min: -4, max: 4, samples: 81 },
        panels: [{ activation: 'relu' }, { activation: 'tanh' }],
      };
      writeFileSync(file, JSON.stringify({ outDir: 'out', figures: [figure] }));
      const config = await loadConfig(file);
      const spec = specForRender(config.figures[0], buildSpec(config.figures[0]), 2);
      const options = {
        ...{ formats: ['png'] as const, scale: 2, pngCompression: 3, pngFilter: 'none' as const },
        ...{ date: new Date(0), title: id, id },
      };
      const png = Buffer.from((await render(spec, options)).png!);
      expect(COLOUR_TYPE[png[25]]).toBe(type);

      const renderer = await loadRenderer();
      const { view, done } = await viewFor(spec, [], renderer);
      const own = ((await view.toCanvas(2)) as unknown as import('canvas').Canvas).toBuffer('image/png');
      done();
      const [ours, theirs] = [decodePng(png), decodePng(own)];
      expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
      expect(ours.data.equals(theirs.data)).toBe(true);
    });
  }
});
