// A figure of a fixed size (`size`, or a preset's) is exactly that size in every format, titles, legends
// and margins included, so a deck's figures line up: read from the files the CLI writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { buildSpec } from '../../src/kinds/spec.ts';
import { actfig } from '../cli.ts';
import { decodePng } from '../png.ts';
import { tempDir } from '../tmp.ts';
import { layoutScene } from '../render/scene.ts';

const grid = { min: -6, max: 6, samples: 241 };
const FIGURES = [
  { id: 'one', panels: [{ activation: 'sigmoid', saturation: true }] },
  { id: 'two', panels: [{ activation: 'sigmoid' }, { activation: 'relu' }] },
  {
    id: 'eight',
    columns: 4,
    panels: ['sigmoid', 'tanh', 'relu', 'gelu', 'softsign', 'elu', 'silu', 'mish'].map((activation) => ({
      activation,
    })),
  },
  { id: 'big', fontScale: 2.5, panels: [{ activation: 'tanh', saturation: true }] },
  { id: 'dark', theme: 'dark', background: 'transparent', panels: [{ activation: 'elu' }] },
  {
    id: 'overlay',
    kind: 'derivatives-overlay',
    theme: 'dark',
    activations: ['sigmoid', 'tanh', 'relu', 'gelu', 'silu', 'softplus'],
  },
  { id: 'depth', kind: 'vanishing-gradient-depth' },
  { id: 'sweep', panels: [{ series: [{ activation: 'leaky_relu', sweep: { negative_slope: [0.01, 0.1, 0.3] } }] }] },
  {
    id: 'long',
    title: 'Why the gradient of a deep sigmoid network vanishes while a ReLU network keeps it: the slopes compared',
    panels: [{ activation: 'sigmoid' }, { activation: 'relu' }],
  },
  { id: 'narrow', grid: { min: -0.01, max: 0.01, samples: 101 }, panels: [{ activation: 'softsign' }] },
  { id: 'clipped', panels: [{ activation: 'softplus', yDomain: [0, 2] }] },
  { id: 'four3', preset: 'slide-4x3', panels: [{ activation: 'gelu' }] },
  { id: 'half', preset: 'half-slide', title: false, panels: [{ activation: 'threshold', title: false }] },
  { id: 'sized', size: [800, 300], preset: 'default', panels: [{ activation: 'softplus' }, { activation: 'tanh' }] },
] as const;
const SIZES: Record<string, [number, number]> = { four3: [960, 720], half: [480, 540], sized: [800, 300] };
const sizeOf = (id: string) => SIZES[id] ?? [960, 540];

let out: string;
const config = {
  preset: 'slide',
  interactive: false,
  figures: FIGURES.map((f) => (f.id === 'depth' ? f : { grid, ...f })),
};

