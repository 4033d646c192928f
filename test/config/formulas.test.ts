// A config's own activations, by formula: drawn like built-ins, refused with a one-line message naming
// the field when wrong, rebuilt exactly where the formula is used, typeset in the gallery, and evaluated
// by `actfig eval --config`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { buildSpec } from '../../src/kinds/spec.ts';
import { findActivation } from '../../src/math/activations/registry.ts';
import { actfig } from '../cli.ts';
import { snapshot, tempDir } from '../tmp.ts';

const grid = { min: -3, max: 3, samples: 61 };
const squareplus = { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 }, label: 'Squareplus' };

function project(config: object) {
  const dir = tempDir();
  const write = (c: object) =>
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ outDir: 'out', formats: ['svg'], ...c }));
  write(config);
  return {
    dir,
    out: join(dir, 'out'),
    write,
    build: () => actfig(['build', '--config', 'c.json'], { cwd: dir }),
  };
}

describe('a formula activation in a figure', () => {
  const config = normalizeConfig({
    activations: { squareplus },
    figures: [
      { id: 'one', grid, panels: [{ series: ['squareplus', 'relu'] }] },
      { id: 'sweep', grid, panels: [{ series: [{ activation: 'squareplus', sweep: { b: [1, 4] } }] }] },
      { id: 'overlay', kind: 'derivatives-overlay', activations: ['squareplus', 'sigmoid'], grid },
      { id: 'depth', kind: 'vanishing-gradient-depth', activations: ['squareplus'], depth: 5, units: 16 },
    ],
  });

  it('is sampled exactly: y, dy and d2y are the formula and its derivatives', () => {
    const spec = buildSpec(config.figures[0]);
    const rows = (spec.datasets.table as { activation: string; z: number; y: number; dy: number }[]).filter(
      (r) => r.activation === 'squareplus',
    );
    expect(rows).toHaveLength(61);
    for (const r of rows) {
      const s = Math.sqrt(r.z * r.z + 4);
      expect(Math.abs(r.y - (r.z + s) / 2)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(r.y)));
      expect(Math.abs(r.dy - (1 + r.z / s) / 2)).toBeLessThanOrEqual(1e-15);
    }
    const a = findActivation('squareplus')!;
    // f'' = b / (2 (z² + b)^(3/2))
    expect(Math.abs(a.d2f(1, { b: 4 }) - 4 / (2 * Math.sqrt(5) ** 3))).toBeLessThan(1e-15);
  });

  it('sweeps its parameters, labelled by value, and carries its definition for the content key', () => {
    const [, sweep, overlay, depth] = config.figures;
    expect(sweep.kind === 'activations' && sweep.panels[0].series.map((s) => s.name)).toEqual(['b = 1', 'b = 4']);
    for (const f of [sweep, overlay, depth]) expect(f.formulas).toEqual({ squareplus });
    expect(config.figures[0].formulas).toEqual({ squareplus });
    expect(() => buildSpec(overlay)).not.toThrow();
    expect(buildSpec(depth).description).toMatch(/Squareplus/);
  });
});

describe('a wrong formula is a one-line config error, exit 2, nothing written', () => {
  const cases: [string, object, RegExp][] = [
    [
      'an unknown name',
      { squareplus: { formula: '(z + sqrt(z^2 + bb)) / 2', params: { b: 4 } } },
      /c\.json: activations\.squareplus\.formula: .*"bb"/,
    ],
    [
      'a parse error, with its position',
      { squareplus: { formula: '(z + sqrt(z^2 + b) / 2', params: { b: 4 } } },
      /c\.json: activations\.squareplus\.formula: .*char/,
    ],
    ['a name that shadows a built-in', { relu: { formula: 'max(z, 0)' } }, /c\.json: activations\.relu: .*built-in/],
    ['a formula not finite on the grid', { logz: { formula: 'log(z + 5)' } }, /c\.json: activations\.logz.*not finite/],
    [
      'a wrong hand-written derivative',
      { sq: { formula: 'z^2', derivative: '3*z' } },
      /c\.json: activations\.sq\.derivative: .*disagrees.* at z = /,
    ],
    ['an unknown key', { sq: { formula: 'z^2', derivate: '2*z' } }, /c\.json: activations\.sq\.derivate: unknown key/],
  ];
  it.each(cases)('%s', (_name, activations, message) => {
    const name = Object.keys(activations)[0];
    const p = project({ activations, figures: [{ id: 'f', grid, panels: [{ series: [name, 'relu'] }] }] });
    const before = snapshot(p.dir);
    const r = p.build();
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(snapshot(p.dir)).toEqual(before);
  });

  it('a formula finite on [-20, 20] but not on the figure’s grid names the figure’s field and z', () => {
    const p = project({
      activations: { wide: { formula: 'exp(z^2 / 4)' } },
      figures: [{ id: 'f', grid: { min: -60, max: 60, samples: 121 }, panels: [{ series: ['wide', 'relu'] }] }],
    });
    const r = p.build();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/c\.json: figures\[0\]\.panels\[0\]\.series\[0\]: wide: .*not finite at z = /);
    expect(existsSync(p.out)).toBe(false);
  });
});

