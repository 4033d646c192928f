// Interactive pages as a reader opens them: built by the real CLI into a folder, opened from disk in
// Chromium. A page computes its figure in the browser with the library's own code, so what it draws is
// compared with what the build and `actfig eval` compute, value for value.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { defaultRange, fineStep, pageControls } from '../../src/interactive/controls.ts';
import { interactivePage } from '../../src/interactive/page.ts';
import { PAGE_ASSETS } from '../../src/output/layout.ts';
import { activationNames, findActivation } from '../../src/math/activations/registry.ts';
import type { NumberParam } from '../../src/math/activations/types.ts';
import { actfig, root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const GRID = { min: -5, max: 5, samples: 401 };
const CONFIG = {
  activations: { squareplus: { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 } } },
  figures: [
    {
      id: 'sweep',
      grid: GRID,
      panels: [{ series: [{ activation: 'leaky_relu', sweep: { negative_slope: [0.01, 0.1, 0.3] } }] }],
    },
    {
      id: 'leaky',
      grid: GRID,
      panels: [{ activation: 'leaky_relu' }],
      interactive: { negative_slope: { min: 0, max: 0.5, step: 0.05 } },
    },
    { id: 'formula', grid: GRID, panels: [{ series: [{ activation: 'squareplus', sweep: { b: [0.5, 4] } }] }] },
    { id: 'saturation', grid: GRID, panels: [{ activation: 'sigmoid', saturation: true }] },
    {
      id: 'overlay',
      kind: 'derivatives-overlay',
      activations: ['sigmoid', 'tanh', { activation: 'elu', params: { alpha: 0.5 } }],
    },
    { id: 'depth', kind: 'vanishing-gradient-depth', activations: ['sigmoid', 'relu'], depth: 8, units: 16, batch: 4 },
    { id: 'training', kind: 'training', activations: ['sigmoid', 'gelu'], depth: 4, units: 6, samples: 16, steps: 30 },
    {
      id: 'smooth',
      grid: GRID,
      show: ['f', 'df', 'd2f'],
      panels: [{ series: ['gelu', 'mish', { activation: 'softplus', params: { beta: 2 } }, 'elu'] }],
    },
  ],
};

let dir: string;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  dir = tempDir('actfig-pages-');
  writeFileSync(join(dir, 'figures.config.json'), JSON.stringify(CONFIG));
  const built = actfig(['build', '--config', join(dir, 'figures.config.json')]);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a figure's page from disk, recording console errors and any request outside the folder. */
async function open(id: string, width = 1100): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${id}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${id}: ${e}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(pathToFileURL(dir).href)) problems.push(`${id}: requested ${r.url()}`);
  });
  await page.goto(pathToFileURL(join(dir, 'figures', `${id}.html`)).href);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Types a value into a control's box, as a reader does, and waits for the figure to be drawn again. */
async function type(page: Page, label: string, value: string) {
  const box = page.getByRole('spinbutton', { name: label, exact: true });
  await box.fill(value);
  await box.dispatchEvent('change');
  // Until the figure on show is the one drawn with this value (a draw begun before it may end after).
  await page.waitForFunction((v) => Object.values((window as any).VEGA_DEBUG?.values ?? {}).includes(v), Number(value));
}

/** The (z, value) points of the line marks drawing one activation key's function `series` ('y', 'dy'). */
const plotted = (page: Page, key: string, series: string) =>
  page.evaluate(
    ([key, series]) => {
      const out: [number, number][] = [];
      const visit = (item: any) => {
        for (const child of item.items ?? []) {
          if (item.marktype === 'line' && child.datum?.activation === key && child.datum.series === series)
            out.push([child.datum.z, child.datum.value]);
          visit(child);
        }
      };
      visit((window as any).VEGA_DEBUG.view.scenegraph().root);
      return out.sort((a, b) => a[0] - b[0]);
    },
    [key, series] as const,
  );

/** How many lines the View draws: line marks with points. */
const lineCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    const visit = (item: any) => {
      if (item.marktype === 'line' && (item.items ?? []).length > 0) n++;
      for (const child of item.items ?? []) visit(child);
    };
    visit((window as any).VEGA_DEBUG.view.scenegraph().root);
    return n;
  });