beforeAll(() => {
  const dir = tempDir('actfig-size-');
  out = join(dir, 'figures');
  writeFileSync(join(dir, 'slides.json'), JSON.stringify({ ...config, outDir: 'figures' }));
  const r = actfig(['build', '--config', join(dir, 'slides.json')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 300_000);

describe('a fixed outer size', () => {
  it.each(FIGURES.map((f) => f.id))('%s: PNG, SVG and PDF are exactly its size', (id) => {
    const [w, h] = sizeOf(id);
    const png = decodePng(readFileSync(join(out, `${id}.png`)));
    expect([png.width, png.height]).toEqual([2 * w, 2 * h]);
    const svg = readFileSync(join(out, `${id}.svg`), 'utf8');
    expect(
      svg
        .match(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/)!
        .slice(1)
        .map(Number),
    ).toEqual([w, h]);
    const pdf = readFileSync(join(out, `${id}.pdf`)).toString('latin1');
    const media = /\/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]/.exec(pdf)!;
    expect([Number(media[1]), Number(media[2])]).toEqual([0.75 * w, 0.75 * h]);
  });

  it('the written spec is the one drawn: rendered again, it has the same size', async () => {
    for (const id of ['two', 'eight', 'overlay']) {
      const spec = JSON.parse(readFileSync(join(out, `${id}.vl.json`), 'utf8'));
      const scene = await layoutScene(spec);
      expect([scene.width, scene.height], id).toEqual(sizeOf(id));
    }
  });

  it('plots take most of a slide: at least 45% of it with one or two panels, 30% with eight', () => {
    const figures = normalizeConfig(config).figures;
    for (const id of ['one', 'two', 'eight']) {
      const spec = JSON.parse(readFileSync(join(out, `${id}.vl.json`), 'utf8'));
      const panels: { width: number; height: number }[] = spec.hconcat ?? spec.concat ?? [spec];
      const area = panels.reduce((a, p) => a + p.width * p.height, 0);
      expect(area / (960 * 540), id).toBeGreaterThanOrEqual(id === 'eight' ? 0.3 : 0.45);
      expect(figures.find((f) => f.id === id)!.size).toEqual([960, 540]);
    }
  });

  it("title: false drops the figure's and a panel's title", () => {
    const spec = JSON.parse(readFileSync(join(out, 'half.vl.json'), 'utf8'));
    expect(spec.title).toBeUndefined();
    expect(JSON.stringify(spec)).not.toContain('"title":"Threshold');
  });

  it('a long title wraps onto more lines instead of running off the slide', () => {
    const spec = JSON.parse(readFileSync(join(out, 'long.vl.json'), 'utf8'));
    expect(Array.isArray(spec.title.text)).toBe(true);
    expect(spec.title.text.length).toBeGreaterThan(1);
  });
});

describe('jump markers', () => {
  it("threshold at 0: f's open circle is drawn beneath and larger, so f''s filled dot shows inside it", () => {
    const [figure] = normalizeConfig({ figures: [{ id: 't', grid, panels: [{ activation: 'threshold' }] }] }).figures;
    const layers = (buildSpec(figure) as any).hconcat[0].layer as any[];
    const open = layers.findIndex((l) => l.mark?.type === 'point' && l.mark.filled === false);
    const filled = layers.findIndex((l) => l.mark?.type === 'point' && l.mark.filled === true);
    expect(open).toBeGreaterThanOrEqual(0);
    expect(filled).toBeGreaterThan(open);
    expect(layers[open].mark.size).toBeGreaterThan(layers[filled].mark.size);
    const at0 = (l: any) => l.data.values.filter((v: any) => v.z === 0).map((v: any) => v.value);
    // f's open end is its right limit, f(5e-324) = 5e-324, drawn at 0; f'(0) = 0 is filled there.
    expect(at0(layers[open]).some((v: number) => Math.abs(v) < 1e-300)).toBe(true);
    expect(at0(layers[filled])).toContain(0);
  });

  it('kinks: false draws no jump markers (the lines still break)', () => {
    const [figure] = normalizeConfig({
      figures: [{ id: 't', grid, panels: [{ activation: 'threshold', kinks: false }] }],
    }).figures;
    const layers = (buildSpec(figure) as any).hconcat[0].layer as any[];
    expect(layers.filter((l) => l.mark?.type === 'point')).toEqual([]);
    expect(JSON.stringify(layers)).toContain('segment');
  });
});

describe('a sweep reads in the order of its values', () => {
  it('colours from light to dark as the value grows, the legend in value order, parameters by their symbols', () => {
    const [figure] = normalizeConfig({
      figures: [
        {
          id: 's',
          grid,
          panels: [{ series: [{ activation: 'leaky_relu', sweep: { negative_slope: [0.3, 0.01, 0.1] } }] }],
        },
      ],
    }).figures;
    const panel = (buildSpec(figure) as any).hconcat[0];
    expect(panel.title).toBe('Leaky ReLU, α = 0.3, 0.01, 0.1');
    const color = JSON.stringify(panel.layer).match(/"domain":\["α = [^\]]*\],"range":\[[^\]]*\]/)![0];
    const { domain, range } = JSON.parse(`{${color}}`);
    expect(domain).toEqual(['α = 0.01', 'α = 0.1', 'α = 0.3']);
    const lightness = (hex: string) => [1, 3, 5].reduce((n, i) => n + Number.parseInt(hex.slice(i, i + 2), 16), 0);
    expect(lightness(range[0])).toBeGreaterThan(lightness(range[1]));
    expect(lightness(range[1])).toBeGreaterThan(lightness(range[2]));
  });
});

describe('the depth axis', () => {
  it('has ticks at the first and the last layer, round depths between them', () => {
    for (const depth of [8, 30, 50, 2]) {
      const [figure] = normalizeConfig({
        figures: [{ id: 'd', kind: 'vanishing-gradient-depth', depth, units: 16, batch: 4, activations: ['relu'] }],
      }).figures;
      const values: number[] = (buildSpec(figure) as any).layer[0].encoding.x.axis.values;
      expect(values[0], `depth ${depth}`).toBe(1);
      expect(values.at(-1)).toBe(depth);
      expect(values.slice(1, -1).every((v) => v % values[1] === 0 || values.length === 2)).toBe(true);
    }
  });
});
