import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arange, linspace, sample, withBreaks } from '../../src/math/grid.ts';

const grids = JSON.parse(readFileSync(new URL('../fixtures/torch.json', import.meta.url), 'utf8')).grids as Record<
  string,
  number[]
>;

describe('linspace(min, max, samples) is numpy.linspace to the last bit', () => {
  it('linspace(-10, 10, 400): ends, middle and neighbours as numpy prints them', () => {
    const z = linspace(-10, 10, 400);
    expect(z.length).toBe(400);
    expect(z[0]).toBe(-10);
    expect(z[1]).toBe(-9.949874686716791);
    expect(z[199]).toBe(-0.02506265664160523);
    expect(z[200]).toBe(0.025062656641603454);
    expect(z[398]).toBe(9.94987468671679);
    expect(z[399]).toBe(10);
  });

  it('linspace(-5, 5, 100): ends and middle as numpy prints them', () => {
    const z = linspace(-5, 5, 100);
    expect(z[0]).toBe(-5);
    expect(z[1]).toBe(-4.898989898989899);
    expect(z[49]).toBe(-0.050505050505050164);
    expect(z[50]).toBe(0.050505050505050164);
    expect(z[98]).toBe(4.8989898989899);
    expect(z[99]).toBe(5);
  });

  it.each(Object.entries(grids))("%s equals numpy's whole array", (label, expected) => {
    const [, fn, args] = /^(\w+)\((.*)\)$/.exec(label)!;
    const [a, b, c] = args.split(',').map(Number);
    const z = fn === 'linspace' ? linspace(a, b, c) : arange(a, b, c);
    expect(Array.from(z)).toEqual(expected);
  });
});

describe('arange and explicit points', () => {
  it('arange(min, max, step) excludes max, like numpy and torch', () => {
    expect(Array.from(arange(0, 1, 0.25))).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange(0, 1, 0.3).length).toBe(4);
  });
  it('explicit points keep their order', () => {
    expect(Array.from(sample({ points: [3, -1, 2] }))).toEqual([3, -1, 2]);
  });
});

describe('withBreaks(z, breaks)', () => {
  it('inserts break points inside the range, once, in order', () => {
    const z = withBreaks(linspace(-1, 1, 4), [
      { z: 0, f: 'kink', df: 'jump' },
      { z: 5, f: 'kink', df: 'jump' },
    ]);
    const g = linspace(-1, 1, 4);
    expect(Array.from(z)).toEqual([g[0], g[1], 0, g[2], g[3]]);
  });
  it('does not repeat a break that is already on the grid', () => {
    const z = withBreaks(linspace(-1, 1, 5), [{ z: 0, f: 'kink', df: 'jump' }]);
    expect(z.length).toBe(5);
  });
});
