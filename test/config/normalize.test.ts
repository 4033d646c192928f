import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivationsFigure } from '../../src/kinds/activations/types.ts';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { actfig } from '../cli.ts';
import { snapshot, tempDir } from '../tmp.ts';

const grid = { min: -1, max: 1, samples: 5 };
const figure = (extra: object = {}) => ({ id: 'f', grid, panels: [{ activation: 'relu' }], ...extra });
const errorOf = (config: unknown) => {
  try {
    normalizeConfig(config, 'figures.config.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('config was accepted');
};

// Each bad config, and the one line that must name the file, the field and the problem.
const bad: [string, unknown, RegExp][] = [
  [
    'an unknown activation',
    { figures: [figure(), figure({ id: 'g' }), { id: 'h', grid, panels: [{ activation: 'sigmoidd' }] }] },
    new RegExp(
      /^figures\.config\.json: figures\[2\]\.panels\[0\]\.activation: /.source +
        /unknown activation "sigmoidd" \(did you mean "sigmoid"\?\)$/.source,
    ),
  ],
  [
    'a parameter the activation lacks',
    { figures: [{ id: 'f', grid, panels: [{ activation: 'relu', params: { alpha: 1 } }] }] },
    /figures\[0\]\.panels\[0\]\.params\.alpha: relu has no parameter "alpha"/,
  ],
  [
    'beta = 0',
    { figures: [{ id: 'f', grid, panels: [{ activation: 'softplus', params: { beta: 0 } }] }] },
    /figures\[0\]\.panels\[0\]\.params\.beta: must not be 0/,
  ],
  [
    'a parameter that is not a number',
    { figures: [{ id: 'f', grid, panels: [{ activation: 'elu', params: { alpha: 'big' } }] }] },
    /params\.alpha: must be a finite number, got "big"/,
  ],
  ['an empty id', { figures: [figure({ id: '' })] }, /figures\[0\]\.id: must not be empty/],
  ['an id with a slash', { figures: [figure({ id: 'a/b' })] }, /figures\[0\]\.id: must not contain a slash/],
  ['an id with ..', { figures: [figure({ id: 'a..b' })] }, /figures\[0\]\.id: must not contain "\.\."/],
  [
    'an invalid colour',
    { figures: [{ id: 'f', grid, panels: [{ activation: 'relu', color: 'bleu' }] }] },
    /figures\[0\]\.panels\[0\]\.color: not a CSS colour .*got "bleu"$/,
  ],
  ['a duplicate id', { figures: [figure(), figure()] }, /figures\[1\]\.id: duplicate id "f"/],
  [
    'an unknown top-level key',
    { figures: [figure()], outdir: 'x' },
    /figures\.config\.json: outdir: unknown key \(did you mean "outDir"\?\)/,
  ],
  [
    'an unknown grid key',
    { figures: [figure({ grid: { min: -1, max: 1, sample: 5 } })] },
    /figures\[0\]\.grid\.sample: unknown key \(did you mean "samples"\?\)/,
  ],
  [
    'an unknown panel key',
    { figures: [{ id: 'f', grid, panels: [{ activation: 'relu', colour: 'red' }] }] },
    /figures\[0\]\.panels\[0\]\.colour: unknown key \(did you mean "color"\?\)/,
  ],
  [
    'too many samples',
    { figures: [figure({ grid: { min: -1, max: 1, samples: 1_000_001 } })] },
    /figures\[0\]\.grid\.samples: must be ≤ 1000000/,
  ],
  [
    'samples below 2',
    { figures: [figure({ grid: { min: -1, max: 1, samples: 1 } })] },
    /figures\[0\]\.grid\.samples: must be ≥ 2/,
  ],
  [
    'a step making too many points',
    { figures: [figure({ grid: { min: 0, max: 1, step: 1e-7 } })] },
    /figures\[0\]\.grid\.step: makes 10000000 points/,
  ],
  [
    'min not below max',
    { figures: [figure({ grid: { min: 1, max: 1, samples: 5 } })] },
    /figures\[0\]\.grid\.max: must be greater than min/,
  ],
  [
    'a number given as a string',
    { figures: [figure({ grid: { min: '-1', max: 1, samples: 5 } })] },
    /figures\[0\]\.grid\.min: expected number, got "-1"/,
  ],
  ['a PNG scale out of bounds', { png: { scale: 50 }, figures: [figure()] }, /png\.scale: must be ≤ 8, got 50/],
  [
    'an unknown format',
    { formats: ['png', 'gif'], figures: [figure()] },
    /formats\[1\]: must be one of "png", "svg", "pdf", got "gif"/,
  ],
  [
    'a panel without a grid',
    { figures: [{ id: 'f', panels: [{ activation: 'relu' }] }] },
    /figures\[0\]\.panels\[0\]\.grid: missing/,
  ],
  ['no figures', { figures: [] }, /figures: must have at least 1 item/],
  [
    'an unknown activation in a series',
    { figures: [{ id: 'f', grid, panels: [{ series: ['gelu', 'silu', 'mishh'] }] }] },
    /figures\[0\]\.panels\[0\]\.series\[2\]: unknown activation "mishh" \(did you mean "mish"\?\)$/,
  ],
  [
    'a swept parameter the activation lacks',
    { figures: [{ id: 'f', grid, panels: [{ series: [{ activation: 'leaky_relu', sweep: { slope: [0.1] } }] }] }] },
    /figures\[0\]\.panels\[0\]\.series\[0\]\.sweep\.slope: leaky_relu has no parameter "slope"/,
  ],
  [
    'a bad swept value',
    { figures: [{ id: 'f', grid, panels: [{ series: [{ activation: 'softplus', sweep: { beta: [1, 0] } }] }] }] },
    /figures\[0\]\.panels\[0\]\.series\[0\]\.sweep\.beta\[1\]: /,
  ],
  [
    'both activation and series',
    { figures: [{ id: 'f', grid, panels: [{ activation: 'relu', series: ['gelu'] }] }] },
    /figures\[0\]\.panels\[0\]\.activation: give either activation or series, not both/,
  ],
  [
    'params on a panel of series',
    { figures: [{ id: 'f', grid, panels: [{ series: ['elu'], params: { alpha: 2 } }] }] },
    /figures\[0\]\.panels\[0\]\.params: belongs to each series/,
  ],
  [
    'too many series after the sweep',
    {
      figures: [
        {
          id: 'f',
          grid,
          panels: [
            {
              series: [
                { activation: 'elu', sweep: { alpha: [1, 2, 3, 4, 5, 6, 7] } },
                { activation: 'celu', sweep: { alpha: [1, 2, 3, 4, 5, 6] } },
              ],
            },
          ],
        },
      ],
    },
    /figures\[0\]\.panels\[0\]\.series: makes 13 series; at most 12 per panel/,
  ],
  [
    'an unknown function to show',
    { figures: [{ id: 'f', grid, show: ['f', 'd3f'], panels: [{ activation: 'relu' }] }] },
    /figures\[0\]\.show\[1\]: must be one of "f", "df", "d2f", got "d3f"/,
  ],
  [
    'a legend position that does not exist',
    { figures: [{ id: 'f', grid, legend: 'top-centre', panels: [{ activation: 'relu' }] }] },
    /figures\[0\]\.legend: /,
  ],
  [
    'a font scale out of range',
    { figures: [{ id: 'f', grid, fontScale: 10, panels: [{ activation: 'relu' }] }] },
    /figures\[0\]\.fontScale: must be ≤ 4, got 10/,
  ],
  [
    'a background that is no colour',
    { background: 'see-through', figures: [{ id: 'f', grid, panels: [{ activation: 'relu' }] }] },
    /background: /,
  ],
  [
    'zero columns',
    { figures: [{ id: 'f', grid, columns: 0, panels: [{ activation: 'relu' }] }] },
    /figures\[0\]\.columns: must be ≥ 1, got 0/,
  ],
];

describe('normalizeConfig(config, file) refuses bad configs, naming the file and the field', () => {
  it.each(bad)('%s', (_, config, message) => {
    const error = errorOf(config);
    expect(error).toMatch(message);
    expect(error).toMatch(/^figures\.config\.json: /);
    expect(error.split('\n')).toHaveLength(1);
  });

  it('fills in the defaults: lab titles, labels, slide preset, PNG scale 2, all formats', () => {
    const c = normalizeConfig(
      {
        figures: [
          {
            id: 'f',
            grid,
            preset: 'slide',
            panels: [{ activation: 'leaky_relu', params: { negative_slope: 0.2 } }, { activation: 'swish' }],
          },
        ],
      },
      'x.json',
    );
    expect(c.formats).toEqual(['png', 'svg', 'pdf']);
    expect(c.png.scale).toBe(2);
    const [a, b] = (c.figures[0] as ActivationsFigure).panels;
    expect(a.title).toBe('Leaky ReLU (α = 0.2) Activation & Gradient');
    expect(b.series[0].activation).toBe('silu');
    expect(b.series[0].show).toEqual(['f', 'df']);
    // On a slide the panel's title names the activation; its legend names the functions.
    expect(b.series[0].labels).toEqual({ f: 'f(z)', df: 'f′(z)', d2f: 'f″(z)' });
    expect(c.figures[0].width * 2 + 160).toBeLessThanOrEqual(960);
    const page = normalizeConfig({ figures: [{ id: 'p', grid, panels: [{ activation: 'swish' }] }] }, 'x.json');
    expect((page.figures[0] as ActivationsFigure).panels[0].series[0].labels).toEqual({
      f: 'SiLU (Swish) Activation',
      df: 'SiLU (Swish) Derivative',
      d2f: 'SiLU (Swish) Second Derivative',
    });
  });
});

describe('actfig build with a bad config exits 2 and leaves the output folder untouched', () => {
  it.each(bad.slice(0, 10))('%s', (_, config, message) => {
    const dir = tempDir();
    const out = join(dir, 'figures');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'a file the user put here');
    writeFileSync(join(out, 'f.png'), 'an old figure');
    writeFileSync(join(dir, 'figures.config.json'), JSON.stringify(config));
    const before = snapshot(out);
    const r = actfig(['build', '--config', 'figures.config.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(before);
  });

  it('a missing config file, invalid JSON, and an unknown --only are refused the same way', () => {
    const dir = tempDir();
    expect(actfig(['build', '--config', 'nope.json'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'nope.json: config file not found\n',
    });
    writeFileSync(join(dir, 'broken.json'), '{ "figures": [ }');
    const broken = actfig(['build', '--config', 'broken.json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.json: not valid JSON: /);
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ figures: [figure({ id: 'sigmoid' })] }));
    const only = actfig(['build', '--config', 'ok.json', '--only', 'sigmoidd'], { cwd: dir });
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/--only: no figure "sigmoidd" in ok\.json \(did you mean "sigmoid"\?\)/);
  });
});
