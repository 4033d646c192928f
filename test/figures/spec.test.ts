import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { version as vegaLiteVersion } from 'vega-lite';
import { activationNames, findActivation } from '../../src/math/activations/registry.ts';
import { loadConfig } from '../../src/config/load.ts';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { stringifySpec } from '../../src/output/files.ts';
import { buildSpec, SCHEMA_URL } from '../../src/kinds/spec.ts';
import { seriesKeys } from '../../src/kinds/activations/data.ts';
import { linspace } from '../../src/math/grid.ts';
import { root } from '../cli.ts';

const require = createRequire(import.meta.url);
const config = await loadConfig(`${root}/figures.config.ts`);
const specs = Object.fromEntries(config.figures.map((f) => [f.id, buildSpec(f)]));
const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch.json', import.meta.url), 'utf8'));

type Row = { activation: string; z: number; y: number; dy: number };
const rows = (id: string, activation: string): Row[] =>
  (specs[id].datasets.table as Row[]).filter((r) => r.activation === activation);

describe('the default config', () => {
  it('has the lab figures and one figure per activation', () => {
    const ids = config.figures.map((f) => f.id);
    expect(ids.slice(0, 2)).toEqual(['sigmoid-vs-relu', 'relu-vs-tanh']);
    for (const name of activationNames) expect(ids).toContain(`activation-${name}`);
  });

  const labFigure =
    'sigmoid-vs-relu is the lab figure: titles, axis titles, legends, solid activation and dashed red derivative';
  it(labFigure, () => {
    const spec = specs['sigmoid-vs-relu'] as any;
    expect(spec.hconcat.map((p: any) => p.title)).toEqual([
      'Sigmoid Activation & Gradient',
      'ReLU Activation & Gradient',
    ]);
    const [left, right] = spec.hconcat.map((p: any) => p.layer[0].encoding);
    expect(left.x.title).toBe('Input Value (z)');
    expect(left.y.title).toBe('Activation / Gradient');
    expect(left.color.scale.domain).toEqual(['Sigmoid Activation', 'Sigmoid Derivative']);
    expect(right.color.scale.domain).toEqual(['ReLU Activation', 'ReLU Derivative']);
    expect(left.color.scale.range).toEqual(['#0000ff', '#ff0000']);
    expect(right.color.scale.range).toEqual(['#008000', '#ff0000']);
    expect(left.strokeDash.scale.range).toEqual([
      [1, 0],
      [6, 4],
    ]);
    expect(left.color.legend).not.toBeNull();
  });
});

describe('data contract: datasets.table rows are {activation, z, y, dy}', () => {
  const wholeTable =
    'every default spec keeps its whole table in datasets.table with exactly those keys ' +
    '(depth figures: {activation, depth, gradient}; training figures: {activation, quantity, step, value})';
  it(wholeTable, () => {
    for (const [id, spec] of Object.entries(specs)) {
      expect(Object.keys(spec.datasets)).toEqual(['table']);
      const keys =
        id === 'vanishing-gradient-depth'
          ? ['activation', 'depth', 'gradient']
          : id === 'training-moons'
            ? ['activation', 'quantity', 'step', 'value']
            : ['activation', 'z', 'y', 'dy'];
      for (const row of spec.datasets.table) expect(Object.keys(row)).toEqual(keys);
    }
  });

  it.each(['sigmoid-vs-relu', 'relu-vs-tanh'])(
    "%s: the data equal numpy's on the lab's grid (plus the kink at 0)",
    (id) => {
      const lab = fixture.lab[id];
      for (const name of Object.keys(lab).filter((k) => k !== 'z')) {
        const table = rows(id, name);
        if (table.length === 0) continue;
        const byZ = new Map(table.map((r) => [r.z, r]));
        expect(table.filter((r) => !lab.z.includes(r.z)).map((r) => r.z)).toEqual(name === 'relu' ? [0] : []);
        lab.z.forEach((z: number, i: number) => {
          const r = byZ.get(z)!;
          expect(r, `${name} at z = ${z}`).toBeDefined();
          expect(Math.abs(r.y - lab[name].y[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.y)));
          expect(Math.abs(r.dy - lab[name].dy[i])).toBeLessThanOrEqual(1e-12);
        });
      }
      expect(rows(id, id.startsWith('sigmoid') ? 'sigmoid' : 'tanh').map((r) => r.z)).toEqual(
        Array.from(
          linspace(...((id === 'sigmoid-vs-relu' ? [-10, 10, 400] : [-5, 5, 100]) as [number, number, number])),
        ),
      );
    },
  );
});

