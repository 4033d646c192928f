// Grids up to the documented limit of 1,000,000 points: the spec and CSV keep every point, the renderer
// draws a thinned copy (src/figures/thin.ts) that looks the same.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import type { Figure } from '../../src/config/model.ts';
import { normalizeConfig } from '../../src/config/normalize.ts';
import type { Row } from '../../src/figures/data.ts';
import { buildSpec } from '../../src/kinds/spec.ts';
import { kindOf } from '../../src/kinds/registry.ts';
import { breakPoints } from '../../src/figures/data.ts';
import { thinRows, thinTable, thinThreshold } from '../../src/figures/thin.ts';
import { specForRender } from '../../src/kinds/spec.ts';
import { findActivation } from '../../src/math/activations/registry.ts';
import { type GridSpec, sample, withBreaks } from '../../src/math/grid.ts';
import { resolveParams } from '../../src/math/params.ts';
import { decodePng } from '../png.ts';
import { root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const bin = join(root, 'bin/actfig.js');
const dir = tempDir();
const million: GridSpec = { min: -10, max: 10, samples: 1_000_000 };
// Half a gigabyte of specs and CSV: not left behind.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real `actfig` with stdout into a file: a million-row spec is far beyond spawnSync's buffer. */
function actfig(args: string[], stdout = join(dir, 'stdout')): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync(stdout, 'w');
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const configFile = (name: string, config: object) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(config));
  return path;
};

const activationConfig = configFile('activation.json', {
  figures: [{ id: 'big', grid: million, panels: [{ activation: 'sigmoid' }] }],
});
const overlayConfig = configFile('overlay.json', {
  figures: [{ id: 'o', kind: 'derivatives-overlay', grid: million }],
});
const bigFigure = { id: 'h', grid: million, panels: [{ activation: 'hardtanh' }] };
const buildOut = join(dir, 'out');
const buildConfig = configFile('build.json', { outDir: buildOut, formats: ['png'], figures: [bigFigure] });

/** A spec file's rows per `activation`, counted in its bytes (parsing 300 MB of JSON would take longer). */
function readSpec(path: string) {
  const bytes = readFileSync(path);
  const marker = Buffer.from('\n      {"activation":"');
  const counts = new Map<string, number>();
  const lines: [number, number][] = [];
  for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
    const keyStart = at + marker.length;
    const key = bytes.toString('utf8', keyStart, bytes.indexOf('"', keyStart));
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (lines.length < 3) lines.push([at + 1, bytes.indexOf('\n', at + 1)]);
  }
  const datasets = bytes.indexOf(',\n  "datasets": {');
  const head = JSON.parse(`${bytes.toString('utf8', 0, datasets)}\n}`);
  const tail = bytes.toString(
    'utf8',
    bytes.lastIndexOf(marker) + 1,
    bytes.indexOf('\n', bytes.lastIndexOf(marker) + 1),
  );
  const rows = [...lines.map(([s, e]) => bytes.toString('utf8', s, e)), tail].map((l) =>
    JSON.parse(l.replace(/,$/, '')),
  );
  return { head, counts, rows };
}

/** The points of a grid with an activation's kink and jump points added, as a spec's table has them. */
function pointsWithBreaks(grid: GridSpec, name: string): number {
  const activation = findActivation(name)!;
  return withBreaks(sample(grid).sort(), activation.breaks(resolveParams(activation))).length;
}

