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

describe('an activation across a build', () => {
  const grid = { min: -2, max: 2, samples: 9 };
  /** Each drawn series' colour by activation, read from the spec's colour scales and panel strokes. */
  async function specColors(config: Record<string, unknown>) {
    const { normalizeConfig } = await import('../../src/config/normalize.ts');
    const { buildSpec } = await import('../../src/kinds/spec.ts');
    const normalized = normalizeConfig(config);
    return normalized.figures.map((figure) => {
      const out: Record<string, string> = {};
      // Series colour scales: domain labels begin with the activation's display name.
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const scale = (node as { scale?: { domain?: unknown; range?: unknown } }).scale;
        if (Array.isArray(scale?.domain) && Array.isArray(scale.range)) {
          scale.domain.forEach((label, i) => {
            const name = String(label)
              .replace(/[′(\s].*$/, '')
              .toLowerCase();
            if (typeof scale.range === 'object') out[name] ??= (scale.range as string[])[i];
          });
        }
        for (const value of Object.values(node)) visit(value);
      };
      visit(buildSpec(figure));
      return out;
    });
  }

  it('keeps its colour in an overlay, a depth figure and a panel of several series', async () => {
    const [overlay, depth, panel] = await specColors({
      figures: [
        { id: 'o', kind: 'derivatives-overlay', grid, activations: ['sigmoid', 'tanh', 'relu'] },
        { id: 'd', kind: 'vanishing-gradient-depth', activations: ['relu', 'sigmoid'], depth: 4, units: 8, batch: 2 },
        { id: 'p', grid, panels: [{ series: ['gelu', 'relu', 'tanh'] }] },
      ],
    });
    expect(Object.keys(overlay)).toEqual(['sigmoid', 'tanh', 'relu']);
    expect(depth.relu).toBe(overlay.relu);
    expect(depth.sigmoid).toBe(overlay.sigmoid);
    expect(panel.relu).toBe(overlay.relu);
    expect(panel.tanh).toBe(overlay.tanh);
    expect(new Set([panel.gelu, panel.relu, panel.tanh]).size).toBe(3);
  });

  it('takes the order of `hues`, null keeping a colour free, and refuses an unknown or repeated name', async () => {
    const { normalizeConfig } = await import('../../src/config/normalize.ts');
    const series = colors('light', 'colorblind').series;
    const [overlay] = await specColors({
      hues: ['relu', null, 'swish'],
      figures: [{ id: 'o', kind: 'derivatives-overlay', grid, activations: ['sigmoid', 'silu', 'relu'] }],
    });
    expect(overlay).toEqual({ sigmoid: series[3], silu: series[2], relu: series[0] });
    const config = (hues: unknown) => ({ hues, figures: [{ id: 'o', grid, panels: [{ activation: 'relu' }] }] });
    expect(() => normalizeConfig(config(['relu', 'reluu']), 'c.json')).toThrow(
      /^c\.json: hues\[1\]: unknown activation "reluu" \(did you mean "relu"/,
    );
    expect(() => normalizeConfig(config(['silu', 'swish']), 'c.json')).toThrow(/hues\[1\]: "swish" is listed twice/);
  });

  it('is what a page draws too: its source carries the build hues', async () => {
    const { normalizeConfig } = await import('../../src/config/normalize.ts');
    const { buildSpec } = await import('../../src/kinds/spec.ts');
    const { pageSpec } = await import('../../src/interactive/browser.ts');
    const { figures } = normalizeConfig({
      figures: [
        { id: 'a', kind: 'derivatives-overlay', grid, activations: ['tanh', 'elu', 'relu'] },
        { id: 'b', kind: 'derivatives-overlay', grid, activations: ['relu', 'sigmoid', 'elu'] },
      ],
    });
    const b = figures[1];
    const page = pageSpec({ id: 'b', source: b.source!, controls: [], theme: 'light' }, {});
    const strip = (spec: object) => JSON.stringify({ ...spec, config: undefined });
    expect(strip(page)).toBe(strip(buildSpec(b)));
    expect(b.hues).toEqual({ relu: 2, sigmoid: 3, elu: 1 });
  });
});
