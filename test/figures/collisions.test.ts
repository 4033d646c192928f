// No label collides: every default figure and a stress config, laid out by vega, checked from the
// scenegraph's bounds. Texts must not overlap each other, a legend they are not part of, or a curve's
// marker, and must lie inside the image; no curve runs through the figure's own labels or under a legend,
// and no two leader lines cross.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { normalizeConfig } from '../../src/config/normalize.ts';
import type { Figure } from '../../src/config/model.ts';
import { buildSpec } from '../../src/kinds/spec.ts';
import { fitFigure } from '../../src/build/fit.ts';
import { type Box, layoutScene, type Scene } from '../render/scene.ts';
import { root } from '../cli.ts';

const overlap = (a: Box, b: Box, slack = 0.5) =>
  a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2;

type Point = { x: number; y: number };

/** Whether the segment a-b, clipped to `plot` (the mark's clip), crosses the box shrunk by `slack`. */
function crosses(a: Point, b: Point, box: Box, plot: Box, slack: number): boolean {
  const x1 = Math.max(box.x1 + slack, plot.x1);
  const x2 = Math.min(box.x2 - slack, plot.x2);
  const y1 = Math.max(box.y1 + slack, plot.y1);
  const y2 = Math.min(box.y2 - slack, plot.y2);
  if (x1 >= x2 || y1 >= y2) return false;
  // Liang-Barsky: the part of the segment inside the box, if any.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - x1],
    [dx, x2 - a.x],
    [-dy, a.y - y1],
    [dy, y2 - a.y],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

/** Whether two segments cross at a point inside both (touching ends, or a common end, is no crossing). */
function cross([a, b]: Point[], [c, d]: Point[]): boolean {
  const side = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const [d1, d2, d3, d4] = [side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d)];
  return d1 * d2 < -1e-6 && d3 * d4 < -1e-6;
}

const through = (line: { points?: Point[]; plot: Box }, box: Box, slack: number) =>
  (line.points ?? []).some((p, i, all) => i > 0 && crosses(all[i - 1], p, box, line.plot, slack));

/** Every collision in a scene, as readable lines. */
function collisions(scene: Scene): string[] {
  const out: string[] = [];
  const texts = scene.items.filter((i) => i.kind === 'text');
  const legends = scene.items.filter((i) => i.kind === 'legend');
  const markers = scene.items.filter((i) => i.kind === 'symbol' && i.legend === undefined);
  const lines = scene.items.filter((i) => i.kind === 'line');
  const rules = scene.items.filter((i) => i.kind === 'rule');
  const name = (i: (typeof texts)[number]) => `${i.role} "${i.text}"`;
  for (const t of texts) {
    const { x1, y1, x2, y2 } = t.box;
    if (x1 < -0.5 || y1 < -0.5 || x2 > scene.width + 0.5 || y2 > scene.height + 0.5)
      out.push(`${name(t)} leaves the ${scene.width}×${scene.height} image`);
  }
  for (const t of texts) {
    // The figure's own labels (peaks, bounds, saturation) belong inside their plot.
    const p = t.plot;
    if (
      t.role === 'mark' &&
      !(t.box.x1 >= p.x1 - 0.5 && t.box.x2 <= p.x2 + 0.5 && t.box.y1 >= p.y1 - 0.5 && t.box.y2 <= p.y2 + 0.5)
    )
      out.push(`${name(t)} leaves its plot`);
  }
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) if (overlap(a.box, b.box)) out.push(`${name(a)} overlaps ${name(b)}`);
    for (const l of legends)
      if (a.legend !== l.legend && overlap(a.box, l.box)) out.push(`${name(a)} is under a legend`);
    for (const m of markers) if (overlap(a.box, m.box, 1)) out.push(`${name(a)} covers a marker`);
    // A curve may pass close to the figure's own labels, not through their text.
    if (a.role === 'mark' && lines.some((l) => through(l, a.box, 2))) out.push(`a curve runs through ${name(a)}`);
  });
  for (const l of legends)
    if (lines.some((line) => through(line, l.box, 1))) out.push(`a curve runs under legend ${l.legend}`);
  rules.forEach((a, i) => {
    for (const b of rules.slice(i + 1)) if (cross(a.points!, b.points!)) out.push('two leader lines cross');
  });
  return out;
}

// As the build draws it: a figure of a fixed size fitted to it first.
const check = async (figure: Figure) => collisions(await layoutScene(buildSpec(await fitFigure(figure, 2))));

const config = await loadConfig(`${root}/figures.config.ts`);

