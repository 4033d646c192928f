// The README's promise on PDF backgrounds: a figure with background 'transparent' (dark theme included)
// gets a PDF page with no fill of its own, so it shows the slide behind it; the default paints the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { actfig } from '../../cli.ts';
import { tempDir } from '../../tmp.ts';

/** The page's drawing operators: the first content stream of the PDF, inflated. */
function content(file: string): string {
  const pdf = readFileSync(file);
  const start = pdf.indexOf('stream\n') + 'stream\n'.length;
  return inflateSync(pdf.subarray(start, pdf.indexOf('\nendstream', start))).toString('latin1');
}

it('a transparent PDF, dark or light, has no page fill; the default one is painted', () => {
  const dir = tempDir();
  const figure = (id: string, extra: object) => ({
    id,
    grid: { min: -2, max: 2, samples: 21 },
    panels: [{ activation: 'relu' }],
    ...extra,
  });
  const figures = [
    figure('dark-clear', { theme: 'dark', background: 'transparent' }),
    figure('light-clear', { background: 'transparent' }),
    figure('dark', { theme: 'dark' }),
    figure('light', {}),
  ];
  writeFileSync(join(dir, 'c.json'), JSON.stringify({ formats: ['pdf'], interactive: false, gallery: false, figures }));
  const r = actfig(['build', '--config', 'c.json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  // The whole page, 0 0 width height, filled: the background.
  const pageFill = /^0 0 [\d.]+ [\d.]+ re f$/m;
  expect(content(join(dir, 'figures/dark-clear.pdf'))).not.toMatch(pageFill);
  expect(content(join(dir, 'figures/light-clear.pdf'))).not.toMatch(pageFill);
  expect(content(join(dir, 'figures/dark.pdf'))).toMatch(pageFill);
  expect(content(join(dir, 'figures/light.pdf'))).toMatch(/^1 1 1 rg \/a0 gs\n0 0 [\d.]+ [\d.]+ re f$/m);
});
