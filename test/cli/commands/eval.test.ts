import { describe, expect, it } from 'vitest';
import { actfig } from '../../cli.ts';
import { oneLine } from '../../project.ts';
import { linspace } from '../../../src/math/grid.ts';

const rows = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));

describe('actfig eval', () => {
  it('prints z,y,dy as CSV in input order, with negative values typed as people type them', () => {
    const r = actfig(['eval', 'relu', '--at', '-1,0,2.5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('z,y,dy\n-1,0,0\n0,0,0\n2.5,2.5,1\n');
  });

  it('--min -10 --max 10 --samples 400 is numpy.linspace, numbers in shortest round-trip form', () => {
    const r = actfig(['eval', 'sigmoid', '--min', '-10', '--max', '10', '--samples', '400']);
    expect(r.code).toBe(0);
    const table = rows(r.stdout);
    expect(table.map((row) => row[0])).toEqual(Array.from(linspace(-10, 10, 400)));
    // Every number is printed so that it parses back to the same double: JavaScript's shortest form.
    const printed = r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .flatMap((line) => line.split(','));
    for (const text of printed) expect(String(Number(text))).toBe(text);
    // sigmoid(-10) = 1/(1 + e^10) = 4.5397868702434395e-5 (to 17 digits), and σ' = σ(1 - σ).
    expect(table[0][1]).toBeCloseTo(4.5397868702434395e-5, 18);
    for (const [, y, dy] of table) expect(Math.abs(dy - y * (1 - y))).toBeLessThan(1e-15);
  });

  it('--step is numpy.arange (end excluded); --kinks adds the kink points', () => {
    expect(
      rows(actfig(['eval', 'relu', '--min', '-1', '--max', '1', '--step', '0.5']).stdout).map((r) => r[0]),
    ).toEqual([-1, -0.5, 0, 0.5]);
    const r = actfig(['eval', 'hardtanh', '--min', '-2', '--max', '2', '--samples', '4', '--kinks']);
    const g = linspace(-2, 2, 4);
    expect(rows(r.stdout).map((row) => row[0])).toEqual([g[0], -1, g[1], g[2], 1, g[3]]);
  });

  it("--param sets parameters; kinks have PyTorch's derivative", () => {
    expect(actfig(['eval', 'leaky_relu', '--param', 'negative_slope=0.2', '--at', '-1,0']).stdout).toBe(
      'z,y,dy\n-1,-0.2,0.2\n0,0,0.2\n',
    );
    expect(actfig(['eval', 'gelu', '--param', 'approximate=tanh', '--at', '0']).stdout).toBe('z,y,dy\n0,0,0.5\n');
    // PyTorch 2.x's hardswish_backward: the outer pieces' slopes at ±3.
    expect(actfig(['eval', 'hardswish', '--at', '-3,3']).stdout).toBe('z,y,dy\n-3,0,0\n3,3,1\n');
  });

  it("--order 2 adds f'' as a fourth column, d2y: PyTorch's double backward, 0 at relu's kink", () => {
    const r = actfig(['eval', 'relu', '--at', '-1,0,2.5', '--order', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('z,y,dy,d2y\n-1,0,0,0\n0,0,0,0\n2.5,2.5,1,0\n');
    // hardswish'' is 1/3 strictly inside (-3, 3); elu''(0) is 0 (autograd's mask is z < 0), elu'(0) is 1.
    expect(actfig(['eval', 'hardswish', '--order=2', '--at', '-3,0,3']).stdout).toBe(
      'z,y,dy,d2y\n-3,0,0,0\n0,0,0.5,0.3333333333333333\n3,3,1,0\n',
    );
    expect(actfig(['eval', 'elu', '--order', '2', '--at', '-1,0']).stdout).toBe(
      `z,y,dy,d2y\n-1,${Math.expm1(-1)},${Math.exp(-1)},${Math.exp(-1)}\n0,0,1,0\n`,
    );
  });

  it("--order 2 on a grid: σ'' = σ'(1 - 2σ), each number in shortest round-trip form; --kinks still works", () => {
    const r = actfig(['eval', 'sigmoid', '--min', '-10', '--max', '10', '--samples', '400', '--order', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('z,y,dy,d2y');
    const table = rows(r.stdout);
    expect(table).toHaveLength(400);
    expect(table.map((row) => row[0])).toEqual(Array.from(linspace(-10, 10, 400)));
    for (const [, y, dy, d2y] of table) expect(Math.abs(d2y - dy * (1 - 2 * y))).toBeLessThan(1e-15);
    for (const text of r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .flatMap((line) => line.split(',')))
      expect(String(Number(text))).toBe(text);
    const k = actfig(['eval', 'hardtanh', '--min', '-2', '--max', '2', '--samples', '4', '--kinks', '--order', '2']);
    expect(rows(k.stdout).map((row) => row.length)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(rows(k.stdout).map((row) => row[3])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('--order 1 prints exactly what no --order prints: z,y,dy', () => {
    for (const args of [
      ['eval', 'relu', '--at', '-1,0,2.5'],
      ['eval', 'gelu', '--param', 'approximate=tanh', '--min', '-3', '--max', '3', '--step', '0.25', '--kinks'],
    ]) {
      const plain = actfig(args);
      expect(plain.stdout.split('\n')[0]).toBe('z,y,dy');
      expect(actfig([...args, '--order', '1']).stdout).toBe(plain.stdout);
      expect(actfig([...args, '--order=1']).stdout).toBe(plain.stdout);
    }
  });

  it.each(['3', '0', '2.0', '02', 'two', '-1', '1,2'])('--order %j: exit 2, one line naming the value', (order) => {
    const r = actfig(['eval', 'relu', '--at', '1', '--order', order]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`actfig eval: --order: must be 1 or 2, got "${order}"\n`);
  });

  it('the swish alias evaluates silu', () => {
    expect(actfig(['eval', 'swish', '--at', '1']).stdout).toBe(actfig(['eval', 'silu', '--at', '1']).stdout);
  });

  it.each([
    [['eval', 'sigmoidd', '--at', '1'], /NAME: unknown activation "sigmoidd" \(did you mean "sigmoid"\?\)/],
    [['eval', 'relu', '--param', 'alpha=1', '--at', '1'], /--param alpha: relu has no parameter "alpha"/],
    [['eval', 'elu', '--param', 'alpha=abc', '--at', '1'], /--param alpha: must be a finite number/],
    [['eval', 'softplus', '--param', 'beta=0', '--at', '1'], /--param beta: must not be 0/],
    [['eval', 'relu', '--at', '1,x'], /--at: "x" is not a finite number/],
    [['eval', 'relu', '--at', '1,Infinity'], /--at: "Infinity" is not a finite number/],
    [['eval', 'relu', '--min', '-1', '--max', '1', '--samples', '1'], /--samples: must be an integer ≥ 2/],
    [['eval', 'relu', '--min', '1', '--max', '1', '--samples', '5'], /--max: must be greater than --min/],
    [['eval', 'relu', '--min', 'NaN', '--max', '1', '--samples', '5'], /--min: must be a finite number/],
    [['eval', 'relu', '--min', '0', '--max', '1', '--samples', '1000001'], /--samples: at most 1000000 points/],
    [['eval', 'relu', '--min', '0', '--max', '1', '--step', '1e-7'], /--step: makes 10000000 points/],
    [['eval', 'relu', '--min', '0', '--max', '1', '--bogus', '1'], /Unknown option `--bogus`/],
    [['eval', 'relu', '--at', '1', '--order', '3'], /--order: must be 1 or 2, got "3"/],
    [['eval', 'relu', '--at', '1', '--order', ''], /--order/],
    [['eval', 'relu', '--at', '1', '--order'], /--order: missing its value/],
  ])('refuses %j with exit 2 and one line naming the argument', (args, message) => {
    const r = actfig(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('numbers: no NaN or Infinity', () => {
  it('eval relu --min -1e308 --max 1e308 --samples 5: exit 2, nothing on stdout', () => {
    const r = actfig(['eval', 'relu', '--min', '-1e308', '--max', '1e308', '--samples', '5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(/--min|--max/);
  });
});