describe('lines break at jumps', () => {
  const segmentExpr = (spec: any, panel = 0) =>
    spec.hconcat[panel].layer[0].transform.find((t: any) => t.as === 'segment').calculate as string;

  it("relu's derivative breaks at 0, with the point at 0 (value 0) on the left piece; its value does not break", () => {
    expect(segmentExpr(specs['activation-relu'])).toBe("datum.series === 'y' ? 0 : (datum.z > 0 ? 1 : 0)");
    const r = rows('activation-relu', 'relu').find((row) => row.z === 0)!;
    expect(r).toEqual({ activation: 'relu', z: 0, y: 0, dy: 0 });
  });

  it("hardshrink breaks both lines at ±lambd; hardswish's derivative at -3 joins the left piece (PyTorch 2.x)", () => {
    expect(segmentExpr(specs['activation-hardshrink'])).toBe(
      "datum.series === 'y' ? (datum.z >= -0.5 ? 1 : 0) + (datum.z > 0.5 ? 1 : 0) : " +
        '(datum.z >= -0.5 ? 1 : 0) + (datum.z > 0.5 ? 1 : 0)',
    );
    expect(segmentExpr(specs['activation-hardswish'])).toBe(
      "datum.series === 'y' ? 0 : (datum.z > -3 ? 1 : 0) + (datum.z >= 3 ? 1 : 0)",
    );
  });

  it("every break inside a default figure's range is a grid point with exact values", () => {
    for (const f of config.figures) {
      if (f.kind !== 'activations') continue;
      for (const { series: p, key } of seriesKeys(f)) {
        const a = findActivation(p.activation)!;
        const table = rows(f.id, key);
        const [lo, hi] = [table[0].z, table.at(-1)!.z];
        for (const b of a.breaks(p.params).filter((b) => b.z >= lo && b.z <= hi)) {
          const row = table.find((r) => r.z === b.z);
          expect(row, `${f.id}: break at ${b.z}`).toEqual({
            activation: key,
            z: b.z,
            y: a.f(b.z, p.params),
            dy: a.df(b.z, p.params),
          });
        }
      }
    }
    const t = rows('activation-hardtanh', 'hardtanh');
    expect(t.find((r) => r.z === -1)).toEqual({ activation: 'hardtanh', z: -1, y: -1, dy: 0 });
    expect(t.find((r) => r.z === 1)).toEqual({ activation: 'hardtanh', z: 1, y: 1, dy: 0 });
  });

  it('a jump is marked: a filled dot at the value and an open dot at the other limit, the open one beneath', () => {
    const layers = (specs['activation-relu'] as any).hconcat[0].layer;
    expect(layers[1].data.values).toEqual([{ z: 0, value: 1, color: '#ff0000', open: true }]);
    expect(layers[2].data.values).toEqual([{ z: 0, value: 0, color: '#ff0000', open: false }]);
  });
});