describe('no label collides', () => {
  it.each(config.figures.map((f) => [f.id, f] as const))('in the default figure %s', async (_id, figure) => {
    expect((await check(figure)).join('\n')).toBe('');
  });

  const stress = normalizeConfig({
    figures: [
      {
        id: 'overlay-smooth',
        kind: 'derivatives-overlay',
        activations: ['gelu', 'silu', 'mish', 'relu'],
      },
      {
        id: 'six-on-dark-slide',
        theme: 'dark',
        preset: 'slide',
        grid: { min: -6, max: 6, samples: 301 },
        panels: [{ series: ['sigmoid', 'tanh', 'relu', 'gelu', 'softsign', 'elu'] }],
      },
      {
        id: 'peaks-near-edges',
        kind: 'derivatives-overlay',
        activations: ['sigmoid', { activation: 'softplus', params: { beta: 2 } }, 'tanh'],
        grid: { min: -0.5, max: 8, samples: 201 },
      },
      {
        id: 'clipped',
        kind: 'derivatives-overlay',
        activations: ['sigmoid', 'tanh', 'relu'],
        yDomain: [0, 0.5],
      },
      {
        id: 'clipped-panels',
        grid: { min: -10, max: 10, samples: 201 },
        panels: [
          { activation: 'elu', yDomain: [-1, 2] },
          { activation: 'softplus', yDomain: [0, 3], saturation: true },
        ],
      },
      {
        id: 'eight-in-two-columns',
        columns: 4,
        grid: { min: -5, max: 5, samples: 101 },
        panels: ['sigmoid', 'tanh', 'relu', 'gelu', 'silu', 'mish', 'hardtanh', 'softsign'].map((a) => ({
          activation: a,
          saturation: a === 'sigmoid' || a === 'tanh',
        })),
      },
      {
        id: 'depth-many',
        kind: 'vanishing-gradient-depth',
        activations: ['sigmoid', 'tanh', 'relu', 'gelu', 'selu', 'softsign'],
        depth: 20,
        units: 32,
      },
    ],
  });
  it.each(stress.figures.map((f) => [f.id, f] as const))('in the stress figure %s', async (_id, figure) => {
    expect((await check(figure)).join('\n')).toBe('');
  });

  // Figures for a deck: the slide sizes, crowded panels, large text, a six-activation overlay on dark.
  const grid = { min: -6, max: 6, samples: 241 };
  const slides = normalizeConfig({
    preset: 'slide',
    figures: [
      { id: 'slide-one', grid, panels: [{ activation: 'sigmoid', saturation: true }] },
      { id: 'slide-two', grid, panels: [{ activation: 'sigmoid' }, { activation: 'relu' }] },
      {
        id: 'slide-eight',
        columns: 4,
        grid,
        panels: ['sigmoid', 'tanh', 'relu', 'gelu', 'softsign', 'elu', 'silu', 'mish'].map((activation) => ({
          activation,
        })),
      },
      { id: 'slide-big', fontScale: 2.5, grid, panels: [{ activation: 'tanh', saturation: true }] },
      {
        id: 'slide-overlay',
        kind: 'derivatives-overlay',
        theme: 'dark',
        grid,
        activations: ['sigmoid', 'tanh', 'relu', 'gelu', 'silu', 'softplus'],
      },
      { id: 'slide-depth', kind: 'vanishing-gradient-depth' },
      { id: 'slide-sweep', grid, panels: [{ series: [{ activation: 'softplus', sweep: { beta: [0.5, 1, 2, 5] } }] }] },
      { id: 'slide-half', preset: 'half-slide', title: false, grid, panels: [{ activation: 'hardshrink' }] },
      { id: 'slide-4x3', preset: 'slide-4x3', grid, panels: [{ activation: 'hardtanh', saturation: true }] },
    ],
  });
  it.each(slides.figures.map((f) => [f.id, f] as const))('in the slide figure %s', async (_id, figure) => {
    expect((await check(figure)).join('\n')).toBe('');
  });

  it('the check finds a collision when there is one', async () => {
    const [figure] = normalizeConfig({
      figures: [{ id: 'x', kind: 'derivatives-overlay', legend: 'top-left', labelPeaks: false }],
    }).figures;
    const spec = buildSpec(figure);
    // Two texts at the same spot.
    const layer = (spec as any).layer as object[];
    layer.push(
      { data: { values: [{}] }, mark: { type: 'text', text: 'AAAA', x: 100, y: 100 } },
      { data: { values: [{}] }, mark: { type: 'text', text: 'BBBB', x: 102, y: 101 } },
      { data: { values: [{}] }, mark: { type: 'text', text: 'far out', x: 5000, y: 100 } },
      { data: { values: [{}] }, mark: { type: 'text', text: 'on the legend', x: 25, y: 25, align: 'left' } },
      ...[
        [150, 250],
        [250, 150],
      ].map(([y, y2]) => ({
        data: { values: [{}] },
        mark: { type: 'rule' },
        encoding: { x: { value: 300 }, y: { value: y }, x2: { value: 400 }, y2: { value: y2 } },
      })),
    );
    const found = await collisions(await layoutScene(spec));
    expect(found.some((c) => c.includes('"AAAA" overlaps mark "BBBB"'))).toBe(true);
    expect(found).toContain('mark "far out" leaves its plot');
    expect(found).toContain('mark "on the legend" is under a legend');
    expect(found).toContain('two leader lines cross');
  });
});
