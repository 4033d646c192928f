// Content keys: each image's key comes from its format's record (src/formats.ts), so an option of one
// format leaves the other files current.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { FORMATS } from '../../src/formats.ts';
import { fileKeys, keyContext } from '../../src/output/content-key.ts';
import { project, tree } from '../project.ts';

const figure = normalizeConfig(
  { figures: [{ id: 'a', grid: { min: -1, max: 1, samples: 3 }, panels: [{ activation: 'relu' }] }] },
  'c.json',
).figures[0];
const png = { scale: 2, compression: 6, filter: 'none' } as const;
const changed = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).filter((role) => a[role] !== b[role]);

describe('fileKeys(figure, context)', () => {
  it("keys the spec, the CSV, a kind's data files, the page and every format, the first three alike", async () => {
    const keys = fileKeys(figure, await keyContext(png, new Date(0)));
    expect(Object.keys(keys)).toEqual(['spec', 'csv', 'data', 'html', ...FORMATS]);
    expect(keys.spec).toBe(keys.csv);
    expect(keys.data).toBe(keys.spec);
    expect(new Set(Object.values(keys)).size).toBe(2 + FORMATS.length); // the spec and CSV share one
  });

  it('keys a GIF only for a figure that animates, from the figure and gifenc', async () => {
    const context = await keyContext(png, new Date(0));
    const animated = { ...figure, animate: { param: 'beta', values: [1, 2], fps: 10, frames: [] } };
    const keys = fileKeys(animated, context);
    expect(Object.keys(keys)).toEqual(['spec', 'csv', 'data', 'html', ...FORMATS, 'gif']);
    expect(fileKeys({ ...animated, animate: { ...animated.animate, fps: 20 } }, context).gif).not.toBe(keys.gif);
    expect(fileKeys(animated, await keyContext({ ...png, scale: 1 }, new Date(0))).gif).toBe(keys.gif);
  });

  it("the PNG options change only the PNG's key, the date only the PDF's, the figure every key", async () => {
    const keys = fileKeys(figure, await keyContext(png, new Date(0)));
    expect(changed(keys, fileKeys(figure, await keyContext({ ...png, scale: 1 }, new Date(0))))).toEqual(['png']);
    expect(changed(keys, fileKeys(figure, await keyContext(png, new Date(1000))))).toEqual(['pdf']);
    const other = { ...figure, caption: 'another' };
    expect(changed(keys, fileKeys(other, await keyContext(png, new Date(0))))).toEqual(Object.keys(keys));
  });
});

describe('content keys', () => {
  it('--formats svg,png and --formats png,svg give the same content keys: the second build renders nothing', () => {
    const p = project({ formats: ['png', 'svg'] });
    const q = project({ formats: ['png', 'svg'] });
    expect(p.build('--formats', 'svg,png').code).toBe(0);
    expect(q.build('--formats', 'png,svg').code).toBe(0);
    expect(readFileSync(join(p.out, 'manifest.json'), 'utf8')).toBe(readFileSync(join(q.out, 'manifest.json'), 'utf8'));
    const before = tree(p.dir);
    const r = p.build('--formats', 'png,svg');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 figures: 0 rendered, 1 unchanged, 0 removed, 0 failed; 0 files written/);
    expect(tree(p.dir)).toEqual(before);
  });
});
