import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivationsFigure } from '../../src/config/model.ts';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { interactiveAssets } from '../../src/interactive/assets.ts';
import { interactivePage } from '../../src/interactive/page.ts';
import { PAGE_ASSETS } from '../../src/output/layout.ts';
import { planFigure } from '../../src/interactive/plan.ts';
import {
  decimals,
  MAX_COMBINATIONS,
  MAX_STEPS,
  type SliderRange,
  sliderValues,
} from '../../src/interactive/sliders.ts';
import { interactiveSpec, TOOLTIP_FORMAT } from '../../src/interactive/spec.ts';
import { activationNames, findActivation } from '../../src/math/activations/registry.ts';
import type { NumberParam, ParamValues } from '../../src/math/activations/types.ts';
import { evaluate } from '../../src/math/evaluate.ts';
import { type GridSpec, sample, withBreaks } from '../../src/math/grid.ts';
import { root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const require = createRequire(import.meta.url);
const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
const validate = ajv.compile(require('vega-lite/vega-lite-schema.json'));

const GRID: GridSpec = { min: -5, max: 5, samples: 401 };
const config = normalizeConfig({
  figures: [
    { id: 'leaky', grid: GRID, panels: [{ activation: 'leaky_relu' }] },
    {
      id: 'sweep',
      grid: GRID,
      panels: [{ series: [{ activation: 'leaky_relu', sweep: { negative_slope: [0.01, 0.1, 0.3] } }] }],
    },
    {
      id: 'multi',
      grid: GRID,
      show: ['f', 'df', 'd2f'],
      panels: [{ series: ['sigmoid', 'elu', 'hardshrink'] }, { activation: 'hardtanh' }],
    },
    { id: 'moving', grid: GRID, panels: [{ activation: 'hardshrink' }, { activation: 'threshold' }] },
    { id: 'rrelu', grid: GRID, panels: [{ activation: 'rrelu' }, { activation: 'sigmoid', saturation: true }] },
    {
      id: 'live',
      grid: GRID,
      panels: [
        { activation: 'leaky_relu', params: { negative_slope: 0.1 } },
        { series: ['sigmoid', { activation: 'elu', params: { alpha: 2 } }] },
      ],
    },
    { id: 'page', grid: GRID, panels: [{ activation: 'leaky_relu' }, { activation: 'hardshrink' }] },
    { id: 'overlay', kind: 'derivatives-overlay', activations: ['sigmoid', 'tanh', 'relu'] },
    { id: 'depth', kind: 'vanishing-gradient-depth', activations: ['sigmoid', 'relu'], depth: 8, units: 16, batch: 4 },
  ],
});
const figure = (id: string) => config.figures.find((f) => f.id === id)! as ActivationsFigure;
const specs = new Map<string, any>();
const specOf = (id: string): any => {
  if (!specs.has(id)) specs.set(id, interactiveSpec(figure(id)));
  return specs.get(id);
};

type Row = Record<string, number | string | boolean>;
/** The table's rows of one activation key at parameter values. */
const rowsAt = (spec: any, key: string, params: Record<string, number>): Row[] =>
  spec.datasets.table.filter((r: Row) => r.activation === key && Object.entries(params).every(([k, v]) => r[k] === v));
/** What the library computes for a parameter value: its evaluate on the grid plus that value's breaks. */
function library(name: string, given: ParamValues, grid = GRID, second = false) {
  const activation = findActivation(name)!;
  const params = { ...Object.fromEntries(Object.entries(activation.params).map(([k, p]) => [k, p.default])), ...given };
  const z = withBreaks(sample(grid), activation.breaks(params));
  return { z, ...evaluate(activation, params, z, { second }) };
}

describe('interactiveSpec: a valid Vega-Lite spec', () => {
  it.each(['leaky', 'sweep', 'multi', 'moving', 'rrelu', 'live', 'overlay', 'depth'])(
    '%s passes the JSON schema shipped in vega-lite',
    (id) => {
      const spec = specOf(id);
      const ok = validate(spec);
      expect(validate.errors ?? [], id).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('binds one range input per number parameter, starting at the series value, on its range', () => {
    expect(specOf('leaky').params).toEqual([
      {
        name: 'leaky_relu_negative_slope',
        value: 0.01,
        bind: { input: 'range', min: 0, max: 0.5, step: 0.01, name: 'Leaky ReLU: negative_slope ' },
      },
    ]);
    expect(specOf('multi').params.map((p: any) => [p.name, p.value, p.bind.min, p.bind.max, p.bind.step])).toEqual([
      ['elu_alpha', 1, 0.1, 2.5, 0.05],
      ['hardshrink_lambd', 0.5, 0, 2, 0.05],
      ['hardtanh_min_val', -1, -1.75, -0.25, 0.25],
      ['hardtanh_max_val', 1, 0.25, 1.75, 0.25],
    ]);
    // sigmoid has no parameter: no slider, and its rows carry none.
    expect(rowsAt(specOf('multi'), 'sigmoid', {})).toHaveLength(401);
  });

  it('takes slider ranges from options, by parameter or by activation.parameter', () => {
    const byParam = interactiveSpec(figure('leaky'), { sliders: { negative_slope: { min: 0, max: 0.2, step: 0.02 } } });
    // The grid passes through the series' 0.01 and stays within the range.
    expect(byParam.params).toMatchObject([{ value: 0.01, bind: { min: 0.01, max: 0.19, step: 0.02 } }]);
    const specific = interactiveSpec(figure('leaky'), {
      sliders: {
        negative_slope: { min: 0, max: 0.2, step: 0.02 },
        'leaky_relu.negative_slope': { min: 0.01, max: 0.11, step: 0.05 },
      },
    });
    expect(specific.params).toMatchObject([{ bind: { min: 0.01, max: 0.11, step: 0.05 } }]);
    expect([...new Set(specific.datasets.table.map((r) => r.negative_slope))]).toEqual([0.01, 0.06, 0.11]);
  });

  it('merges a sweep into one curve under one slider whose title follows it', () => {
    const spec = specOf('sweep');
    expect(spec.params.map((p: any) => [p.name, p.value])).toEqual([['leaky_relu_negative_slope', 0.01]]);
    const panel = spec.hconcat[0];
    expect(panel.title).toEqual({ text: { expr: '"Leaky ReLU, negative_slope = " + leaky_relu_negative_slope' } });
    expect(panel.layer.find((l: any) => l.name === 'lines_0').encoding.color.scale.domain).toEqual([
      'Leaky ReLU Activation',
      'Leaky ReLU Derivative',
    ]);
  });

  it('makes titles and legend labels that name a parameter value follow its slider', () => {
    const [left, right] = specOf('live').hconcat;
    expect(left.title).toEqual({
      text: { expr: '"Leaky ReLU (negative_slope=" + leaky_relu_negative_slope + ") Activation & Gradient"' },
    });
    const legend = right.layer.find((l: any) => l.name === 'lines_1').encoding.color.legend;
    expect(legend.labelExpr).toBe('datum.value === "ELU (alpha=2)" ? "ELU (alpha=" + elu_alpha + ")" : datum.label');
  });

  it('is the same spec, byte for byte, every time', () => {
    for (const id of ['multi', 'rrelu', 'overlay']) {
      expect(JSON.stringify(interactiveSpec(figure(id)))).toBe(JSON.stringify(interactiveSpec(figure(id))));
    }
  });

  it('gives overlay and depth figures their static spec plus a pointer rule with a tooltip', () => {
    for (const id of ['overlay', 'depth']) {
      const spec = specOf(id);
      const rule = spec.layer.at(-1);
      expect(rule.mark.type).toBe('rule');
      expect(rule.params[0].select).toMatchObject({ type: 'point', nearest: true });
      expect(rule.encoding.tooltip.length).toBeGreaterThan(2);
    }
    expect(
      specOf('overlay')
        .layer.at(-1)
        .encoding.tooltip.map((t: any) => t.title),
    ).toEqual(['z', 'Sigmoid: f(z)', "Sigmoid: f'(z)", 'Tanh: f(z)', "Tanh: f'(z)", 'ReLU: f(z)', "ReLU: f'(z)"]);
  });
});

describe('the data: every slider value computed by the library, never approximated', () => {
  it('has, for each negative_slope value, exactly the rows of evaluate on the grid plus the kink', () => {
    const spec = specOf('leaky');
    const [slider] = planFigure(figure('leaky'))[0].sliders;
    expect(slider.values).toHaveLength(51);
    expect(slider.values.slice(0, 4)).toEqual([0, 0.01, 0.02, 0.03]);
    for (const v of slider.values) {
      const rows = rowsAt(spec, 'leaky_relu', { negative_slope: v });
      const want = library('leaky_relu', { negative_slope: v });
      expect(rows.map((r) => r.z)).toEqual([...want.z]);
      expect(rows.map((r) => r.y)).toEqual([...want.y]);
      expect(rows.map((r) => r.dy)).toEqual([...want.dy]);
      // The kink at 0 is a row; f' jumps there, so the dashed line breaks after it (PyTorch's f'(0) = slope).
      const kink = rows.findIndex((r) => r.z === 0);
      expect(rows[kink]).toMatchObject({ y: 0, dy: v, sy: 0, sdy: 0 });
      expect(rows[kink + 1].sdy).toBe(1);
    }
    expect(spec.datasets.table).toHaveLength(51 * 401);
  });

  it('writes slider values as decimals: 0.1 is 0.1, not 0.1 plus rounding error', () => {
    for (const plan of planFigure(figure('multi'))) {
      for (const s of plan.sliders) {
        for (const v of s.values) expect(v).toBe(Number(v.toFixed(decimals(s.step))));
        expect(s.values.length).toBeLessThanOrEqual(MAX_STEPS);
      }
    }
    expect(planFigure(figure('multi'))[0].sliders[0].values).toContain(0.1);
  });

  it("moves hardshrink's jumps and threshold's with the parameter", () => {
    const spec = specOf('moving');
    for (const lambd of [0.25, 1.35, 2]) {
      const rows = rowsAt(spec, 'hardshrink', { lambd });
      const want = library('hardshrink', { lambd });
      expect(rows.map((r) => [r.z, r.y, r.dy])).toEqual([...want.z].map((z, i) => [z, want.y[i], want.dy[i]]));
      // f jumps at ±lambd: three pieces, ±lambd themselves on the middle one (f(±lambd) = 0).
      const at = (z: number) => rows.find((r) => r.z === z)!;
      expect([at(-lambd).sy, at(lambd).sy]).toEqual([1, 1]);
      expect(rows.find((r) => (r.z as number) > lambd)!.sy).toBe(2);
      const markers = spec.datasets.markers.filter((m: Row) => m.activation === 'hardshrink' && m.lambd === lambd);
      expect([...new Set(markers.map((m: Row) => m.z))].sort()).toEqual([-lambd, lambd].sort());
    }
    for (const threshold of [-1.5, 0, 1]) {
      // A parameter called like a column of the page's own ("value") gets a column of its own name.
      const rows = rowsAt(spec, 'threshold', { threshold, param_value: 0.5 });
      const want = library('threshold', { threshold, value: 0.5 });
      expect(rows.map((r) => [r.z, r.y, r.dy])).toEqual([...want.z].map((z, i) => [z, want.y[i], want.dy[i]]));
      const k = rows.findIndex((r) => r.z === threshold);
      expect(rows[k]).toMatchObject({ y: 0.5, dy: 0 });
      expect([rows[k].sy, rows[k + 1].sy]).toEqual([0, 1]);
    }
  });

  it("carries f'' where a series shows it, exactly as evaluate computes it", () => {
    const spec = specOf('multi');
    const rows = rowsAt(spec, 'elu', { alpha: 2.5 });
    const want = library('elu', { alpha: 2.5 }, GRID, true);
    expect(rows.map((r) => r.d2y)).toEqual([...want.d2y!]);
    expect(rowsAt(specOf('leaky'), 'leaky_relu', { negative_slope: 0.2 })[0]).not.toHaveProperty('d2y');
  });

  it('keeps values the library rejects as a note instead of a curve (rrelu with lower > upper)', () => {
    const spec = specOf('rrelu');
    const [lower, upper] = planFigure(figure('rrelu'))[0].sliders;
    expect(lower.values.length * upper.values.length).toBeLessThanOrEqual(MAX_COMBINATIONS);
    // 1/3 lies on no decimal grid: the slider's grid is shifted to pass through it.
    expect(upper.values).toContain(1 / 3);
    const bad = { lower: lower.values.at(-1)!, upper: upper.values[0] };
    expect(rowsAt(spec, 'rrelu', bad)).toEqual([]);
    expect(spec.datasets.notes.find((n: Row) => n.lower === bad.lower && n.upper === bad.upper).note).toMatch(
      /upper must be ≥ lower/,
    );
  });

  it('shades the saturated regions of a panel that asks for it', () => {
    const rows = specOf('rrelu').datasets.saturation;
    expect(rows.map((r: Row) => r.align)).toEqual(['left', 'right']);
  });
});

describe('slider values', () => {
  it('are min + k·step through the initial value, widened to reach it, coarser beyond maxSteps', () => {
    expect(sliderValues({ min: 0, max: 0.05, step: 0.01 }, 0.02).values).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05]);
    expect(sliderValues({ min: 0, max: 0.3, step: 0.1 }, 0.15)).toMatchObject({
      values: [0.05, 0.15, 0.25],
      index: 1,
    });
    expect(sliderValues({ min: 0, max: 1, step: 0.25 }, 2).values).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    const coarse = sliderValues({ min: 0, max: 10, step: 0.01 }, 1, { maxSteps: 101 });
    expect(coarse.step).toBe(0.1);
    expect(coarse.values).toHaveLength(101);
    expect(
      sliderValues({ min: -1, max: 1, step: 0.5 }, 1, { check: (v) => (v > 0 ? undefined : 'no') }).values,
    ).toEqual([0.5, 1]);
  });

  it('every number parameter of every activation has a range its check allows, reaching its default', () => {
    for (const name of activationNames) {
      const activation = findActivation(name)!;
      // A parameter that changes no curve (softplus's threshold) has range: false and no slider.
      const numbers = Object.entries(activation.params).filter(([, p]) => p.kind === 'number' && p.range !== false) as [
        string,
        NumberParam,
      ][];
      let combinations = 1;
      for (const [key, spec] of numbers) {
        expect(spec.range, `${name}.${key}`).toBeDefined();
        const range = spec.range as SliderRange;
        const { min, max, step } = range;
        expect(min <= spec.default && spec.default <= max, `${name}.${key}`).toBe(true);
        const values = sliderValues(range, spec.default).values;
        for (const v of values) expect(spec.check?.(v), `${name}.${key} = ${v}`).toBeUndefined();
        expect(Math.round((max - min) / step) + 1).toBeLessThanOrEqual(MAX_STEPS);
        combinations *= values.length;
      }
      expect(combinations, name).toBeLessThanOrEqual(MAX_COMBINATIONS);
    }
  });
});

describe('interactivePage', () => {
  const spec = specOf('leaky');
  const html = interactivePage(spec, { title: 'Leaky ReLU', id: 'leaky' });

  it('loads the three scripts by relative path and asks for nothing else', () => {
    expect([...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual([...PAGE_ASSETS]);
    expect(html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '')).not.toMatch(/https?:|\/\//);
    expect(interactiveAssets().map((a) => a.name)).toEqual([...PAGE_ASSETS]);
    for (const asset of interactiveAssets()) expect(readFileSync(asset.path, 'utf8').slice(0, 10)).toBe('!function(');
  });

  it('inlines the spec safely: no </script> or <!-- in it ends the element', () => {
    const hostile = { ...spec, description: '</script><script>alert(1)</script><!--' };
    const page = interactivePage(hostile, { title: '<b>T</b>', id: 'x' });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('<title>&lt;b&gt;T&lt;/b&gt;</title>');
    const json = /<script type="application\/json" id="fig-x-spec">([\s\S]*?)<\/script>/.exec(page)![1];
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(hostile)));
  });

  it('has the same bytes every time', () => {
    expect(interactivePage(interactiveSpec(figure('leaky')), { title: 'Leaky ReLU', id: 'leaky' })).toBe(html);
  });
});

describe('the page in Chromium, opened from disk', () => {
  const pageFigure = figure('page');
  let dir: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = tempDir('actfig-interactive-');
    mkdirSync(join(dir, 'assets'));
    for (const asset of interactiveAssets()) copyFileSync(asset.path, join(dir, asset.name));
    writeFileSync(
      join(dir, 'index.html'),
      interactivePage(interactiveSpec(pageFigure), { title: 'Leaky ReLU and Hardshrink', id: 'page' }),
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    page.setDefaultTimeout(120_000);
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="true"]');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The points the page's line marks of panel `i` draw: the data they were given, by function. */
  const plotted = (i: number) =>
    page.evaluate((name) => {
      const out: Record<string, [number, number][]> = {};
      const visit = (mark: any) => {
        for (const item of mark.items ?? []) {
          if (mark.name === name) (out[item.datum.fn] ??= []).push([item.datum.z, item.datum.value]);
          for (const child of item.items ?? []) visit(child);
        }
      };
      visit((window as any).__view.scenegraph().root);
      for (const points of Object.values(out)) points.sort((a, b) => a[0] - b[0]);
      return out;
    }, `lines_${i}_marks`);

  /** Sets a slider as a reader's drag does: the input's value, then an input event. */
  const slide = async (name: string, value: number) => {
    await page.evaluate(
      async ([name, value]) => {
        const input = document.querySelector(`input[name="${name}"]`) as HTMLInputElement;
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const view = (window as any).__view;
        while (view.signal(name) !== Number(input.value)) await new Promise((r) => setTimeout(r, 20));
        await view.runAsync();
      },
      [name, value] as const,
    );
  };

  // JSON, and so the page's data, has no -0: the library's -0 (leaky_relu with slope 0 at z < 0) arrives as 0.
  const json = (v: number) => (v === 0 ? 0 : v);
  const expectPlotted = async (i: number, activation: string, params: ParamValues) => {
    const want = library(activation, params);
    const got = await plotted(i);
    expect(Object.keys(got).sort()).toEqual(['dy', 'y']);
    expect(got.y).toEqual([...want.z].map((z, k) => [json(z), json(want.y[k])]));
    expect(got.dy).toEqual([...want.z].map((z, k) => [json(z), json(want.dy[k])]));
  };

  it('logs no console error and requests nothing outside its folder', () => {
    expect(consoleErrors).toEqual([]);
    const folder = pathToFileURL(dir).href + '/';
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.filter((url) => !url.startsWith(folder))).toEqual([]);
  });

  it('draws the initial values, then exactly what evaluate gives for the value a slider is moved to', async () => {
    await expectPlotted(0, 'leaky_relu', { negative_slope: 0.01 });
    await expectPlotted(1, 'hardshrink', { lambd: 0.5 });
    await slide('leaky_relu_negative_slope', 0.3);
    await expectPlotted(0, 'leaky_relu', { negative_slope: 0.3 });
    await slide('hardshrink_lambd', 1.35);
    await expectPlotted(1, 'hardshrink', { lambd: 1.35 });
    // The jump dots moved with lambd.
    const dots = await page.evaluate(() => {
      const zs: number[] = [];
      const visit = (mark: any) => {
        for (const item of mark.items ?? []) {
          if (mark.marktype === 'symbol' && item.datum?.activation === 'hardshrink') zs.push(item.datum.z);
          for (const child of item.items ?? []) visit(child);
        }
      };
      visit((window as any).__view.scenegraph().root);
      return [...new Set(zs)].sort((a, b) => a - b);
    });
    expect(dots).toEqual([-1.35, 1.35]);
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('shows z, f(z) and f’(z) under the pointer, as the library computes them', async () => {
    const plot = (await page.locator('.pointer_0_voronoi').boundingBox())!;
    expect(plot.width).toBeGreaterThan(100);
    await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height * 0.5);
    await page.waitForFunction(() => document.querySelector('#vg-tooltip-element.visible tr') !== null);
    const entries = await page.$$eval('#vg-tooltip-element tr', (rows) =>
      rows.map((r) => [r.querySelector('.key')?.textContent ?? '', r.querySelector('.value')?.textContent ?? '']),
    );
    const tip = Object.fromEntries(entries);
    expect(Object.keys(tip)).toEqual(['z', 'f(z)', "f'(z)"]);
    const number = (text: string) => Number(text.replace('−', '-'));
    const want = library('leaky_relu', { negative_slope: 0.3 });
    const k = [...want.z].findIndex((z) => Number(z.toPrecision(4)) === number(tip.z));
    expect(k, `z = ${tip.z}`).toBeGreaterThanOrEqual(0);
    expect(want.z[k]).toBeLessThan(0);
    expect(TOOLTIP_FORMAT).toBe('.4~g');
    expect(number(tip['f(z)'])).toBe(Number(want.y[k].toPrecision(4)));
    expect(number(tip["f'(z)"])).toBe(0.3);
    await page.screenshot({ path: join(mkdirOutput(), 'interactive.png') });
  }, 180_000);
});

function mkdirOutput(): string {
  const out = join(root, 'test-output');
  mkdirSync(out, { recursive: true });
  return out;
}