describe('a grid of 1,000,000 points', () => {
  // The three big runs start at once (separate processes), and each test awaits its own.
  let runs: Record<'activation' | 'overlay' | 'build', ReturnType<typeof actfig>>;
  beforeAll(() => {
    runs = {
      activation: actfig(['spec', 'big', '--config', activationConfig], join(dir, 'big.vl.json')),
      overlay: actfig(['spec', 'o', '--config', overlayConfig], join(dir, 'o.vl.json')),
      build: actfig(['build', '--config', buildConfig, '--force']),
    };
  });

  it('actfig spec of an activations figure exits 0 with every row', async () => {
    const r = await runs.activation;
    expect(r.code, r.stderr).toBe(0);
    const { head, counts, rows } = readSpec(join(dir, 'big.vl.json'));
    expect(Object.fromEntries(counts)).toEqual({ sigmoid: 1_000_000 });
    expect(head.hconcat).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(['activation', 'z', 'y', 'dy']);
    expect(rows[0].z).toBe(-10);
    expect(rows.at(-1).z).toBe(10);
  }, 120_000);

  it('actfig spec of a derivatives-overlay exits 0 with every row (+ kinks) and its y domain', async () => {
    const r = await runs.overlay;
    expect(r.code, r.stderr).toBe(0);
    const { head, counts } = readSpec(join(dir, 'o.vl.json'));
    // relu's kink at 0 is not on linspace(-10, 10, 1e6) and is added.
    expect(pointsWithBreaks(million, 'relu')).toBe(1_000_001);
    expect(Object.fromEntries(counts)).toEqual({
      sigmoid: pointsWithBreaks(million, 'sigmoid'),
      tanh: pointsWithBreaks(million, 'tanh'),
      relu: 1_000_001,
    });
    // [0, 1] with 4% below (no line along the frame) and 15% above for the peaks' labels.
    expect(head.layer[0].encoding.y.scale.domain).toEqual([-0.04, 1.15]);
  }, 120_000);

  it('actfig build renders it (thinned) to a PNG almost identical to a 10,001-point render', async () => {
    const r = await runs.build;
    expect(r.code, r.stderr).toBe(0);
    const big = decodePng(readFileSync(join(buildOut, 'h.png')));
    // The reference: every one of 10,001 points drawn, in this process.
    const figure = normalizeConfig({ figures: [{ ...bigFigure, grid: { ...million, samples: 10_001 } }] }).figures[0];
    const { render } = await import('../../src/render/render.ts');
    const options = { formats: ['png'] as const, scale: 2, pngCompression: 3, pngFilter: 'up' as const };
    const { png } = await render(buildSpec(figure), { ...options, date: new Date(0), title: 'h', id: 'h' });
    const reference = decodePng(Buffer.from(png!));
    expect([big.width, big.height]).toEqual([reference.width, reference.height]);
    let differ = 0;
    for (let i = 0; i < big.data.length; i += 4) {
      let d = 0;
      for (let k = 0; k < 4; k++) d = Math.max(d, Math.abs(big.data[i + k] - reference.data[i + k]));
      if (d > 64) differ++;
    }
    expect(differ / (big.width * big.height)).toBeLessThan(0.005);
  }, 120_000);
});

// Rows of one series: z sorted ascending, any y and dy.
const seriesArb = fc
  .array(
    fc.record({
      z: fc.double({ min: -5, max: 5, noNaN: true }),
      y: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      dy: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    }),
    { minLength: 2, maxLength: 300 },
  )
  .map((points) =>
    points.sort((a, b) => a.z - b.z).map((p): Row => ({ activation: 'f', z: p.z + 0, y: p.y, dy: p.dy })),
  );
const caseArb = seriesArb.chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    // Breaks at some of the rows' z, and between them.
    breaks: fc.array(fc.oneof(fc.constantFrom(...rows.map((r) => r.z)), fc.double({ min: -5, max: 5, noNaN: true })), {
      maxLength: 5,
    }),
    columns: fc.integer({ min: 1, max: 40 }),
  }),
);

