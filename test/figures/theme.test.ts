// Colour is identity: a series keeps its hue in the light and the dark theme (a lighter variant for
// contrast on a dark background), in both palettes.
import { hsl } from 'd3-color';
import { describe, expect, it } from 'vitest';
import { colors } from '../../src/figures/theme.ts';

const hue = (css: string) => hsl(css).h;
const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('palettes', () => {
  it.each(['lab', 'colorblind'] as const)(
    '%s: every role keeps its hue from the light theme to the dark',
    (palette) => {
      const light = colors('light', palette);
      const dark = colors('dark', palette);
      const pairs: [string, string][] = [
        ...light.series.map((c, i): [string, string] => [c, dark.series[i]]),
        ...light.activation.map((c, i): [string, string] => [c, dark.activation[i]]),
        [light.derivative, dark.derivative],
        [light.second, dark.second],
      ];
      for (const [a, b] of pairs) expect(apart(hue(a), hue(b)), `${a} / ${b}`).toBeLessThan(25);
      // Lighter on the dark background.
      for (const [a, b] of pairs) expect(hsl(b).l, `${a} / ${b}`).toBeGreaterThanOrEqual(hsl(a).l - 0.02);
    },
  );
});

describe('panels of different activations', () => {
  it('never share a colour, eight panels of one activation each included', async () => {
    const { normalizeConfig } = await import('../../src/config/normalize.ts');
    const { seriesColors } = await import('../../src/kinds/activations/panels.ts');
    const names = ['sigmoid', 'tanh', 'relu', 'gelu', 'softsign', 'elu', 'silu', 'mish'];
    for (const palette of ['lab', 'colorblind'] as const) {
      const [figure] = normalizeConfig({
        palette,
        figures: [
          { id: 'e', grid: { min: -1, max: 1, samples: 5 }, panels: names.map((activation) => ({ activation })) },
        ],
      }).figures as any[];
      const colorOf = seriesColors(figure, colors('light', palette));
      const used = figure.panels.map((p: any) => colorOf(p.series[0]));
      expect(new Set(used).size, palette).toBe(names.length);
      expect(used).not.toContain(colors('light', palette).derivative);
    }
  });
});
