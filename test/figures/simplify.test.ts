import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import type { Row } from '../../src/figures/data.ts';
import { lineLayers, SIMPLIFY_PX, simplifyRows, simplifyTable } from '../../src/figures/simplify.ts';
import { buildSpec, specForRender } from '../../src/kinds/spec.ts';
import { root } from '../cli.ts';

const layer = { fields: ['y', 'dy'], x: [-5, 5] as const, y: [-2, 2] as const, width: 300, height: 200 };

/** How far (px) a row lies from the segment of the kept rows around it, for one field. */
function distance(rows: readonly Row[], kept: readonly Row[], field: 'y' | 'dy'): number {
  const px = (r: Row) => ((r.z - layer.x[0]) / (layer.x[1] - layer.x[0])) * layer.width;
  const py = (r: Row) => ((r[field] - layer.y[0]) / (layer.y[1] - layer.y[0])) * layer.height;
  let worst = 0;
  let k = 0;
  for (const row of rows) {
    while (k + 1 < kept.length && kept[k + 1].z < row.z) k++;
    const [a, b] = [kept[k], kept[Math.min(k + 1, kept.length - 1)]];
    const [dx, dy] = [px(b) - px(a), py(b) - py(a)];
    const [ex, ey] = [px(row) - px(a), py(row) - py(a)];
    const length = Math.hypot(dx, dy);
    worst = Math.max(worst, length ? Math.abs(ex * dy - ey * dx) / length : Math.hypot(ex, ey));
  }
  return worst;
}

const curve = fc.record({
  n: fc.integer({ min: 3, max: 400 }),
  a: fc.double({ min: -3, max: 3, noNaN: true }),
  w: fc.double({ min: 0, max: 6, noNaN: true }),
  kink: fc.option(fc.double({ min: -4, max: 4, noNaN: true }), { nil: undefined }),
});

function rowsOf({ n, a, w, kink }: { n: number; a: number; w: number; kink?: number }): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const z = -5 + (10 * i) / (n - 1);
    const y = Math.tanh(a * z) + (kink !== undefined && z > kink ? 0.5 : 0);
    return { activation: 'f', z, y, dy: Math.sin(w * z) };
  });
}

describe('simplifying a drawn curve', () => {
  it('keeps every dropped row within SIMPLIFY_PX of the line through the kept rows, and the ends', () => {
    fc.assert(
      fc.property(curve, (c) => {
        const rows = rowsOf(c);
        const kept = simplifyRows(rows, [layer], c.kink === undefined ? [] : [c.kink]);
        expect(kept[0]).toBe(rows[0]);
        expect(kept.at(-1)).toBe(rows.at(-1));
        for (const field of ['y', 'dy'] as const)
          expect(distance(rows, kept, field)).toBeLessThanOrEqual(SIMPLIFY_PX + 1e-9);
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('never lets a kept segment span a break: the rows either side of a jump stay', () => {
    const rows = rowsOf({ n: 101, a: 0, w: 0, kink: 0.05 });
    const kept = simplifyRows(rows, [layer], [0.05]);
    // rows[50] is z = 0, rows[51] z = 0.1; flat on both sides, nothing else is needed but the ends.
    expect(kept.map((r) => rows.indexOf(r))).toEqual([0, 49, 50, 51, 100]);
  });

  it('keeps a row whose value is not finite and its neighbours, so the line still breaks there', () => {
    const rows = rowsOf({ n: 50, a: 0, w: 0 });
    rows[20] = { ...rows[20], dy: Number.NaN };
    const kept = simplifyRows(rows, [layer], []);
    expect(kept.map((r) => rows.indexOf(r))).toEqual([0, 19, 20, 21, 49]);
  });

  it('keeps a series whole where a layer drawing the table is not a line it can read', () => {
    const spec = { data: { name: 'table' }, width: 100, height: 100, layer: [{ mark: 'area', encoding: {} }] };
    expect(lineLayers(spec, 'table')).toBeUndefined();
    const table = rowsOf({ n: 30, a: 0, w: 0 });
    expect(simplifyTable(table, [layer], new Map())).toBe(table);
  });

  it('draws the default figures from a seventh of their rows or fewer', async () => {
    const config = await loadConfig(`${root}/figures.config.ts`);
    let written = 0;
    let drawn = 0;
    for (const figure of config.figures) {
      const spec = buildSpec(figure);
      written += spec.datasets.table.length;
      drawn += specForRender(figure, spec, 2).datasets.table.length;
    }
    expect(drawn / written).toBeLessThan(1 / 7);
  });
});
