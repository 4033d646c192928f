import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { nextDown, nextUp } from '../../src/math/activations/math.ts';
import { type Activation, activations, knownNames, type ParamValues } from '../../src/math/activations/registry.ts';
import { evaluate } from '../../src/math/evaluate.ts';
import { linspace } from '../../src/math/grid.ts';
import { resolveParams } from '../../src/math/params.ts';
import { parseFormula } from '../../src/math/formula/parse.ts';
import {
  checkFinite,
  checkFormulaName,
  compileFormula,
  type FormulaDefinition,
  FormulaError,
  findNonFinite,
  formulaKey,
} from '../../src/math/formula/index.ts';

// The activations compiled here, for the KaTeX check at the end: every fixed one and the first few random
// ones (typesetting f' runs mathjs's simplify, tens of milliseconds each).
const compiled: Activation<ParamValues>[] = [];
let randomOnes = 0;
function compile(def: FormulaDefinition, name = 'custom', random = false): Activation<ParamValues> {
  const a = compileFormula(name, def);
  if (!random || randomOnes++ < 12) compiled.push(a);
  return a;
}
const defaults = (a: Activation<ParamValues>): ParamValues =>
  Object.fromEntries(Object.entries(a.params).map(([k, spec]) => [k, spec.default]));

/** |a - b| within tol of |b|, or of 1 where |b| < 1 (values near 0 compare absolutely). */
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** The error `fn` throws: a FormulaError, with its field. */
function formulaError(fn: () => unknown): FormulaError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FormulaError);
    return error as FormulaError;
  }
  throw new Error('expected a FormulaError');
}

