// f'' (PyTorch's double backward) against the 60-digit reference, central differences of f', and the
// values autograd returns at kinks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames } from '../../../src/math/activations/registry.ts';
import { nextDown, nextUp } from '../../../src/math/activations/math.ts';
import { evaluate } from '../../../src/math/evaluate.ts';
import { ref2 } from '../../reference.ts';
import { act, close } from '../../helpers.ts';
import { type Case, cases, label, points } from './cases.ts';

const REL = 1e-10;

describe.each(cases)("%s %o: f'' matches a 60-digit reference", (name, params) => {
  const { a, p } = act(name, params);
  const d2f = (z: number) => a.d2f(z, p);

  it(`${label([name, params])}: f'' within ${REL} at fixed points from -1e15 to 1e15`, () => {
    for (const z of points) {
      const expected = ref2(name, z, p);
      expect(close(d2f(z), expected, REL), `f''(${z}) = ${d2f(z)}, expected ${expected}`).toBe(true);
    }
  });

  it(`${label([name, params])}: f'' within ${REL} at random points`, () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), (z) => {
        const expected = ref2(name, z, p);
        // Next to a zero of f'' (gelu's at ±√2, silu's, mish's) the true value is tiny and any rounding
        // is relatively large: compare to the scale of f'' there.
        return close(d2f(z), expected, REL) || (Math.abs(expected) < 1e-3 && Math.abs(d2f(z) - expected) <= 1e-15);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

// softplus also changes formula where β·z reaches threshold (f' jumps there by 1 - σ(threshold), about 2e-9),
// a point its breaks leave out because no figure could show it.
const avoid = (name: string, p: Record<string, number | string>, breaks: number[]) =>
  name === 'softplus' ? [...breaks, (p.threshold as number) / (p.beta as number)] : breaks;

describe.each(cases)("%s %o: f'' is the slope of f'", (name, params) => {
  const { a, p, df } = act(name, params);
  const kinks = avoid(
    name,
    p,
    a.breaks(p).map((b) => b.z),
  );
  it("f''(z) agrees with (f'(z+h) - f'(z-h)) / 2h away from kinks", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        const h = 1e-5 * Math.max(1, Math.abs(z));
        fc.pre(kinks.every((k) => Math.abs(z - k) > 4 * h));
        const numeric = (df(z + h) - df(z - h)) / (2 * h);
        const exact = a.d2f(z, p);
        return Math.abs(numeric - exact) <= 1e-6 * Math.max(1, Math.abs(exact));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe("f'' at kinks is what PyTorch's double backward returns", () => {
  const scale = 1.0507009873554804934193349852946;
  const alpha = 1.6732632423543772848170429916717;
  // Piecewise-linear: the double backward of relu's, hardtanh's, leaky_relu's, ... backward is zeros_like.
  const linear: Case[] = [
    ['relu', {}],
    ['relu6', {}],
    ['leaky_relu', {}],
    ['leaky_relu', { negative_slope: 0.2 }],
    ['prelu', {}],
    ['prelu', { weight: -0.5 }],
    ['rrelu', {}],
    ['hardtanh', {}],
    ['hardtanh', { min_val: -2, max_val: 0.5 }],
    ['hardsigmoid', {}],
    ['softshrink', {}],
    ['softshrink', { lambd: 0 }],
    ['hardshrink', {}],
    ['hardshrink', { lambd: 2 }],
    ['threshold', {}],
    ['threshold', { threshold: 1, value: -2 }],
  ];
  it.each(linear)("%s %o: f'' is 0 everywhere, at every kink and either side of it", (name, params) => {
    const { a, p } = act(name, params);
    const zs = [...points, ...a.breaks(p).flatMap((b) => [nextDown(b.z), b.z, nextUp(b.z)])];
    for (const z of zs) expect(a.d2f(z, p), `${name}''(${z})`).toBe(0);
  });

  it.each([
    // elu_double_backward masks with z < 0: f''(0) = 0 while f'(0) = alpha.
    ['elu', {}, 0, 0],
    ['elu', {}, -0, 0],
    ['elu', {}, -Number.MIN_VALUE, 1],
    ['elu', { alpha: 0.5 }, 0, 0],
    ['elu', { alpha: 0.5 }, -1e-300, 0.5],
    ['celu', {}, 0, 0],
    ['celu', { alpha: 2 }, -1e-300, 0.5],
    ['selu', {}, 0, 0],
    ['selu', {}, -1e-300, scale * alpha],
    // hardswish: 1/3 strictly inside (-3, 3), 0 at ±3 (where f' is 0 and 1, PyTorch 2.x's).
    ['hardswish', {}, -3, 0],
    ['hardswish', {}, 3, 0],
    ['hardswish', {}, nextUp(-3), 1 / 3],
    ['hardswish', {}, nextDown(3), 1 / 3],
    ['hardswish', {}, 0, 1 / 3],
    ['hardswish', {}, -3.5, 0],
    ['hardswish', {}, 3.5, 0],
    // softsign: autograd through |z| takes sign(0) = 0, between the one-sided limits 2 and -2.
    ['softsign', {}, 0, 0],
    ['softsign', {}, -0, 0],
    // softplus: zero from β·z = threshold on (f' there is still σ(threshold)).
    ['softplus', {}, 20, 0],
    ['softplus', {}, 20.5, 0],
    ['softplus', { beta: 2, threshold: 10 }, 5, 0],
  ])("%s %o: f''(%d) = %d", (name, params, z, expected) => {
    const { a, p } = act(name as string, params as Record<string, number>);
    expect(a.d2f(z as number, p)).toBe(expected);
  });

  it("softplus just below its threshold has the curved piece's f''", () => {
    const { a, p } = act('softplus');
    const z = nextDown(20);
    expect(a.d2f(z, p)).toBeCloseTo(Math.exp(-20) / (1 + Math.exp(-20)) ** 2, 20);
    expect(a.d2f(z, p)).toBeGreaterThan(0);
  });
});

describe("known values of f''", () => {
  const sqrt2pi = Math.sqrt(2 * Math.PI);
  it.each([
    ['sigmoid', {}, 0, 0],
    ['sigmoid', {}, Math.log(3), -0.09375], // σ = 3/4: σ(1 - σ)(1 - 2σ) = 3/16 · -1/2
    ['tanh', {}, 0, 0],
    ['tanhshrink', {}, 0, 0],
    ['softplus', {}, 0, 0.25],
    ['softplus', { beta: 2, threshold: 20 }, 0, 0.5],
    ['logsigmoid', {}, 0, -0.25],
    ['silu', {}, 0, 0.5],
    ['gelu', {}, 0, 2 / sqrt2pi],
    ['gelu', {}, 1, 1 / sqrt2pi / Math.exp(0.5)], // φ(1)(2 - 1)
    ['gelu', { approximate: 'tanh' }, 0, Math.sqrt(2 / Math.PI)], // sech²(0)·u'(0) = √(2/π)
    ['mish', {}, 0, 0.64], // sech²(ln 2)·2σ(0) = (1 - 0.36)·1
    ['softsign', {}, 1, -0.25],
    ['softsign', {}, -1, 0.25],
    ['elu', {}, -1, Math.exp(-1)],
    ['celu', { alpha: 2 }, -2, Math.exp(-1) / 2],
    ['hardswish', {}, 1, 1 / 3],
  ])("%s %o: f''(%d) = %d", (name, params, z, expected) => {
    const { a, p } = act(name as string, params as Record<string, number | string>);
    expect(a.d2f(z as number, p)).toBeCloseTo(expected as number, 15);
  });

  it("sigmoid'' = σ'(1 - 2σ) and tanh'' = -2 tanh·tanh' where neither form cancels", () => {
    const s = act('sigmoid');
    const t = act('tanh');
    for (const z of [-3, -0.7, 0.2, 1, 4]) {
      expect(s.a.d2f(z, s.p)).toBeCloseTo(s.df(z) * (1 - 2 * s.f(z)), 15);
      expect(t.a.d2f(z, t.p)).toBeCloseTo(-2 * t.f(z) * t.df(z), 15);
    }
  });
});

describe("f'' stays finite", () => {
  it('for every activation at ±1e200, ±1e300 and ±Number.MAX_VALUE', () => {
    for (const [name, params] of cases) {
      const { a, p } = act(name, params);
      for (const z of [-Number.MAX_VALUE, -1e300, -1e200, 1e200, 1e300, Number.MAX_VALUE]) {
        expect(Number.isFinite(a.d2f(z, p)), `${label([name, params])}''(${z})`).toBe(true);
      }
    }
  });

  it("and reaches its limit 0 in the tails, where φ, sech² or σ' underflow", () => {
    for (const name of ['sigmoid', 'tanh', 'gelu', 'silu', 'mish', 'logsigmoid', 'tanhshrink', 'softplus']) {
      const { a, p } = act(name);
      for (const z of [-1e5, 1e5]) expect(Math.abs(a.d2f(z, p)), `${name}''(${z})`).toBe(0);
    }
  });
});

describe("breaks say what f'' does", () => {
  const extra: Case[] = [
    ['elu', { alpha: 0 }],
    ['elu', { alpha: 2 }],
    ['softshrink', { lambd: 0 }],
    ['hardshrink', { lambd: 0 }],
    ['leaky_relu', { negative_slope: 1 }],
  ];
  it.each([...cases, ...extra])(
    "%s %o: a jump in f'' is a real discontinuity; a smooth point is not",
    (name, params) => {
      const { a, p } = act(name, params);
      for (const b of a.breaks(p)) {
        expect(['jump', 'kink', 'smooth'], `${name} at ${b.z}`).toContain(b.d2f);
        const gap = Math.abs(a.d2f(b.z + 1e-9, p) - a.d2f(b.z - 1e-9, p));
        if (b.d2f === 'jump') expect(gap, `${name} f'' at ${b.z}`).toBeGreaterThan(1e-6);
        else expect(gap, `${name} f'' at ${b.z}`).toBeLessThan(1e-6);
      }
    },
  );

  it("elu's f'' jumps at 0 unless alpha = 0 (when it is relu); hardswish's at ±3; relu's does not", () => {
    expect(act('elu').a.breaks(act('elu').p)[0].d2f).toBe('jump');
    expect(act('elu', { alpha: 0 }).a.breaks(act('elu', { alpha: 0 }).p)[0].d2f).toBe('smooth');
    expect(
      act('hardswish')
        .a.breaks({})
        .map((b) => b.d2f),
    ).toEqual(['jump', 'jump']);
    expect(
      act('relu')
        .a.breaks({})
        .map((b) => b.d2f),
    ).toEqual(['smooth']);
    expect(
      act('softsign')
        .a.breaks({})
        .map((b) => b.d2f),
    ).toEqual(['jump']);
  });

  it('every activation gives d2f at each of its breaks', () => {
    for (const name of activationNames) {
      const { a, p } = act(name);
      for (const b of a.breaks(p)) expect(b.d2f, name).toBeDefined();
    }
  });
});

describe('evaluate', () => {
  const z = Float64Array.from([-3, -1, 0, 0.5, 3, 10]);
  it('adds d2y only when asked for, equal to d2f at each point; y and dy are unchanged', () => {
    for (const [name, params] of cases) {
      const { a, p } = act(name, params);
      const first = evaluate(a, p, z);
      const second = evaluate(a, p, z, { second: true });
      expect(Object.keys(first)).toEqual(['y', 'dy']);
      expect(second.y).toEqual(first.y);
      expect(second.dy).toEqual(first.dy);
      expect(Array.from(second.d2y)).toEqual(Array.from(z, (v) => a.d2f(v, p)));
      expect(Object.keys(evaluate(a, p, z, { second: false }))).toEqual(['y', 'dy']);
    }
  });
});
