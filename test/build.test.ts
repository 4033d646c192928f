import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.ts';
import { runJob } from '../src/build/job.ts';
import { normalizeConfig } from '../src/config/normalize.ts';
import { actfig } from './cli.ts';
import { tempDir } from './tmp.ts';

const grid = { min: -3, max: 3, samples: 61 };
const config = (outDir: string, formats?: string[], extra: object = {}) =>
  normalizeConfig(
    {
      outDir,
      ...(formats && { formats }),
      ...extra,
      figures: ['a', 'b', 'c'].map((id) => ({ id, grid, panels: [{ activation: 'relu' }] })),
    },
    'test.json',
  );

describe('build(config)', () => {
  it('a figure that fails is reported, leaves no file at all, and the others are written', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.md'), 'mine');
    const result = await build(config(out), {
      runner: {
        run: async (job) => {
          if (job.figure.id === 'b') throw new Error('boom');
          return runJob(job);
        },
        close: async () => {},
      },
    });
    expect(result.failed.map((f) => [f.id, f.error.message])).toEqual([['b', 'boom']]);
    expect(readdirSync(out).sort()).toEqual([
      'a.csv',
      'a.html',
      'a.pdf',
      'a.png',
      'a.svg',
      'a.vl.json',
      'actfig-page.js',
      'c.csv',
      'c.html',
      'c.pdf',
      'c.png',
      'c.svg',
      'c.vl.json',
      'gallery.css',
      'index.html',
      'manifest.json',
      'notes.md',
      'vega-embed.min.js',
      'vega-lite.min.js',
      'vega.min.js',
    ]);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('mine');
  });

  it('formats narrow the images, but the spec, the CSV, the page and the gallery are always written', async () => {
    const out = tempDir();
    await build(config(out, ['svg']), { only: ['c'] });
    expect(readdirSync(out).sort()).toEqual([
      'actfig-page.js',
      'c.csv',
      'c.html',
      'c.svg',
      'c.vl.json',
      'gallery.css',
      'index.html',
      'manifest.json',
      'vega-embed.min.js',
      'vega-lite.min.js',
      'vega.min.js',
    ]);
  });

  it('interactive: false writes no page and no scripts, and check agrees', async () => {
    const out = tempDir();
    await build(config(out, ['svg'], { interactive: false }), { only: ['c'] });
    expect(readdirSync(out).sort()).toEqual([
      'c.csv',
      'c.svg',
      'c.vl.json',
      'gallery.css',
      'index.html',
      'manifest.json',
    ]);
  });
});

describe('actfig build options', () => {
  it('--only and --formats narrow the build; --out picks the folder', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({
        interactive: false,
        figures: ['a', 'b'].map((id) => ({ id, grid, panels: [{ activation: 'tanh' }] })),
      }),
    );
    const r = actfig(['build', '--config', 'c.json', '--out', 'out', '--only', 'b', '--formats', 'png'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 figures: 1 rendered, 0 unchanged, 0 removed, 0 failed; 5 files written to out in/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'b.csv',
      'b.png',
      'b.vl.json',
      'gallery.css',
      'index.html',
      'manifest.json',
    ]);
  });

  it('refuses an unknown format', () => {
    const r = actfig(['build', '--formats', 'png,gif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('actfig build: --formats: unknown format "gif" (png, svg, pdf)\n');
  });
});