describe('every default spec is valid Vega-Lite', () => {
  const ajv = new Ajv({ strict: false, allErrors: false });
  const validate = ajv.compile(require('vega-lite/vega-lite-schema.json'));

  it.each(Object.keys(specs))('%s passes the JSON schema shipped in vega-lite', (id) => {
    const ok = validate(JSON.parse(stringifySpec(specs[id])));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('names the installed vega-lite major version as $schema', () => {
    const major = vegaLiteVersion.split('.')[0];
    expect(SCHEMA_URL).toBe(`https://vega.github.io/schema/vega-lite/v${major}.json`);
    expect(specs['sigmoid-vs-relu'].$schema).toBe(SCHEMA_URL);
  });

  it('has a description (alt text) that says what is drawn', () => {
    expect(specs['sigmoid-vs-relu'].description).toMatch(/Sigmoid \(solid\) and its derivative \(dashed\)/);
    expect(specs['sigmoid-vs-relu'].description).toMatch(/largest slope is 0\.25, at z = 0/);
  });
});

describe('golden specs of the lab figures', () => {
  // Normalized: numbers in the table to 12 significant digits, so a last-bit difference in Math.exp
  // between Node versions does not fail the golden while every real change does.
  const normalize = (text: string) =>
    text.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(12))));
  it.each(['sigmoid-vs-relu', 'relu-vs-tanh'])('%s matches test/golden/%s.vl.json', (id) => {
    const golden = fileURLToPath(new URL(`../golden/${id}.vl.json`, import.meta.url));
    const actual = normalize(stringifySpec(specs[id]));
    // Only UPDATE_GOLDEN=1 writes a golden: a missing one fails (in CI it would otherwise be written and pass).
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(fileURLToPath(new URL('../golden/', import.meta.url)), { recursive: true });
      writeFileSync(golden, actual);
    }
    const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : undefined;
    if (actual !== expected) writeFileSync(golden.replace(/\.vl\.json$/, '-changed.vl.json'), actual);
    expect(
      actual === expected,
      `${expected === undefined ? 'golden missing' : 'spec changed'}: review test/golden/${id}-changed.vl.json; ` +
        'UPDATE_GOLDEN=1 npm test accepts it',
    ).toBe(true);
  });
});

describe('options', () => {
  const spec = (figure: object) =>
    buildSpec(
      normalizeConfig({ figures: [{ id: 'f', grid: { min: -3, max: 3, samples: 7 }, ...figure }] }, 'x.json')
        .figures[0],
    ) as any;

  it('derivative: false draws the activation alone', () => {
    const s = spec({ derivative: false, panels: [{ activation: 'tanh' }] });
    expect(s.hconcat[0].layer[0].transform[1].fold).toEqual(['y']);
    expect(s.hconcat[0].layer[0].encoding.y.title).toBe('Activation');
  });

  it('yDomain clips the y axis; the dark theme and colour-blind palette change the colours', () => {
    const s = spec({ theme: 'dark', palette: 'colorblind', panels: [{ activation: 'relu', yDomain: [-1, 2] }] });
    expect(s.hconcat[0].layer[0].encoding.y.scale.domain).toEqual([-1, 2]);
    expect(s.hconcat[0].layer[0].mark.clip).toBe(true);
    expect(s.config.background).toBe('#1b1e23');
    expect(s.hconcat[0].layer[0].encoding.color.scale.range).toEqual(['#56b4e9', '#ff7f3f']);
  });

  it('titles, labels and the size can be set', () => {
    const s = spec({
      title: 'T',
      width: 500,
      height: 200,
      xTitle: 'x',
      panels: [{ activation: 'relu', title: 'P', labels: { activation: 'f', derivative: 'g' } }],
    });
    expect(s.title.text).toBe('T');
    expect(s.hconcat[0]).toMatchObject({ title: 'P', width: 500, height: 200 });
    expect(s.hconcat[0].layer[0].encoding.color.scale.domain).toEqual(['f', 'g']);
    expect(s.hconcat[0].layer[0].encoding.x.title).toBe('x');
  });

  it('two panels of one activation with different parameters keep separate rows', () => {
    const s = spec({
      panels: [{ activation: 'leaky_relu' }, { activation: 'leaky_relu', params: { negative_slope: 0.2 } }],
    });
    expect([...new Set(s.datasets.table.map((r: Row) => r.activation))]).toEqual([
      'leaky_relu',
      'leaky_relu(negative_slope=0.2)',
    ]);
  });
});
