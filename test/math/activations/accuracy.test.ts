import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames } from '../../../src/math/activations/registry.ts';
import { ref } from '../../reference.ts';
import { act, close } from '../../helpers.ts';
import { cases, label, points } from './cases.ts';

describe.each(cases)('%s %o matches a 60-digit reference', (name, params) => {
  const { f, df, p } = act(name, params);

  it(`${label([name, params])}: f and f' within 1e-12 at fixed points from -1e15 to 1e15`, () => {
    for (const z of points) {
      const [y, dy] = ref(name, z, p);
      expect(close(f(z), y), `f(${z}) = ${f(z)}, expected ${y}`).toBe(true);
      expect(close(df(z), dy), `f'(${z}) = ${df(z)}, expected ${dy}`).toBe(true);
    }
  });

  it(`${label([name, params])}: f and f' within 1e-12 at random points`, () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), (z) => {
        const [y, dy] = ref(name, z, p);
        // Next to a zero of f' the true value is tiny and any rounding is relatively large:
        // compare to the scale of f' there.
        const nearRoot = (v: number, scale: number) => Math.abs(v) < 1e-3 * scale;
        const fOk =
          close(f(z), y) || (nearRoot(y, Math.abs(z)) && Math.abs(f(z) - y) <= 1e-15 * Math.max(1, Math.abs(z)));
        const dfOk = close(df(z), dy) || (nearRoot(dy, 1) && Math.abs(df(z) - dy) <= 1e-15);
        return fOk && dfOk;
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('no NaN or Infinity where the true value is finite', () => {
  it.each([
    ['sigmoid', -1000],
    ['softplus', 1000],
    ['logsigmoid', -1000],
    ['mish', 1000],
    ['mish', -1000],
    ['gelu', -40],
    ['selu', -1000],
  ])('%s(%d) is finite, as is its derivative', (name, z) => {
    const { f, df } = act(name);
    expect(Number.isFinite(f(z))).toBe(true);
    expect(Number.isFinite(df(z))).toBe(true);
  });

  it('every activation stays finite at ±1e300', () => {
    for (const name of activationNames) {
      for (const params of [{}, ...(name === 'gelu' ? [{ approximate: 'tanh' }] : [])]) {
        const { f, df } = act(name, params);
        for (const z of [-1e300, -1e200, 1e200, 1e300]) {
          expect(Number.isFinite(f(z)), `${name}(${z})`).toBe(true);
          expect(Number.isFinite(df(z)), `${name}'(${z})`).toBe(true);
        }
      }
    }
  });

  it('the documented extremes have their limiting values', () => {
    expect(act('sigmoid').f(-1000)).toBe(0);
    expect(act('softplus').f(1000)).toBe(1000);
    expect(act('logsigmoid').f(-1000)).toBe(-1000);
    expect(act('mish').f(1000)).toBe(1000);
    expect(act('selu').f(-1000)).toBeCloseTo(-1.0507009873554805 * 1.6732632423543772, 15);
  });
});
