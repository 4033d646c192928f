// build and check judge the output folder by one module (src/build/freshness.ts): what check calls not
// current is exactly what the next build makes again, and after that build check finds nothing.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { check } from '../../src/build/check.ts';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { tempDir } from '../tmp.ts';

const grid = { min: -3, max: 3, samples: 31 };
const config = (outDir: string, extra: object = {}) =>
  normalizeConfig(
    {
      outDir,
      formats: ['png', 'svg'],
      ...extra,
      figures: ['a', 'b'].map((id) => ({ id, grid, panels: [{ activation: 'tanh' }] })),
    },
    'test.json',
  );

describe('freshness, as build and check share it', { timeout: 60_000 }, () => {
  it('a page script the tool no longer ships: check calls it stale, the next build writes it', async () => {
    const out = tempDir();
    await build(config(out));
    // As an older version of the tool left it: other bytes, recorded as written, so intact but not current.
    const script = join(out, 'actfig-page.js');
    const old = '/* an older actfig-page.js */';
    writeFileSync(script, old);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const record = manifest.site.files.find((f: { name: string }) => f.name === 'actfig-page.js');
    Object.assign(record, { bytes: old.length, sha256: createHash('sha256').update(old).digest('hex') });
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    expect(await check(config(out))).toEqual([
      { kind: 'stale', file: 'actfig-page.js', why: 'the tool ships another version of this page script' },
    ]);
    await build(config(out));
    expect(await check(config(out))).toEqual([]);
    expect(readFileSync(script, 'utf8')).not.toBe(old);
  });

  it('a tampered image: check names it, the next build renders only its figure, then check finds nothing', async () => {
    const out = tempDir();
    await build(config(out));
    expect(await check(config(out))).toEqual([]);
    const png = join(out, 'a.png');
    writeFileSync(png, Buffer.concat([readFileSync(png), Buffer.from('x')]));
    expect(await check(config(out))).toEqual([
      { kind: 'modified', file: 'a.png', why: 'its bytes differ from what the build wrote' },
    ]);
    const again = await build(config(out));
    expect([again.rendered, again.unchanged]).toEqual([['a'], ['b']]);
    expect(await check(config(out))).toEqual([]);
    expect((await build(config(out))).filesWritten).toBe(0);
  });

  it('a renamed gallery: check names the new page missing, the old one orphaned; a build settles both', async () => {
    const out = tempDir();
    await build(config(out));
    const renamed = config(out, { gallery: 'figures.html' });
    expect(await check(renamed)).toEqual([
      { kind: 'missing', file: 'figures.html', why: 'the gallery has not been built' },
      { kind: 'orphaned', file: 'index.html', why: 'the gallery no longer has it' },
    ]);
    const r = await build(renamed);
    expect(r.rendered).toEqual([]);
    expect(await check(renamed)).toEqual([]);
  });

  it('no gallery and no interactive page: the folder needs no files of its own', async () => {
    const out = tempDir();
    const figures = [{ id: 'a', grid, interactive: false, panels: [{ activation: 'relu' }] }];
    const plain = normalizeConfig({ outDir: out, gallery: false, formats: ['svg'], figures }, 'test.json');
    await build(plain);
    expect(readdirSync(out).sort()).toEqual(['a.csv', 'a.svg', 'a.vl.json', 'manifest.json']);
    expect(await check(plain)).toEqual([]);
    expect((await build(plain)).filesWritten).toBe(0);
  });
});