describe('built-ins written as formulas', () => {
  // Measured worst differences on linspace(-10, 10, 401) plus the kinks, as |a - b| / max(1, |b|):
  // 4.4e-16 for f, f' and f'' of every case (sigmoid, tanh, softplus, GELU-tanh, SiLU, Mish; 0 for the
  // piecewise-linear ones). The tolerances leave a margin for other platforms' Math.exp and Math.tanh.
  const TOL = { f: 1e-14, df: 1e-14, d2f: 1e-13 };
  const cases: {
    builtin: keyof typeof activations;
    builtinParams?: ParamValues;
    def: FormulaDefinition;
    zs?: number[];
  }[] = [
    { builtin: 'sigmoid', def: { formula: '1/(1+exp(-z))' } },
    { builtin: 'tanh', def: { formula: 'tanh(z)' } },
    // log1p, as a careful user writes it: log(1 + exp(βz)) loses relative accuracy where exp(βz) is
    // below an ulp of 1 (5e-12 relative at z = -10). |βz| stays below PyTorch's threshold of 20, above
    // which the built-in returns z itself.
    {
      builtin: 'softplus',
      builtinParams: { beta: 1, threshold: 20 },
      def: { formula: 'log1p(exp(beta*z))/beta', params: { beta: 1 } },
    },
    {
      builtin: 'softplus',
      builtinParams: { beta: 2, threshold: 20 },
      def: { formula: 'log1p(exp(beta*z))/beta', params: { beta: 2 } },
      zs: [...linspace(-9.5, 9.5, 381)],
    },
    // As PyTorch writes it. 1 + tanh(u) cancels for very negative z (the built-in uses 2σ(2u)): at
    // z = -10 it is 0 where the built-in gives -1.6e-37, within the absolute floor but not relatively.
    {
      builtin: 'gelu',
      builtinParams: { approximate: 'tanh' },
      def: { formula: '0.5*z*(1+tanh(sqrt(2/pi)*(z+0.044715*z^3)))' },
    },
    { builtin: 'silu', def: { formula: 'z/(1+exp(-z))' } },
    { builtin: 'mish', def: { formula: 'z*tanh(log1p(exp(z)))' } },
    {
      builtin: 'leaky_relu',
      builtinParams: { negative_slope: 0.01 },
      def: { formula: 'max(z, a*z)', params: { a: 0.01 } },
      zs: [0, nextDown(0), nextUp(0), -1e-300, 1e-300],
    },
    { builtin: 'relu', def: { formula: 'max(z, 0)' }, zs: [0, nextDown(0), nextUp(0)] },
    // hardtanh'(±1) is 0 in PyTorch, which no one-sided convention gives at both ends: compared off the kinks.
    {
      builtin: 'hardtanh',
      builtinParams: { min_val: -1, max_val: 1 },
      def: { formula: 'min(max(z, -1), 1)' },
      zs: [...linspace(-10, 10, 400)],
    },
  ];

  for (const { builtin, builtinParams = {}, def, zs } of cases) {
    it(`${builtin}: ${def.formula}`, () => {
      const a = compile(def, `my_${builtin}`);
      const ref = activations[builtin] as unknown as Activation<ParamValues>;
      const p = defaults(a);
      const points = zs ?? [...linspace(-10, 10, 401), nextDown(0), nextUp(0)];
      for (const z of points) {
        for (const key of ['f', 'df', 'd2f'] as const) {
          const [got, want] = [a[key](z, p), ref[key](z, builtinParams)];
          expect(close(got, want, TOL[key]), `${key}(${z}) = ${got}, built-in ${want}`).toBe(true);
        }
      }
    });
  }

  it("takes the left piece's derivative at a kink, as PyTorch: relu'(0) = 0, leaky_relu'(0) = slope", () => {
    const relu = compile({ formula: 'max(z, 0)' });
    const leaky = compile({ formula: 'max(z, a*z)', params: { a: 0.01 } });
    expect(relu.df(0, {})).toBe(0);
    expect(leaky.df(0, { a: 0.01 })).toBe(0.01);
    // Whichever way the comparison is written, and when the slope makes the pieces swap sides.
    expect(compile({ formula: 'z >= 0 ? z : 0' }).df(0, {})).toBe(0);
    expect(compile({ formula: '0 < z ? z : 0' }).df(0, {})).toBe(0);
    expect(compile({ formula: 'max(z, a*z)', params: { a: 2 } }).df(0, { a: 2 })).toBe(1);
    // f'' is 0 on linear pieces and at their kinks.
    expect(relu.d2f(0, {})).toBe(0);
    expect(leaky.d2f(0, { a: 0.01 })).toBe(0);
  });

  it("takes the right piece's with kink: 'right'", () => {
    expect(compile({ formula: 'max(z, 0)', kink: 'right' }).df(0, {})).toBe(1);
    expect(compile({ formula: 'z > 0 ? z : 0', kink: 'right' }).df(0, {})).toBe(1);
    expect(compile({ formula: 'max(z, a*z)', params: { a: 0.01 }, kink: 'right' }).df(0, { a: 0.01 })).toBe(1);
    const hardtanh = compile({ formula: 'min(max(z, -1), 1)', kink: 'right' });
    expect([hardtanh.df(-1, {}), hardtanh.df(1, {})]).toEqual([1, 0]);
  });

  it('compares exactly, not with mathjs’s default tolerance', () => {
    const step = compile({ formula: 'z > 1 ? 1 : 0' });
    expect([step.f(1, {}), step.f(nextUp(1), {})]).toEqual([0, 1]);
    expect(compile({ formula: 'max(z, 0)' }).f(1e-300, {})).toBe(1e-300);
  });

  it('works with the code that evaluates built-ins', () => {
    const a = compile({ formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 }, label: 'Smooth ReLU' });
    expect(a.displayName).toBe('Smooth ReLU');
    expect(compile({ formula: 'z' }, 'identity').displayName).toBe('identity');
    expect(a.params).toEqual({
      b: { kind: 'number', default: 4, description: 'formula parameter', check: expect.any(Function) },
    });
    const p = resolveParams(a, { b: '1' });
    expect(p).toEqual({ b: 1 });
    const { y, dy, d2y } = evaluate(a, p, Float64Array.of(0, 3), { second: true });
    expect([...y]).toEqual([0.5, (3 + Math.sqrt(10)) / 2]);
    expect(close(dy[1], (1 + 3 / Math.sqrt(10)) / 2, 1e-15)).toBe(true);
    expect(close(d2y[1], 1 / (2 * 10 ** 1.5), 1e-15)).toBe(true);
    expect(a.breaks(p)).toEqual([]);
  });
});