describe('actfig build with a formula', () => {
  it('rebuilds exactly the figures that use a changed formula, and the gallery lists it with typeset formulas', () => {
    const figures = [
      { id: 'uses', grid, panels: [{ series: ['squareplus', 'relu'] }] },
      { id: 'plain', grid, panels: [{ activation: 'tanh' }] },
    ];
    const p = project({ activations: { squareplus }, figures });
    expect(p.build().code).toBe(0);
    const html = readFileSync(join(p.out, 'index.html'), 'utf8');
    expect(html).toMatch(/<tr id="act-squareplus"><th scope="row">Squareplus<br><code>squareplus<\/code> \(formula\)/);
    expect(html.match(/<tr id="act-squareplus">.*?<\/tr>/)![0]).toMatch(
      /<math.*<msqrt>.*<\/math>.*<a href="#fig-uses">/,
    );
    const mtime = (f: string) => statSync(join(p.out, f)).mtimeMs;
    const [uses, plain] = [mtime('uses.svg'), mtime('plain.svg')];
    p.write({ activations: { squareplus: { ...squareplus, params: { b: 1 } } }, figures });
    const r = p.build();
    expect(r.stdout).toMatch(/1 rendered, 1 unchanged/);
    expect(mtime('uses.svg')).toBeGreaterThan(uses);
    expect(mtime('plain.svg')).toBe(plain);
    expect(actfig(['check', '--config', 'c.json'], { cwd: p.dir }).code).toBe(0);
    expect(readdirSync(p.out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('actfig eval --config evaluates it with its parameters', () => {
    const p = project({ activations: { squareplus }, figures: [{ id: 'f', grid, panels: [{ activation: 'relu' }] }] });
    const r = actfig(['eval', 'squareplus', '--config', 'c.json', '--at', '0,3', '--param', 'b=16', '--order', '2'], {
      cwd: p.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const [head, zero, three] = r.stdout.trim().split('\n');
    expect(head).toBe('z,y,dy,d2y');
    expect(zero).toBe('0,2,0.5,0.125');
    expect(three.split(',').map(Number)).toEqual([3, 4, 0.8, 16 / 250]);
    expect(actfig(['eval', 'squareplus', '--at', '0'], { cwd: p.dir }).stderr).toMatch(/unknown activation/);
  });

  it('actfig eval --config refuses a formula that shadows a built-in, as list and build do (exit 2)', () => {
    const figures = [{ id: 'f', grid, panels: [{ activation: 'relu' }] }];
    const p = project({ activations: { softsign: { formula: '2*z' } }, figures });
    const message =
      /^c\.json: activations\.softsign: "softsign" is a built-in activation; give the formula another name\n$/;
    for (const args of [
      ['eval', 'softsign', '--config', 'c.json', '--at', '1'],
      ['list', '--config', 'c.json'],
      ['build', '--config', 'c.json'],
    ]) {
      const r = actfig(args, { cwd: p.dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('actfig eval --config gives the derivatives of issue 28 (guards, stable forms, kinks off the grid)', () => {
    const activations = {
      expq: { formula: 'z == 0 ? 1 : (exp(z)-1)/z' },
      sinc: { formula: 'z == 0 ? 1 : sin(z)/z' },
      lse: { formula: 'log1p(exp(z))' },
      kinked: { formula: 'max(z, z^2 - 1)' },
    };
    const p = project({ activations, figures: [{ id: 'f', grid, panels: [{ activation: 'relu' }] }] });
    const run = (name: string, at: string) => {
      const r = actfig(['eval', name, '--config', 'c.json', '--at', at, '--order', '2'], { cwd: p.dir });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').slice(1);
    };
    expect(run('expq', '0')).toEqual(['0,1,0.5,0.3333333333333333']);
    expect(run('sinc', '0')).toEqual(['0,1,0,-0.3333333333333333']);
    const [z, y, dy, d2y] = run('lse', '400')[0].split(',').map(Number);
    expect([z, y, dy]).toEqual([400, 400, 1]);
    expect(Math.abs(d2y / 1.9151695967140056e-174 - 1)).toBeLessThan(1e-12);
    expect(run('kinked', '1.618033988749895')).toEqual(['1.618033988749895,1.618033988749895,3.23606797749979,2']);
  });
});
