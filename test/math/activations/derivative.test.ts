import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames } from '../../../src/math/activations/registry.ts';
import { act } from '../../helpers.ts';

// f' against a central difference of f, at random points away from every break.
describe.each(activationNames)('%s', (name) => {
  const { a, p, f, df } = act(name);
  const breaks = a.breaks(p).map((b) => b.z);
  it("f'(z) agrees with (f(z+h) - f(z-h)) / 2h away from kinks", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        const h = 1e-5 * Math.max(1, Math.abs(z));
        fc.pre(breaks.every((k) => Math.abs(z - k) > 4 * h));
        const numeric = (f(z + h) - f(z - h)) / (2 * h);
        return Math.abs(numeric - df(z)) <= 1e-6 * Math.max(1, Math.abs(df(z)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('breaks are where the function says they are', () => {
  it("a jump in f or f' is a real discontinuity; a smooth point is not", () => {
    for (const name of activationNames) {
      const { a, p, f, df } = act(name);
      for (const b of a.breaks(p)) {
        const gap = (g: (z: number) => number) => Math.abs(g(b.z + 1e-9) - g(b.z - 1e-9));
        if (b.f === 'jump') expect(gap(f), `${name} f at ${b.z}`).toBeGreaterThan(1e-6);
        else expect(gap(f), `${name} f at ${b.z}`).toBeLessThan(1e-6);
        if (b.df === 'jump') expect(gap(df), `${name} f' at ${b.z}`).toBeGreaterThan(1e-6);
        else expect(gap(df), `${name} f' at ${b.z}`).toBeLessThan(1e-6);
      }
    }
  });

  it("the property table's largest |f'| is attained and not exceeded on a dense grid", () => {
    for (const name of activationNames) {
      const { a, p, df } = act(name);
      const { value, at } = a.properties(p).maxAbsDerivative;
      let max = 0;
      for (let z = -50; z <= 50; z += 0.001) max = Math.max(max, Math.abs(df(z)));
      expect(max, name).toBeLessThanOrEqual(value + 1e-9);
      if (typeof at === 'number') expect(Math.abs(df(at)), name).toBeCloseTo(value, 9);
      else expect(max, name).toBeGreaterThan(value - 1e-3);
    }
  });

  it("gelu's largest slope is at √2, where Φ(√2) + √2 φ(√2) = 1.12891…", () => {
    const { a, p } = act('gelu');
    const m = a.properties(p).maxAbsDerivative;
    expect(m.at as number).toBeCloseTo(Math.SQRT2, 6);
    expect(m.value).toBeCloseTo(1.1289, 4);
  });
});