describe('symbolic derivatives', () => {
  // Smooth pieces that stay finite and moderate on [-3, 3], nested at random.
  const unary: ((u: string) => string)[] = [
    (u) => `tanh(${u})`,
    (u) => `sin(${u})`,
    (u) => `cos(${u})`,
    (u) => `atan(${u})`,
    (u) => `erf(${u})`,
    (u) => `asinh(${u})`,
    (u) => `exp(tanh(${u}))`,
    (u) => `exp(-(${u})^2 / 4)`,
    (u) => `log(1 + (${u})^2)`,
    (u) => `log1p((${u})^2)`,
    (u) => `sqrt(1 + (${u})^2)`,
    (u) => `expm1(sin(${u}))`,
    (u) => `sinh(tanh(${u}))`,
    (u) => `cosh(atan(${u}))`,
    (u) => `(${u})^2 / 4`,
    (u) => `e^(sin(${u}))`,
    (u) => `pow(cos(${u}), 3)`,
  ];
  const binary: ((a: string, b: string) => string)[] = [
    (a, b) => `(${a}) + (${b})`,
    (a, b) => `(${a}) - (${b})`,
    (a, b) => `(${a}) * (${b})`,
    (a, b) => `(${a}) / (2 + cos(${b}))`,
    (a, b) => `(${a}) / (1 + (${b})^2)`,
    (a, b) => `k * (${a}) + (${b})`,
  ];
  const { expr } = fc.letrec<{ expr: string; leaf: string; one: string; two: string }>((tie) => ({
    expr: fc.oneof({ depthIdentifier: 'formula', maxDepth: 3 }, tie('leaf'), tie('one'), tie('two')),
    leaf: fc.oneof(
      fc.constant('z'),
      fc.integer({ min: 2, max: 20 }).map((n) => `${n / 10} * z`),
      fc.integer({ min: -20, max: 20 }).map((n) => `${n / 10}`),
    ),
    one: fc.tuple(fc.constantFrom(...unary), tie('expr')).map(([f, u]) => f(u)),
    two: fc.tuple(fc.constantFrom(...binary), tie('expr'), tie('expr')).map(([f, a, b]) => f(a, b)),
  }));
  const at = [-2.7, -1.3, -0.4, 0.05, 0.9, 2.2];

  /** f'(z) from f by Richardson's 5-point central difference: error ~h⁴f⁽⁵⁾/30 + ulp(f)/h. */
  const slope = (g: (z: number) => number, z: number, h = 1e-3) =>
    (8 * (g(z + h) - g(z - h)) - (g(z + 2 * h) - g(z - 2 * h))) / (12 * h);

  it("f' and f'' match central differences of f and f' on random smooth formulas", () => {
    fc.assert(
      fc.property(expr, (formula) => {
        const a = compile({ formula, params: { k: 0.7 } }, 'custom', true);
        const p = { k: 0.7 };
        for (const z of at) {
          const f = (t: number) => a.f(t, p);
          const df = (t: number) => a.df(t, p);
          // f is at most ~1e4 here: the difference's rounding (~1e-16·|f|/h) stays near 1e-9.
          const scale = Math.max(1, Math.abs(a.f(z, p)));
          expect(Math.abs(df(z) - slope(f, z)), `f' of ${formula} at ${z}`).toBeLessThanOrEqual(
            1e-6 * Math.max(1, Math.abs(df(z))) + 1e-12 * scale,
          );
          expect(Math.abs(a.d2f(z, p) - slope(df, z)), `f'' of ${formula} at ${z}`).toBeLessThanOrEqual(
            1e-5 * Math.max(1, Math.abs(a.d2f(z, p))) + 1e-11 * scale,
          );
        }
      }),
      { numRuns: 60, seed: 20240611 },
    );
  });

  it('differentiates max, min and abs piece by piece, away from their kinks', () => {
    const pieces = fc.tuple(fc.constantFrom('max', 'min'), expr, expr).map(([m, a, b]) => `${m}(${a}, ${b})`);
    fc.assert(
      fc.property(
        fc.oneof(
          pieces,
          expr.map((u) => `abs(${u}) * z`),
        ),
        (formula) => {
          // Random nests of pieces may pass the documented nesting limit: those are refused, not derived.
          fc.pre(withinLimits(formula));
          const a = compile({ formula, params: { k: 0.7 } }, 'custom', true);
          const p = { k: 0.7 };
          const kinks = a.breaks(p).map((b) => b.z);
          for (const z of at) {
            if (kinks.some((k) => Math.abs(k - z) < 1e-2)) continue;
            const f = (t: number) => a.f(t, p);
            expect(Math.abs(a.df(z, p) - slope(f, z)), `f' of ${formula} at ${z}`).toBeLessThanOrEqual(
              1e-6 * Math.max(1, Math.abs(a.df(z, p))) + 1e-12 * Math.max(1, Math.abs(f(z))),
            );
          }
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  it('gives the derivatives of erf, log1p and expm1, which mathjs does not know', () => {
    const a = compile({ formula: 'erf(z) + log1p(z^2) + expm1(z/2)' });
    const z = 0.7;
    const df = (2 / Math.sqrt(Math.PI)) * Math.exp(-z * z) + (2 * z) / (1 + z * z) + Math.exp(z / 2) / 2;
    expect(close(a.df(z, {}), df, 1e-15)).toBe(true);
  });
});

describe("one rule for f and its derivatives' branches", () => {
  // f' and f'' take the branch that f's value takes (as f computes its comparison, in double precision),
  // except where the comparison's two sides are exactly equal (a kink that a double hits, relu's 0): there
  // the `kink` side's piece; and where an equality guard holds, the other branch's limit.
  const cases: [string, string, string, string][] = [
    // max(a, b) is a > b ? a : b: at 1.618033988749895, where z^2 - 1 rounds to z, the value is z^2 - 1's.
    ['z > z^2 - 1', 'z', 'z^2 - 1', 'max(z, z^2 - 1)'],
    ['exp(z) > 2', 'exp(z)', '2*z', 'exp(z) > 2 ? exp(z) : 2*z'],
    ['sin(z) > 0.5', 'z^3', 'z', 'sin(z) > 0.5 ? z^3 : z'],
    ['z^2 > 2', 'z^2', '4*z', 'z^2 > 2 ? z^2 : 4*z'],
  ];
  for (const [test, a, b, formula] of cases) {
    it(`${formula}: f' and f'' follow f's branch on every double around each crossing`, () => {
      const f = compile({ formula });
      const [fa, fb] = [compile({ formula: a }), compile({ formula: b })];
      const holds = compile({ formula: `${test} ? 1 : 0` });
      const crossings = f.breaks({}).map((k) => k.z);
      expect(crossings.length).toBeGreaterThan(0);
      for (const c of crossings) {
        let z = c;
        for (let i = 0; i < 4; i++) z = nextDown(z);
        for (let i = 0; i < 9; i++, z = nextUp(z)) {
          const branch = holds.f(z, {}) === 1 ? fa : fb;
          expect(f.f(z, {}), `f(${z})`).toBe(branch.f(z, {}));
          expect(f.df(z, {}), `f'(${z})`).toBe(branch.df(z, {}));
          expect(f.d2f(z, {}), `f''(${z})`).toBe(branch.d2f(z, {}));
        }
      }
    });
  }

  it("at an exact tie the kink side's piece; at a guard the other branch's limit", () => {
    // relu's 0 and hardtanh's 1 are ties of the exact values: the convention, not the value's branch.
    expect(compile({ formula: 'max(z, 2*z)' }).df(0, {})).toBe(1);
    expect(compile({ formula: 'max(z, 2*z)', kink: 'right' }).df(0, {})).toBe(2);
    expect(compile({ formula: 'min(z, 1)', kink: 'right' }).df(1, {})).toBe(0);
    const guard = compile({ formula: 'z == 0 ? 1 : (exp(z) - 1)/z' });
    expect([guard.f(0, {}), guard.df(0, {}), guard.d2f(0, {})]).toEqual([1, 0.5, 1 / 3]);
  });
});

describe('breaks', () => {
  it('max(z, 0) has one kink, at 0', () => {
    expect(compile({ formula: 'max(z, 0)' }).breaks({})).toEqual([{ z: 0, f: 'kink', df: 'jump', d2f: 'smooth' }]);
  });

  it('z > 1 ? 1 : 0 jumps at 1', () => {
    expect(compile({ formula: 'z > 1 ? 1 : 0' }).breaks({})).toEqual([
      { z: 1, f: 'jump', df: 'smooth', d2f: 'smooth' },
    ]);
  });

  it('min(max(z, -1), 1) (hardtanh) has kinks at ±1, as the built-in', () => {
    const a = compile({ formula: 'min(max(z, -1), 1)' });
    expect(a.breaks({})).toEqual(activations.hardtanh.breaks({ min_val: -1, max_val: 1 }));
  });

  it('follows the parameters, and smooth formulas have none', () => {
    const a = compile({ formula: 'min(max(z, lo), hi)', params: { lo: -1, hi: 1 } });
    expect(a.breaks({ lo: -0.3, hi: 2.5 }).map((b) => b.z)).toEqual([-0.3, 2.5]);
    expect(compile({ formula: 'tanh(z) * z' }).breaks({})).toEqual([]);
    // A comparison that decides nothing is no break.
    expect(compile({ formula: 'z > 0 ? exp(z) : exp(z)' }).breaks({})).toEqual([]);
  });

  it('finds crossings of non-linear sides to the last bit, and solves linear ones anywhere', () => {
    const a = compile({ formula: 'z^2 > 2 ? 1 : 0' });
    const zs = a.breaks({}).map((b) => b.z);
    expect(zs).toHaveLength(2);
    expect(Math.abs(zs[0] + Math.SQRT2)).toBeLessThanOrEqual(2.3e-16);
    expect(Math.abs(zs[1] - Math.SQRT2)).toBeLessThanOrEqual(2.3e-16);
    expect(
      compile({ formula: '3*z > 1.5e6 ? z : 0' })
        .breaks({})
        .map((b) => b.z),
    ).toEqual([5e5]);
  });

  it("says where f' or only f'' breaks: ELU (alpha 1) is C¹, z³ for z > 0 is C²", () => {
    const elu = compile({ formula: 'z > 0 ? z : alpha * expm1(z)', params: { alpha: 1 } });
    expect(elu.breaks({ alpha: 1 })).toEqual(activations.elu.breaks({ alpha: 1 }));
    expect(elu.breaks({ alpha: 2 })).toEqual(activations.elu.breaks({ alpha: 2 }));
    expect(elu.properties({ alpha: 1 }).smoothness).toBe('C¹');
    const cube = compile({ formula: 'z > 0 ? z^3 : 0' });
    expect(cube.breaks({})).toEqual([{ z: 0, f: 'smooth', df: 'smooth', d2f: 'kink' }]);
    expect(cube.properties({}).smoothness).toBe('C²');
  });
});

describe('properties', () => {
  const same: [keyof typeof activations, ParamValues, FormulaDefinition][] = [
    ['relu', {}, { formula: 'max(z, 0)' }],
    ['leaky_relu', { negative_slope: 0.01 }, { formula: 'max(z, a*z)', params: { a: 0.01 } }],
    ['sigmoid', {}, { formula: '1/(1+exp(-z))' }],
    ['tanh', {}, { formula: 'tanh(z)' }],
    ['softplus', { beta: 1, threshold: 20 }, { formula: 'log1p(exp(z))' }],
    ['threshold', { threshold: 0, value: 0.5 }, { formula: 'z > 0 ? z : 0.5' }],
  ];
  for (const [name, params, def] of same) {
    it(`of ${def.formula} are the built-in ${name}'s`, () => {
      const a = compile(def);
      const ref = activations[name] as unknown as Activation<ParamValues>;
      const got = a.properties(defaults(a));
      const want = ref.properties(params);
      // threshold's range lists its isolated value, {0.5} ∪ (0, ∞); numerically it is the hull [0, ∞).
      if (name === 'threshold') expect(got.range).toBe('(0, ∞)');
      else expect(got.range).toBe(want.range);
      expect({ ...got, range: '' }).toEqual({ ...want, range: '' });
    });
  }

  it('measures smooth peaks and asymptotes', () => {
    const silu = compile({ formula: 'z/(1+exp(-z))' }).properties({});
    const ref = activations.silu.properties({});
    expect(silu.range).toBe(ref.range);
    expect(silu.maxAbsDerivative.value).toBeCloseTo(ref.maxAbsDerivative.value, 14);
    expect(silu.maxAbsDerivative.at as number).toBeCloseTo(ref.maxAbsDerivative.at as number, 7);
    const ht = compile({ formula: 'min(max(z, -1), 1)' }).properties({});
    // The left piece at the kinks: f'(-1) = 0, f'(1) = 1.
    expect(ht).toEqual({
      ...activations.hardtanh.properties({ min_val: -1, max_val: 1 }),
      maxAbsDerivative: { value: 1, at: '-1 < z ≤ 1' },
    });
    // hardshrink: the left piece at -0.5 is the outer one, at 0.5 the inner one.
    expect(compile({ formula: 'abs(z) > 0.5 ? z : 0' }).properties({}).maxAbsDerivative).toEqual({
      value: 1,
      at: 'z ≤ -0.5 or z > 0.5',
    });
    expect(compile({ formula: 'z - tanh(z)' }).properties({}).maxAbsDerivative).toEqual({ value: 1, at: '|z| → ∞' });
    expect(compile({ formula: 'z^2' }).properties({}).maxAbsDerivative).toEqual({ value: Infinity, at: '|z| → ∞' });
    expect(compile({ formula: 'z/(1 + abs(z))' }).properties({})).toMatchObject({
      range: '(-1, 1)',
      smoothness: 'C¹',
      saturating: true,
      maxAbsDerivative: { value: 1, at: 0 },
    });
  });
});

/** Whether a formula is within the size limits (parseFormula refuses it otherwise). */
function withinLimits(formula: string): boolean {
  try {
    parseFormula(formula, 'formula', ['k']);
    return true;
  } catch (error) {
    if (/^too (long|deeply nested)/.test((error as Error).message)) return false;
    throw error;
  }
}

describe('errors', () => {
  const cases: [string, FormulaDefinition, string, string | RegExp][] = [
    ['a parse error, with the position', { formula: 'z + * 2' }, 'formula', 'cannot parse: Value expected (char 5)'],
    ['an unknown name', { formula: 'z + bb', params: { b: 1 } }, 'formula', 'unknown name "bb" (did you mean "b"?)'],
    ['a unit', { formula: '5 cm * z' }, 'formula', /^unknown name "cm"/],
    ['the imaginary unit', { formula: 'z + i' }, 'formula', 'unknown name "i" (did you mean "z"?)'],
    ['an unsupported function', { formula: 'gamma(z)' }, 'formula', 'unsupported function "gamma"'],
    ['a misspelt function', { formula: 'tanhh(z)' }, 'formula', 'unsupported function "tanhh" (did you mean "tanh"?)'],
    ['import', { formula: 'import({}, {})' }, 'formula', 'unsupported function "import"'],
    ['evaluate', { formula: 'evaluate("1") * z' }, 'formula', /^unsupported function "evaluate"/],
    ['parse', { formula: 'parse("z")' }, 'formula', /^unsupported function "parse"/],
    ['createUnit', { formula: 'createUnit("x")' }, 'formula', /^unsupported function "createUnit"/],
    ['a property', { formula: 'z.constructor' }, 'formula', 'unsupported syntax: property access'],
    ['a matrix', { formula: '[z, 1]' }, 'formula', 'unsupported syntax: matrices'],
    ['an assignment', { formula: 'f = z' }, 'formula', /^unsupported syntax: assignments/],
    ['a string', { formula: '"z"' }, 'formula', /^unsupported value "z"/],
    ['mod', { formula: 'z mod 2' }, 'formula', 'unsupported operator "mod"'],
    ['percent', { formula: 'z + 10%' }, 'formula', 'unsupported operator "%"'],
    ['the % operator', { formula: 'z % 2' }, 'formula', 'unsupported operator "%"'],
    ['a formula over the size limit', { formula: Array(201).fill('z').join('+') }, 'formula', /^too long: /],
    ['20,000 terms', { formula: Array(20000).fill('z').join('+') }, 'formula', /^too long: /],
    ['20,000 parentheses', { formula: `${'('.repeat(20000)}z${')'.repeat(20000)}` }, 'formula', /^too long: /],
    ['nine nested calls', { formula: `${'sin('.repeat(9)}z${')'.repeat(9)}` }, 'formula', /^too deeply nested: /],
    ['wrong arity', { formula: 'exp(z, 2)' }, 'formula', 'exp takes 1 argument, got 2'],
    ['a condition that is no comparison', { formula: 'z ? 1 : 0' }, 'formula', /^the condition of "c \? a : b"/],
    ['an empty formula', { formula: ' ' }, 'formula', 'is empty'],
    [
      'a parameter named z',
      { formula: 'z', params: { z: 1 } },
      'params.z',
      'a parameter cannot be named "z": z is the variable',
    ],
    [
      'a parameter named e',
      { formula: 'z', params: { e: 1 } },
      'params.e',
      'parameter name "e" is taken by a constant',
    ],
    [
      'an infinite default',
      { formula: 'b*z', params: { b: Infinity } },
      'params.b',
      'default must be a finite number, got Infinity',
    ],
    [
      'a NaN default',
      { formula: 'b*z', params: { b: Number.NaN } },
      'params.b',
      'default must be a finite number, got NaN',
    ],
    [
      'log of negative z (complex: NaN)',
      { formula: 'log(z)' },
      'formula',
      /^the formula is not finite at z = -20 \(f\(z\) = NaN\)/,
    ],
    ['sqrt of negative z', { formula: 'sqrt(z) + 1' }, 'formula', /^the formula is not finite at z = -20/],
    ["an infinite f'", { formula: 'cbrt(z)' }, 'formula', /^f' is not finite at z = 0 \(f'\(z\) = Infinity\)/],
    ['overflow', { formula: 'exp(-z^3)' }, 'formula', /^the formula is not finite at z = -20 \(f\(z\) = Infinity\)/],
    ["an overflowing f''", { formula: 'exp(z^3)' }, 'formula', /^f'' is not finite at z = 8.88 /],
    ['a bad kink', { formula: 'z', kink: 'middle' as 'left' }, 'kink', 'kink must be "left" or "right", got "middle"'],
    ['an unknown name in the derivative', { formula: 'z^2', derivative: '2*zz' }, 'derivative', /^unknown name "zz"/],
    ['a bad second derivative', { formula: 'z^3', second: '6*z + 1e-6' }, 'second', /^disagrees with d²\/dz²/],
  ];
  for (const [what, def, field, message] of cases) {
    it(what, () => {
      const error = formulaError(() => compileFormula('custom', def));
      expect(error.field).toBe(field);
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    });
  }

  it('names the first z where a hand-written derivative disagrees', () => {
    const error = formulaError(() =>
      compileFormula('custom', { formula: 'sin(z)', derivative: 'z > 1.5 ? cos(z) + 0.05 : cos(z)' }),
    );
    expect(error.field).toBe('derivative');
    const z = 1.52;
    const [given, symbolic] = [Math.cos(z) + 0.05, Math.cos(z)].map((v) => Number(v.toPrecision(6)));
    expect(error.message).toBe(`disagrees with d/dz of the formula at z = 1.52: ${given} vs ${symbolic}`);
  });

  it('accepts hand-written derivatives that agree (and keeps the symbolic ones)', () => {
    const s = '1/(1+exp(-z))';
    const a = compile({ formula: s, derivative: `${s} * (1 - ${s})`, second: `${s} * (1 - ${s}) * (1 - 2*${s})` });
    expect(a.df(2, {})).toBe(compile({ formula: s }).df(2, {}));
    // At the kink the user's tie is not checked against the convention.
    compile({ formula: 'max(z, 0)', derivative: 'z >= 0 ? 1 : 0', second: '0' });
  });

  it('names a formula that shadows a built-in activation or alias', () => {
    for (const name of ['relu', 'swish']) {
      const error = formulaError(() => checkFormulaName(name, knownNames));
      expect(error.field).toBe('name');
      expect(error.message).toBe(`"${name}" is a built-in activation; give the formula another name`);
    }
    expect(() => checkFormulaName('smooth_relu', knownNames)).not.toThrow();
    expect(formulaError(() => checkFormulaName('my act', knownNames)).field).toBe('name');
  });

  it('checks finiteness on any grid', () => {
    const a = compile({ formula: 'log1p(exp(z))' });
    expect(findNonFinite(a, {}, Float64Array.of(0, 10))).toBeUndefined();
    expect(findNonFinite(a, {}, Float64Array.of(0, 800, 900))).toEqual({ z: 800, fn: 'f', value: Infinity });
    const error = formulaError(() => checkFinite(a, {}, Float64Array.of(0, 800)));
    expect(error.field).toBe('formula');
    expect(error.message).toMatch(/^the formula is not finite at z = 800 \(f\(z\) = Infinity\)/);
    const b = compile({ formula: 'exp(z) / b', params: { b: 1 } });
    expect(findNonFinite(b, { b: 0 }, Float64Array.of(1))).toEqual({ z: 1, fn: 'f', value: Infinity });
  });
});

describe('formulaKey', () => {
  it('is stable under parameter order and the default kink, and changes with the formula', () => {
    const a = formulaKey({ formula: 'max(z, a*z) + b', params: { a: 0.01, b: 0 } });
    expect(formulaKey({ formula: 'max(z, a*z) + b', params: { b: 0, a: 0.01 }, kink: 'left' })).toBe(a);
    expect(formulaKey({ formula: 'max(z, a*z) + b', params: { a: 0.02, b: 0 } })).not.toBe(a);
    expect(formulaKey({ formula: 'max(z, a*z) + b', params: { a: 0.01, b: 0 }, kink: 'right' })).not.toBe(a);
    expect(formulaKey({ formula: 'max(z, a*z)+b', params: { a: 0.01, b: 0 } })).not.toBe(a);
  });
});

describe('LaTeX', () => {
  it('typesets f and the derived f’', () => {
    const a = compile({ formula: 'max(z, 0)' });
    expect(a.latex.f).toBe('\\max\\left( z,0\\right)');
    expect(a.latex.df).toBe(
      '\\begin{cases} {1}, &\\quad{\\text{if }\\; z>0}\\\\{0}, &\\quad{\\text{otherwise}}\\end{cases}',
    );
    expect(compile({ formula: 'erf(z)' }).latex.df).toContain('\\exp');
  });

  it('KaTeX renders the LaTeX of every formula of these tests', () => {
    compile({ formula: 'sign(z) * erf(abs(z)) + neg_slope * min(z, 0)', params: { neg_slope: 0.1 } });
    compile({ formula: '-1 < z <= 1 ? z^2 : log(z^2, 2) + cbrt(z)', params: {} }, 'chain');
    expect(compiled.length).toBeGreaterThan(60);
    for (const a of compiled) {
      for (const tex of [a.latex.f, a.latex.df]) {
        expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
      }
    }
  });
});
