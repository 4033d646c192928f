// Formula activations against 50-digit references (test/fixtures/references/formulas.json, made by
// formulas.py beside it with mpmath): f' and f'' as finite and as accurate as f, where the symbolic
// derivatives overflow (∞/∞), cancel (1 - 1), or are 0/0 behind a guard (issue 28).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exactHex } from '../../src/math/formula/exact.ts';
import { compileFormula } from '../../src/math/formula/index.ts';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/references/formulas.json', import.meta.url), 'utf8')) as {
  cases: { formula: string; z: number[]; f: string[]; df: string[]; d2f: string[] }[];
};

/**
 * Within 1e-12 of the reference rounded to a double, relatively; exactly where that double is 0 (a value
 * below the smallest double, such as sech²(700) ≈ 3.9e-608, must come out as 0, not as rounding noise).
 */
function agrees(got: number, reference: string): boolean {
  const want = Number(reference);
  if (want === 0) return got === 0;
  return Math.abs(got - want) <= 1e-12 * Math.abs(want);
}

describe.each(fixture.cases)('$formula matches a 50-digit reference', ({ formula, z, f, df, d2f }) => {
  const a = compileFormula('custom', { formula });
  it.each(z.map((zi, i) => [zi, i]))("f, f' and f'' at z = %d", (zi, i) => {
    // exp(z) - 1 as written loses f's own precision below |z| = 1e-3; its derivatives do not.
    if (!(formula.includes('exp(z)-1') && Math.abs(zi) < 1e-3 && zi !== 0)) {
      expect(agrees(a.f(zi, {}), f[i]), `f(${zi}) = ${a.f(zi, {})}, reference ${f[i]}`).toBe(true);
    }
    expect(agrees(a.df(zi, {}), df[i]), `f'(${zi}) = ${a.df(zi, {})}, reference ${df[i]}`).toBe(true);
    expect(agrees(a.d2f(zi, {}), d2f[i]), `f''(${zi}) = ${a.d2f(zi, {})}, reference ${d2f[i]}`).toBe(true);
  });
});

describe('the cases of issue 28, as it states them', () => {
  const at = (formula: string, z: number) => {
    const a = compileFormula('custom', { formula });
    return [a.f(z, {}), a.df(z, {}), a.d2f(z, {})];
  };
  it("log1p(exp(z)): f''(400) = e^-400/(1 + e^-400)² ≈ 1.9e-174, not 1; and on to 709", () => {
    expect(at('log1p(exp(z))', 400)[2]).toBeCloseTo(1.9151695967140057e-174, 186);
    for (const z of [355, 500, 709]) expect(at('log1p(exp(z))', z)[2]).toBeLessThan(1e-150);
  });
  it("guarded removable singularities: (exp(z)-1)/z has f'(0) = 1/2, f''(0) = 1/3; sin(z)/z 0 and -1/3", () => {
    expect(at('z == 0 ? 1 : (exp(z)-1)/z', 0)).toEqual([1, 0.5, 1 / 3]);
    expect(at('z == 0 ? 1 : sin(z)/z', 0)).toEqual([1, 0, -1 / 3]);
    // The guard written the other way round, and with the patch in the false branch.
    expect(at('z != 0 ? sin(z)/z : 1', 0)).toEqual([1, 0, -1 / 3]);
  });
  it("no NaN where f is finite: sigmoid f'(-800) = 0, mish f'(800) = 1, log cosh f''(±700) = 0", () => {
    expect(at('1/(1+exp(-z))', -800)[1]).toBe(0);
    expect(at('z*tanh(log1p(exp(z)))', 800)[1]).toBe(1);
    expect(at('log(cosh(z))', 700)[2]).toBe(0);
    expect(at('log(cosh(z))', -700)[2]).toBe(0);
    expect(at('log(cosh(z))', 20)[2]).toBeCloseTo(1.6993417021166356e-17, 28);
  });
  it("max(z, z^2 - 1) at the double just right of φ takes the branch its value takes: f' = 2z", () => {
    expect(at('max(z, z^2 - 1)', 1.618033988749895)).toEqual([1.618033988749895, 2 * 1.618033988749895, 2]);
    expect(at('max(z, z^2 - 1)', 1.6180339887498947).slice(1)).toEqual([1, 0]);
  });
});

describe('exact ties', () => {
  it('a double as a hexadecimal float is its exact value', () => {
    expect(exactHex(1.618033988749895)).toBe('0x1.9e3779b97f4a8p0');
    expect(exactHex(-0.1)).toBe('-0x1.999999999999ap-4');
    expect(exactHex(5e-324)).toBe('0x0.0000000000001p-1022');
    expect(exactHex(0)).toBe('0');
  });
});

describe('near a guard', () => {
  it("the series stands in for f' only where its terms have died out (atan(z/c)/z: radius c = 0.06)", () => {
    const c = 0.06;
    const a = compileFormula('custom', { formula: 'z == 0 ? 1/0.06 : atan(z/0.06)/z' });
    // g'(h) = -2h/(3c³) + O(h³) near 0, where the quotient rule cancels; the quotient rule where it does not.
    expect(Math.abs(a.df(1e-6, {}) / ((-2 * 1e-6) / (3 * c ** 3)) - 1)).toBeLessThan(1e-9);
    const quotient = (z: number) => (z / c / (1 + (z / c) ** 2) - Math.atan(z / c)) / (z * z);
    for (const z of [0.01, 0.03, 0.049]) expect(Math.abs(a.df(z, {}) / quotient(z) - 1)).toBeLessThan(1e-12);
  });
});