/** `actfig eval` as z, y, dy columns. */
function evaluated(args: string[]): number[][] {
  const r = actfig(['eval', ...args, '--min', '-5', '--max', '5', '--samples', '401', '--kinks']);
  expect(r.stderr).toBe('');
  return r.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** -0 does not survive JSON: compare numbers with it as 0. */
const plain = (points: number[][]) => points.map((p) => p.map((v) => (v === 0 ? 0 : v)));

describe('what a page holds', () => {
  it('is small: no rows inlined, the shared scripts written once per folder', () => {
    const files = readdirSync(join(dir, 'figures'));
    const pages = files.filter((f) => f.endsWith('.html') && f !== 'index.html');
    expect(pages).toHaveLength(CONFIG.figures.length);
    for (const page of pages) expect(statSync(join(dir, 'figures', page)).size, page).toBeLessThan(100_000);
    const shared = PAGE_ASSETS.reduce((n, name) => n + statSync(join(dir, 'figures', name)).size, 0);
    expect(shared).toBeLessThan(2_500_000);
    const html = readFileSync(join(dir, 'figures', 'sweep.html'), 'utf8');
    expect([...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual([...PAGE_ASSETS]);
    expect(html).not.toMatch(/"z":/);
  });

  it("inlines its config safely: no </script> in a figure's text ends the element", () => {
    const config = normalizeConfig({
      figures: [
        { id: 'x', title: '</script><script>alert(1)</script><!--', panels: [{ activation: 'relu' }], grid: GRID },
      ],
    });
    const html = interactivePage(config.figures[0], 'x');
    expect(html.match(/<\/script>/g)).toHaveLength(PAGE_ASSETS.length + 2);
    expect(html).not.toContain('<!--');
  });

  it('has sliders exactly as configured, else the registry range with a step of at most 1/100 of it', () => {
    const config = normalizeConfig(CONFIG);
    const leaky = pageControls(config.figures[1]);
    expect(leaky).toEqual([
      {
        type: 'range',
        id: 'leaky_relu.negative_slope',
        label: 'Leaky ReLU: negative_slope',
        min: 0,
        max: 0.5,
        step: 0.05,
        value: 0.01,
      },
    ]);
    const sweep = pageControls(config.figures[0]);
    expect(sweep).toMatchObject([{ id: 'leaky_relu.negative_slope', min: 0, max: 0.5, step: 0.005, value: 0.01 }]);
    for (const name of activationNames) {
      for (const [key, spec] of Object.entries(findActivation(name)!.params)) {
        if (spec.kind !== 'number' || spec.range === false) continue;
        const { min, max, step } = defaultRange(spec as NumberParam);
        expect(step, `${name}.${key}`).toBeLessThanOrEqual((max - min) / 100 + 1e-15);
        for (const v of [min, spec.default, max]) expect(spec.check?.(v), `${name}.${key} = ${v}`).toBeUndefined();
      }
    }
    expect([fineStep(0.005), fineStep(0.024), fineStep(3), fineStep(0.1)]).toEqual([0.005, 0.02, 2, 0.1]);
  });

  it('gives a depth figure its layers, width and initialisation, and a saturated panel its threshold', () => {
    const config = normalizeConfig(CONFIG);
    expect(pageControls(config.figures.find((f) => f.id === 'depth')!).map((c) => c.id)).toEqual([
      'depth',
      'units',
      'init',
    ]);
    expect(pageControls(config.figures[3]).map((c) => c.id)).toEqual(['panels.0.threshold']);
  });
});

describe('a page in Chromium, opened from disk', () => {
  it('draws as many curves as the image, and a slider value between steps exactly as actfig eval', async () => {
    const page = await open('sweep');
    const spec = JSON.parse(readFileSync(join(dir, 'figures', 'sweep.vl.json'), 'utf8'));
    // Three slopes, f and f' each, f' broken at its jump: the same View as the image's, so the same lines.
    const { parse, View } = await import('vega');
    const { compile } = await import('vega-lite');
    const view = new View(parse(compile(spec).spec), { renderer: 'none' });
    await view.runAsync();
    let lines = 0;
    const visit = (item: any) => {
      if (item.marktype === 'line' && (item.items ?? []).length > 0) lines++;
      for (const child of item.items ?? []) visit(child);
    };
    visit((view.scenegraph() as unknown as { root: unknown }).root);
    expect(lines).toBeGreaterThanOrEqual(6);
    expect(await lineCount(page)).toBe(lines);
    await type(page, 'Leaky ReLU: negative_slope', '0.237');
    const key = 'leaky_relu(negative_slope=0.237)';
    const expected = plain(evaluated(['leaky_relu', '--param', 'negative_slope=0.237']));
    expect(plain((await plotted(page, key, 'y')).map(([z, y]) => [z, y]))).toEqual(expected.map(([z, y]) => [z, y]));
    expect(plain(await plotted(page, key, 'dy'))).toEqual(expected.map(([z, , dy]) => [z, dy]));
    // The sweep keeps its three slopes; the slider's value is one more curve.
    expect(await lineCount(page)).toBeGreaterThan(lines);
    await page.close();
  }, 120_000);

  it("draws a formula activation's curve for a typed parameter value exactly as actfig eval --config", async () => {
    const page = await open('formula');
    const [control] = pageControls(normalizeConfig(CONFIG).figures[2]);
    expect(control).toMatchObject({ id: 'squareplus.b', type: 'range', value: 0.5 });
    await type(page, control.label, '0.37');
    const expected = plain(
      evaluated(['squareplus', '--config', join(dir, 'figures.config.json'), '--param', 'b=0.37']),
    );
    const key = (await page.evaluate(
      () =>
        (window as any).VEGA_DEBUG.spec.datasets.table.find((r: any) => String(r.activation).includes('0.37'))
          .activation,
    )) as string;
    expect(plain(await plotted(page, key, 'y'))).toEqual(expected.map(([z, y]) => [z, y]));
    await page.close();
  }, 120_000);

  it('computes exp, tanh, log1p as Node does: ELU, GELU, Mish, softplus equal actfig eval', async () => {
    const page = await open('smooth');
    await type(page, 'ELU: alpha', '0.37');
    await type(page, 'Softplus: beta', '2.3');
    const table = await page.evaluate(() => (window as any).VEGA_DEBUG.spec.datasets.table);
    const rowsOf = (key: string) =>
      table.filter((r: any) => r.activation === key).map((r: any) => [r.z, r.y, r.dy, r.d2y]);
    const eval2 = (args: string[]) => {
      const r = actfig(['eval', ...args, '--min', '-5', '--max', '5', '--samples', '401', '--kinks', '--order', '2']);
      return r.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').map(Number));
    };
    expect(plain(rowsOf('elu(alpha=0.37)'))).toEqual(plain(eval2(['elu', '--param', 'alpha=0.37'])));
    expect(plain(rowsOf('softplus(beta=2.3)'))).toEqual(plain(eval2(['softplus', '--param', 'beta=2.3'])));
    expect(plain(rowsOf('mish'))).toEqual(plain(eval2(['mish'])));
    expect(plain(rowsOf('gelu'))).toEqual(plain(eval2(['gelu'])));
    await page.close();
  }, 120_000);

  it('simulates a depth figure again in the browser exactly as a build of that config would', async () => {
    const page = await open('depth');
    await type(page, 'Layers', '12');
    const drawn = await page.evaluate(() => (window as any).VEGA_DEBUG.spec.datasets.table);
    const { buildSpec } = await import('../../src/kinds/spec.ts');
    const config = normalizeConfig({ figures: [{ ...CONFIG.figures.find((f) => f.id === 'depth')!, depth: 12 }] });
    expect(drawn).toEqual(JSON.parse(JSON.stringify(buildSpec(config.figures[0]).datasets.table)));
    await page.close();
  }, 120_000);

  it('trains a training figure in the browser as a build does, and its step slider marks that step', async () => {
    const page = await open('training');
    await type(page, 'Step', '12');
    const drawn = await page.evaluate(() => (window as any).VEGA_DEBUG.spec);
    const { buildSpec } = await import('../../src/kinds/spec.ts');
    // In its build: each activation's colour is its hue there.
    const config = normalizeConfig({
      ...CONFIG,
      figures: CONFIG.figures.map((f) => (f.id === 'training' ? { ...f, at: 12 } : f)),
    });
    const built = JSON.parse(JSON.stringify(buildSpec(config.figures.find((f) => f.id === 'training')!)));
    expect(drawn.datasets.table).toEqual(built.datasets.table);
    // Each panel: the curves, the rule at step 12, each curve's value there.
    for (const [i, panel] of drawn.hconcat.entries()) {
      expect(panel.layer.slice(1)).toEqual(built.hconcat[i].layer.slice(1));
      expect(panel.layer[1].data.values).toEqual([{ step: 12 }]);
      expect(panel.layer[2].data.values.map((r: { step: number }) => r.step)).toEqual([12, 12]);
    }
    await page.close();
  }, 120_000);

  it('fills its window: nothing scrolls sideways at 800 px, the figure is over 1000 px wide at 1600 px', async () => {
    for (const id of ['sweep', 'overlay', 'saturation']) {
      const narrow = await open(id, 800);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(800);
      await narrow.close();
      const wide = await open(id, 1600);
      const box = await wide.locator('.figure svg').boundingBox();
      expect(box!.width, id).toBeGreaterThan(1000);
      expect(await wide.locator('button.fullscreen').count()).toBe(1);
      await wide.close();
    }
  }, 120_000);

  it('logged no console error and requested nothing outside its folder', () => {
    expect(problems).toEqual([]);
  });
});

describe("this repository's default build", () => {
  it('keeps every interactive file small: pages under 100 KB, 4 MB in all', () => {
    const out = join(root, 'figures');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const pages = manifest.figures.flatMap((f: any) => f.files.filter((x: any) => x.name.endsWith('.html')));
    expect(pages.length).toBeGreaterThan(0);
    let total = 0;
    for (const { name } of pages) {
      const size = statSync(join(out, name)).size;
      expect(size, name).toBeLessThan(100_000);
      total += size;
    }
    for (const name of PAGE_ASSETS) total += statSync(join(out, name)).size;
    expect(total).toBeLessThan(4_000_000);
  });
});
