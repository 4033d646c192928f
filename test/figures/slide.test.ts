// The slide preset: a 16:9 figure whose text is readable at the full width of a 16:9 Beamer frame
// (about 400 pt): the smallest text at least 6.5 pt, titles at least 9 pt. Read from the laid-out scene.
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { buildSpec } from '../../src/kinds/spec.ts';
import { layoutScene } from '../render/scene.ts';
import { fitFigure } from '../../src/build/fit.ts';

const FRAME_PT = 400;
const grid = { min: -6, max: 6, samples: 241 };
const config = normalizeConfig({
  preset: 'slide',
  figures: [
    { id: 'lab', grid, panels: [{ activation: 'sigmoid', saturation: true }, { activation: 'relu' }] },
    { id: 'one', grid, panels: [{ series: ['gelu', 'silu', 'mish'] }] },
    { id: 'overlay', kind: 'derivatives-overlay', activations: ['sigmoid', 'tanh', 'relu'] },
    {
      id: 'titled',
      title: 'Why sigmoid gradients vanish',
      grid,
      panels: [{ activation: 'sigmoid' }, { activation: 'tanh' }],
    },
  ],
});

describe('preset: slide', () => {
  it.each(config.figures.map((f) => [f.id, f] as const))('%s is 16:9 and readable on a slide', async (_id, figure) => {
    // As the build writes it: fitted to the slide's 960×540.
    const scene = await layoutScene(buildSpec(await fitFigure(figure, 2)));
    expect(Math.abs(scene.width / scene.height / (16 / 9) - 1)).toBeLessThan(0.04);
    const pt = (px: number) => (px * FRAME_PT) / scene.width;
    const texts = scene.items.filter((i) => i.kind === 'text' && i.fontSize);
    const smallest = Math.min(...texts.map((t) => t.fontSize!));
    expect(pt(smallest)).toBeGreaterThanOrEqual(6.5);
    for (const t of texts.filter((i) => i.role === 'title-text' || i.role === 'axis-title'))
      expect(pt(t.fontSize!), `${t.role} "${t.text}"`).toBeGreaterThanOrEqual(9);
  });

  it('lines are thicker than on the page', () => {
    const [page] = normalizeConfig({ figures: [{ id: 'p', grid, panels: [{ activation: 'relu' }] }] }).figures;
    expect(config.figures[0].lineWidth).toBeGreaterThan(page.lineWidth);
    expect(config.figures[0].fontScale).toBeGreaterThan(page.fontScale);
  });
});