describe('thinRows: M4 per device-pixel column, split at breaks', () => {
  it('keeps order, the first and last rows, every break row, and each bucket’s ends, min and max of y and dy', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, breaks, columns }) => {
        const out = thinRows(rows, { columns, breaks, threshold: 0 });
        const index = new Map(rows.map((r, i) => [r, i]));
        const kept = out.map((r) => index.get(r)!);
        // A subsequence of the rows, in their order.
        for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
        expect(out[0]).toBe(rows[0]);
        expect(out.at(-1)).toBe(rows.at(-1));
        // The oracle's buckets: a row at a break alone; else its column and how many breaks lie below it.
        const lo = rows[0].z;
        const hi = rows.at(-1)!.z;
        const bucket = (z: number) => {
          if (breaks.includes(z)) return `break ${z}`;
          const c = hi > lo ? Math.min(columns - 1, Math.floor(((z - lo) * columns) / (hi - lo))) : 0;
          return `${c} ${breaks.filter((b) => b < z).length}`;
        };
        const buckets = new Map<string, number[]>();
        rows.forEach((r, i) => {
          const key = bucket(r.z);
          if (!buckets.has(key)) buckets.set(key, []);
          buckets.get(key)!.push(i);
        });
        const keptSet = new Set(kept);
        const needed = new Set<number>();
        for (const members of buckets.values()) {
          const inBucket = members.map((i) => rows[i]);
          const extremes = [
            Math.min(...inBucket.map((r) => r.y)),
            Math.max(...inBucket.map((r) => r.y)),
            Math.min(...inBucket.map((r) => r.dy)),
            Math.max(...inBucket.map((r) => r.dy)),
          ];
          const keptHere = members.filter((i) => keptSet.has(i)).map((i) => rows[i]);
          expect(keptSet.has(members[0]) && keptSet.has(members.at(-1)!)).toBe(true);
          expect(keptHere.some((r) => r.y === extremes[0])).toBe(true);
          expect(keptHere.some((r) => r.y === extremes[1])).toBe(true);
          expect(keptHere.some((r) => r.dy === extremes[2])).toBe(true);
          expect(keptHere.some((r) => r.dy === extremes[3])).toBe(true);
          // Nothing else: each kept row is an end or an extreme of its bucket (at most 6 per bucket).
          for (const r of keptHere)
            expect(
              r === inBucket[0] ||
                r === inBucket.at(-1) ||
                r.y === extremes[0] ||
                r.y === extremes[1] ||
                r.dy === extremes[2] ||
                r.dy === extremes[3],
            ).toBe(true);
          expect(keptHere.length).toBeLessThanOrEqual(6);
          for (const i of members) if (breaks.includes(rows[i].z)) needed.add(i);
        }
        for (const i of needed) expect(keptSet.has(i)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('returns its input unchanged (the same array) at or below the threshold', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, breaks, columns }) => {
        expect(thinRows(rows, { columns, breaks, threshold: rows.length })).toBe(rows);
        expect(thinRows(rows, { columns: Math.ceil(rows.length / 8), breaks })).toBe(rows);
        expect(thinTable(rows, new Map([['f', { columns, breaks, threshold: rows.length }]]))).toBe(rows);
      }),
    );
    expect(thinThreshold(720)).toBe(10_000);
    expect(thinThreshold(2000)).toBe(16_000);
  });

  it('keeps a row whose value is not finite, so a line still breaks there', () => {
    const rows: Row[] = Array.from({ length: 100 }, (_, i) => ({ activation: 'f', z: i, y: i, dy: 0 }));
    rows[50] = { ...rows[50], y: Number.NaN };
    const out = thinRows(rows, { columns: 1, threshold: 0 });
    expect(out.map((r) => r.z)).toEqual([0, 49, 50, 51, 99]);
  });

  it('thinTable thins each activation of a table by its own options and keeps the table’s order', () => {
    const series = (key: string) =>
      Array.from({ length: 1000 }, (_, i): Row => ({ activation: key, z: i / 999, y: Math.sin(i), dy: Math.cos(i) }));
    const table = [...series('a'), ...series('b')];
    const out = thinTable(table, new Map([['a', { columns: 10, threshold: 0 }]]));
    expect(out.filter((r) => r.activation === 'b')).toEqual(table.slice(1000));
    const a = out.filter((r) => r.activation === 'a');
    expect(a.length).toBeLessThanOrEqual(60);
    expect(out).toEqual([...a, ...table.slice(1000)]);
  });
});

const config = await loadConfig(`${root}/figures.config.ts`);

describe('the spec given to the renderer', () => {
  it('of a default figure differs from the written spec only in its table: its rows, in order, breaks kept', () => {
    for (const figure of config.figures) {
      const spec = buildSpec(figure);
      const written = spec.datasets.table as Row[];
      for (const scale of [1, 2, 3]) {
        const drawn = specForRender(figure, spec, scale);
        expect({ ...drawn, datasets: spec.datasets }, figure.id).toEqual(spec);
        const rows = drawn.datasets.table as Row[];
        let at = 0;
        for (const row of rows) {
          at = written.indexOf(row, at);
          expect(at, figure.id).toBeGreaterThanOrEqual(0);
        }
        for (const { key, activation, params } of kindOf(figure.kind).keyed(figure))
          for (const z of breakPoints(activation, params)) {
            const own = written.filter((r) => r.activation === key);
            if (own.some((r) => r.z === z)) expect(rows.some((r) => r.activation === key && r.z === z)).toBe(true);
          }
      }
    }
  });

  it('of a large figure is a thinned copy that keeps every break point; the written spec keeps every row', () => {
    const figure: Figure = normalizeConfig({
      figures: [{ id: 'h', grid: { min: -3, max: 3, samples: 200_000 }, panels: [{ activation: 'hardtanh' }] }],
    }).figures[0];
    const spec = buildSpec(figure);
    const drawn = specForRender(figure, spec, 2);
    expect(spec.datasets.table).toHaveLength(200_002);
    const rows = drawn.datasets.table as Row[];
    expect(rows.length).toBeLessThan(6 * 720 + 10);
    expect(rows.map((r) => r.z)).toEqual(expect.arrayContaining([-3, -1, 1, 3]));
    expect({ ...drawn, datasets: spec.datasets }).toEqual(spec);
  });
});

describe('the default figures', () => {
  for (const id of ['sigmoid-vs-relu', 'derivatives-overlay', 'activation-hardtanh'])
    it(`${id}: actfig spec is byte for byte the committed figures/${id}.vl.json`, async () => {
      const out = join(dir, `${id}.vl.json`);
      const r = await actfig(['spec', id], out);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out).equals(readFileSync(join(root, 'figures', `${id}.vl.json`)))).toBe(true);
    });
});
