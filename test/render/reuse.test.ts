// Figures of one shape share a compiled and parsed spec (src/render/views.ts) and PNGs of one size share
// a canvas (src/render/render.ts). Both must be invisible: every file is byte for byte what a fresh
// compile, a fresh View and a new canvas make, in one process and in a build's pool of processes.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/build/job.ts';
import { build } from '../../src/build/build.ts';
import { loadConfig } from '../../src/config/load.ts';
import type { Config, Figure } from '../../src/config/model.ts';
import { kindOf } from '../../src/kinds/registry.ts';
import { buildSpec } from '../../src/kinds/spec.ts';
import { specForRender } from '../../src/kinds/spec.ts';
import { reusedCanvases } from '../../src/render/canvases.ts';
import { render } from '../../src/render/render.ts';
import { liftStrings, shapeOf } from '../../src/render/shape.ts';
import { shapeCounts } from '../../src/render/views.ts';
import { actfig, root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const base = tempDir('actfig-reuse-');
const GRID = { min: -5, max: 5, samples: 201 };
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Figures the default config and W24 do not have: other sizes, backgrounds, legends and kinds of panel. */
const extras = [
  { id: 'slide', preset: 'slide', panels: [{ activation: 'gelu' }, { activation: 'hardtanh' }] },
  { id: 'dark', background: '#101010', panels: [{ activation: 'relu' }], legend: 'bottom' },
  { id: 'clear', background: 'transparent', panels: [{ activation: 'threshold' }] },
  {
    id: 'sweep',
    panels: [{ series: [{ activation: 'leaky_relu', sweep: { negative_slope: [0.01, 0.1, 0.3] } }] }],
  },
  {
    id: 'rows',
    columns: 2,
    shareY: true,
    panels: [{ activation: 'sigmoid' }, { activation: 'tanh' }, { activation: 'relu6' }, { activation: 'elu' }],
  },
  { id: 'clipped', yDomain: [-0.5, 0.5], panels: [{ activation: 'selu' }] },
];

async function extraConfig(): Promise<Config> {
  const file = join(base, 'extras.json');
  writeFileSync(file, JSON.stringify({ outDir: 'out', figures: extras.map((f) => ({ grid: GRID, ...f })) }));
  return loadConfig(file);
}

const options = (figure: Figure) => ({
  formats: ['png', 'svg', 'pdf'] as const,
  scale: 2,
  pngCompression: 3,
  pngFilter: 'up' as const,
  date: new Date(0),
  title: kindOf(figure.kind).title(figure),
  id: figure.id,
});

function withEnv<T>(env: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  return run().finally(() => set(saved));
}

const OFF = { ACTFIG_SHAPE_CACHE: '0', ACTFIG_CANVAS_REUSE: '0' };
const ON = { ACTFIG_SHAPE_CACHE: undefined, ACTFIG_CANVAS_REUSE: undefined };

describe('figure shapes', () => {
  it('are the same for figures that differ only in titles, labels, colours, domains and data', async () => {
    const w24 = (await loadConfig(join(root, 'bench/w24.config.json'))).figures;
    const shapes = w24.slice(0, 6).map((f) => shapeOf(specForRender(f, buildSpec(f), 2))!);
    // W24 cycles through three pairs of activations: figures 1 and 4 draw the same pair, 1 and 2 do not.
    expect(shapes[0].key).toBe(shapes[3].key);
    expect(shapes[1].key).toBe(shapes[4].key);
    // sigmoid | relu and relu | tanh differ in where the jump markers are, so in shape
    expect(shapes[0].key).not.toBe(shapes[1].key);
    // The titles, labels and domains are values, not shape.
    expect(shapes[0].key).not.toMatch(/Sigmoid|ReLU|Tanh/);
    const values = shapes[0].signals.map(([, v]) => v);
    expect(values).toContain('Sigmoid Activation & Gradient');
    expect(values).toContainEqual([-10, 10]);
    expect(shapes[0].datasets.map(([name]) => name)).toContain('table');
    // The same pair the other way round: the same shape, other values.
    const [a, b] = await Promise.all(
      [
        ['sigmoid', 'tanh'],
        ['tanh', 'sigmoid'],
      ].map(async ([p, q], i) => {
        const file = join(base, `pair-${i}.json`);
        writeFileSync(
          file,
          JSON.stringify({ figures: [{ id: 'f', grid: GRID, panels: [{ activation: p }, { activation: q }] }] }),
        );
        const figure = (await loadConfig(file)).figures[0];
        return shapeOf(specForRender(figure, buildSpec(figure), 2))!;
      }),
    );
    expect(a.key).toBe(b.key);
    expect(a.signals).not.toEqual(b.signals);
  });

  it('differ where the drawing differs: a legend placed elsewhere', async () => {
    const file = join(base, 'legends.json');
    const figure = (legend: string) => ({ id: `l-${legend}`, grid: GRID, legend, panels: [{ activation: 'tanh' }] });
    writeFileSync(file, JSON.stringify({ figures: [figure('top-left'), figure('bottom-right')] }));
    const [a, b] = (await loadConfig(file)).figures.map((f) => shapeOf(specForRender(f, buildSpec(f), 2))!);
    expect(a.key).not.toBe(b.key);
  });

  it("lift a calculate expression's string literals, quoted either way, and leave the rest", () => {
    const lifted: unknown[] = [];
    const lift = (v: unknown) => {
      lifted.push(v);
      return { expr: `p${lifted.length - 1}` };
    };
    const out = liftStrings(`datum.series === 'y' ? "ReLU \\"A\\" \\u00e9" : (datum.z > 0 ? 1 : 0)`, lift);
    expect(out).toBe('datum.series === p0 ? p1 : (datum.z > 0 ? 1 : 0)');
    expect(lifted).toEqual(['y', 'ReLU "A" é']);
  });

  it('are not made of specs with parameters of their own or data with a format', () => {
    expect(shapeOf({ params: [{ name: 'x', value: 1 }], datasets: {}, mark: 'point' })).toBeUndefined();
    expect(shapeOf({ datasets: {}, data: { values: [], format: { type: 'json' } }, mark: 'point' })).toBeUndefined();
    expect(shapeOf({ mark: 'point' })).toBeUndefined();
  });
});

describe('shared shapes and canvases', { timeout: 300_000 }, () => {
  it('render every file of every figure byte for byte as a fresh View and canvas do, in one process', async () => {
    const figures = [
      ...(await loadConfig(join(root, 'figures.config.ts'))).figures,
      ...(await loadConfig(join(root, 'bench/w24.config.json'))).figures.slice(0, 9),
      ...(await extraConfig()).figures,
    ];
    const specs = figures.map((f) => ({ figure: f, spec: specForRender(f, buildSpec(f), 2) }));
    const reference = await withEnv(OFF, async () => {
      const out = [];
      for (const { figure, spec } of specs) out.push(await render(spec, options(figure)));
      return out;
    });
    const shapesBefore = shapeCounts();
    const canvasesBefore = reusedCanvases();
    await withEnv(ON, async () => {
      // Twice through, in one process: shapes and canvases of earlier figures are used by later ones.
      for (let round = 0; round < 2; round++) {
        for (const [i, { figure, spec }] of specs.entries()) {
          const out = await render(spec, options(figure));
          for (const format of ['png', 'svg', 'pdf'] as const) {
            expect(Buffer.from(out[format]!).equals(Buffer.from(reference[i][format]!)), `${figure.id}.${format}`).toBe(
              true,
            );
          }
        }
      }
    });
    const shapes = shapeCounts();
    // Every figure went through the shape cache; the second time round, every one from a shape compiled
    // before, and the first time some too (W24's figures repeat three shapes).
    expect(shapes.shared + shapes.compiled - shapesBefore.shared - shapesBefore.compiled).toBe(2 * specs.length);
    expect(shapes.shared - shapesBefore.shared).toBeGreaterThan(specs.length);
    expect(shapes.compiled - shapesBefore.compiled).toBeLessThan(specs.length - 5);
    expect(reusedCanvases() - canvasesBefore).toBeGreaterThan(specs.length);
  });

  it('build the default config and W24 to the same files, pooled (with this process or not) and in one', async () => {
    for (const config of ['figures.config.ts', 'bench/w24.config.json']) {
      const name = config.replace(/\W/g, '-');
      const built = (variant: string, env: NodeJS.ProcessEnv) => {
        // The same folder name everywhere: the gallery names its folder.
        const out = join(base, name, variant, 'figures');
        const r = actfig(['build', '--config', config, '--out', out, '--force'], { env });
        expect(r.code, r.stderr).toBe(0);
        return out;
      };
      // The reference: every figure compiled and drawn afresh, vega imported as ESM, in render processes
      // only; then as a build renders, this process rendering beside its pool (build/pool.ts).
      const reference = built('fresh', { ...OFF, ACTFIG_CODE_CACHE: '0', ACTFIG_HYBRID: '0' });
      const pooled = built('pooled', { ACTFIG_SHAPE_CACHE: '', ACTFIG_CANVAS_REUSE: '' });
      // In this process, through the API, one figure after another.
      const single = join(base, name, 'single', 'figures');
      const loaded = await loadConfig(join(root, config));
      await withEnv(ON, () =>
        build({ ...loaded, outDir: single }, { force: true, runner: { run: runJob, close: async () => {} } }),
      );
      const names = readdirSync(reference).sort();
      expect(names.length).toBeGreaterThan(50);
      for (const other of [pooled, single]) {
        expect(readdirSync(other).sort()).toEqual(names);
        const differ = names.filter(
          (file) => !readFileSync(join(other, file)).equals(readFileSync(join(reference, file))),
        );
        expect(differ, other).toEqual([]);
      }
    }
  });
});
