// Training figures end to end (src/kinds/training/): <id>.training.json in the shape beside the
// figure, PyTorch's numbers (the committed replay, and this machine's torch where it has one), the file
// known to the manifest, check and prune, and bad input refused in one line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../cli.ts';
import { oneLine, type Project, project, tree } from '../project.ts';

const fixtures = join(root, 'test/fixtures/training');
const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

interface Record {
  loss: 'bce' | 'mse';
  lr: number;
  steps: number;
  x: number[][];
  y: number[];
  runs: {
    activation: string;
    params: object;
    init: string;
    layers: { W: number[][]; b: number[] }[];
    loss: number[];
    gradNorm: number[][];
  }[];
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

let built: Project;
const read = (id: string): Record => JSON.parse(readFileSync(join(built.out, `${id}.training.json`), 'utf8'));

beforeAll(() => {
  built = project({}, fixtures);
  expect(built.build().code).toBe(0);
});

describe('<id>.training.json', () => {
  it("has the issue's shape: the data, each run's initial layers (out × in), n + 1 losses, n × layers norms", () => {
    const config = JSON.parse(readFileSync(join(fixtures, 'c.json'), 'utf8'));
    for (const figure of config.figures) {
      const doc = read(figure.id);
      expect(Object.keys(doc)).toEqual(['loss', 'lr', 'steps', 'x', 'y', 'runs']);
      expect(doc.loss).toBe(figure.task === 'regression' ? 'mse' : 'bce');
      expect([doc.lr, doc.steps]).toEqual([figure.lr, figure.steps]);
      const inputs = figure.task === 'regression' ? 1 : 2;
      expect(doc.x).toHaveLength(figure.samples);
      expect(doc.x.every((row) => row.length === inputs)).toBe(true);
      expect(doc.y).toHaveLength(figure.samples);
      if (doc.loss === 'bce') expect(new Set(doc.y)).toEqual(new Set([0, 1]));
      expect(doc.runs.map((r) => r.activation)).toEqual(
        figure.activations.map((a: string | { activation: string }) => (typeof a === 'string' ? a : a.activation)),
      );
      for (const run of doc.runs) {
        expect(Object.keys(run)).toEqual(['activation', 'params', 'init', 'layers', 'loss', 'gradNorm']);
        expect(['xavier', 'he', 'lecun']).toContain(run.init);
        const sizes = run.layers.map((l) => [l.W.length, l.W[0].length, l.b.length]);
        const hidden = figure.units;
        expect(sizes).toEqual(
          Array.from({ length: figure.depth }, (_, l) => {
            const out = l === figure.depth - 1 ? 1 : hidden;
            return [out, l === 0 ? inputs : hidden, out];
          }),
        );
        expect(run.loss).toHaveLength(figure.steps + 1);
        expect(run.gradNorm).toHaveLength(figure.steps);
        expect(run.gradNorm.every((g) => g.length === figure.depth)).toBe(true);
      }
    }
    // Defaults fill the params and the init: GELU's approximate as given, tanh with its given He.
    expect(read('moons').runs[3].params).toEqual({ approximate: 'tanh' });
    expect(read('regression').runs.map((r) => r.init)).toEqual(['he', 'he', 'he', 'xavier', 'he']);
    expect(read('moons').runs.map((r) => r.init)).toEqual(['xavier', 'xavier', 'he', 'he']);
  });

  it.each(['moons', 'regression'])(
    "%s: every loss and gradient norm is PyTorch's to 1e-9 (test/fixtures/training/%s.torch.json)",
    (id) => {
      const doc = read(id);
      const torch = JSON.parse(readFileSync(join(fixtures, `${id}.torch.json`), 'utf8'));
      expect(torch.runs).toHaveLength(doc.runs.length);
      doc.runs.forEach((run, i) => {
        const theirs = torch.runs[i];
        expect(theirs.activation).toBe(run.activation);
        expect(run.loss).toHaveLength(theirs.loss.length);
        const worst = (ours: number[], torch: number[]) => Math.max(...ours.map((v, t) => relative(v, torch[t])));
        expect(worst(run.loss, theirs.loss)).toBeLessThan(1e-9);
        expect(worst(run.gradNorm.flat(), theirs.gradNorm.flat())).toBeLessThan(1e-9);
      });
    },
  );

  const replay = hasTorch
    ? 'replayed in PyTorch (/usr/bin/python3), gives every loss to 1e-9: the fixtures and the lesson figure'
    : 'replayed in PyTorch: skipped, /usr/bin/python3 has no torch (apt-get install python3-torch)';
  it.skipIf(!hasTorch)(
    replay,
    () => {
      const files = [
        join(built.out, 'moons.training.json'),
        join(built.out, 'regression.training.json'),
        join(root, 'figures/training-moons.training.json'),
      ];
      for (const file of files) {
        const r = spawnSync(PYTHON, [join(root, 'scripts/replay-training.py'), file], { encoding: 'utf8' });
        expect(r.stdout).not.toContain('DIFFERS');
        expect(r.status, `${file}: ${r.stdout}${r.stderr}`).toBe(0);
      }
    },
    60_000,
  );

  it('is the same bytes from a second build, and listed in the manifest with its figure', () => {
    const before = readFileSync(join(built.out, 'moons.training.json'));
    const again = project({}, fixtures);
    expect(again.build().code).toBe(0);
    expect(readFileSync(join(again.out, 'moons.training.json'))).toEqual(before);
    const manifest = JSON.parse(readFileSync(join(built.out, 'manifest.json'), 'utf8'));
    const moons = manifest.figures.find((f: { id: string }) => f.id === 'moons');
    expect(moons.files.map((f: { name: string }) => f.name)).toContain('moons.training.json');
  });
});

describe("a training figure's data file in the output folder", () => {
  it('is named by check when missing or changed, and made again by the next build', () => {
    const p = project({}, built.dir);
    expect(p.check().code).toBe(0);
    rmSync(join(p.out, 'moons.training.json'));
    const missing = p.check();
    expect(missing.code).not.toBe(0);
    expect(missing.stdout + missing.stderr).toContain('moons.training.json');
    expect(p.build().code).toBe(0);
    writeFileSync(join(p.out, 'regression.training.json'), '{}\n');
    const changed = p.check();
    expect(changed.code).not.toBe(0);
    expect(changed.stdout + changed.stderr).toMatch(
      /modified.*regression\.training\.json|regression\.training\.json.*differ/s,
    );
    expect(p.build().code).toBe(0);
    expect(p.check().code).toBe(0);
  });

  it('is pruned with its figure', () => {
    const p = project({}, built.dir);
    const config = JSON.parse(readFileSync(join(p.dir, 'c.json'), 'utf8'));
    writeFileSync(join(p.dir, 'c.json'), JSON.stringify({ ...config, figures: config.figures.slice(1) }));
    expect(p.build().code).toBe(0);
    expect(existsSync(join(p.out, 'moons.training.json'))).toBe(false);
    expect(existsSync(join(p.out, 'regression.training.json'))).toBe(true);
  });
});

describe('bad training input', () => {
  const figure = { id: 't', kind: 'training', activations: ['relu'], depth: 3, units: 4, samples: 8, steps: 5 };
  // A figure that cannot be drawn (its training diverged) is reported and skipped, as any figure that fails.
  it.each([
    [{ lr: 0 }, 'figures[0].lr'],
    [{ task: 'moon' }, 'figures[0].task'],
    [{ at: 6 }, 'figures[0].at: must be at most steps (5), got 6'],
    [{ steps: 10000, units: 256, depth: 50 }, 'figures[0].steps: activations × steps × samples × depth × units²'],
    [{ seed: 2 ** 32 - 1 }, 'figures[0].seed'],
    [{ lr: 1e6 }, 'figures[0].lr'],
    [{ task: 'regression', activations: ['elu'], lr: 50, steps: 40 }, "ELU network's loss is Infinity at step 4"],
    [{ task: 'regression', activations: ['softplus'], lr: 50 }, "Softplus network's first-layer gradient is 0"],
  ])('%j is refused in one line naming it (a config error: exit 2, nothing written)', (extra, message) => {
    const p = project({ formats: ['svg'], figures: [{ ...figure, ...extra }] });
    const before = tree(p.dir);
    const r = p.build();
    expect(oneLine(r.stderr)).toContain(message);
    if (message.startsWith('figures')) {
      expect(r.code).toBe(2);
      expect(tree(p.dir)).toEqual(before);
    } else {
      expect(r.code).toBe(1);
      expect(existsSync(join(p.out, 't.training.json'))).toBe(false);
    }
  });
});
