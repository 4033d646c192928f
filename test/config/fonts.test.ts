// A config's own font (`font: { file }`): real builds with DejaVu Serif from the dejavu-fonts-ttf package,
// their PNGs decoded, SVGs and specs read; a bad file is one line and exit 2 with nothing written.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../png.ts';
import { grid, oneLine, project } from '../project.ts';

const require = createRequire(import.meta.url);
const ttf = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const figure = (id: string, extra: object = {}) => ({
  id,
  title: 'Serif',
  grid,
  panels: [{ activation: 'tanh' }],
  ...extra,
});

/** A project whose fonts/ folder holds DejaVu Serif, regular and bold. */
function withSerif(config: object) {
  const p = project(config);
  mkdirSync(join(p.dir, 'fonts'));
  for (const f of ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf']) copyFileSync(join(ttf, f), join(p.dir, 'fonts', f));
  return p;
}

describe('font: { file }', () => {
  it('draws and measures with the file: the PNG and SVG change, the spec names its family', () => {
    // Three figures: a build of more than two renders them in render processes, which must register it too.
    const p = withSerif({
      interactive: false,
      figures: [
        figure('plain'),
        figure('serif', { font: { file: 'fonts/DejaVuSerif.ttf' } }),
        figure('pair', { font: { file: ['fonts/DejaVuSerif.ttf', 'fonts/DejaVuSerif-Bold.ttf'] } }),
      ],
    });
    const r = p.build();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const read = (name: string) => readFileSync(join(p.out, name));
    const [plain, serif, pair] = ['plain', 'serif', 'pair'].map((id) => decodePng(read(`${id}.png`)));
    let differ = 0;
    const n = Math.min(plain.data.length, serif.data.length);
    for (let i = 0; i < n; i += 4) if (plain.data[i] !== serif.data[i]) differ++;
    expect(plain.width !== serif.width || differ > 1000).toBe(true);
    expect(pair.data.equals(serif.data)).toBe(true); // no bold text in these figures: the same drawing
    const spec = JSON.parse(read('serif.vl.json').toString());
    expect(spec.config.font).toBe('DejaVu Serif');
    const outlines = (id: string) =>
      [
        ...read(`${id}.svg`)
          .toString()
          .matchAll(/ d="(M[^"]+)"/g),
      ].map((m) => m[1]);
    expect(outlines('serif')).not.toEqual(outlines('plain'));
    expect(read('serif.svg').toString()).not.toContain('<text');
  }, 120_000);

  it('a missing font file: one line naming the file and the field, exit 2, nothing written', () => {
    const p = withSerif({ figures: [figure('a', { font: { file: 'fonts/Inter.ttf' } })] });
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /^c\.json: figures\[0\]\.font\.file: cannot read .*fonts\/Inter\.ttf: no such file$/,
    );
    expect(existsSync(p.out)).toBe(false);
  });

  it('a file that is not a font, named at the top level: the same', () => {
    const p = withSerif({ font: { file: 'fonts/notes.ttf' }, figures: [figure('a')] });
    writeFileSync(join(p.dir, 'fonts', 'notes.ttf'), 'not a font');
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^c\.json: font\.file: .*notes\.ttf is not a font file/);
    expect(existsSync(p.out)).toBe(false);
  });
});
