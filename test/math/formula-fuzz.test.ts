// The formula front door under random input (issue 25): whatever is typed, compiling a formula either
// gives an activation or throws a one-line FormulaError, and never runs long, whatever its nesting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError } from '../../src/math/formula/index.ts';

const TOKENS = [
  'z',
  'b',
  '1',
  '2',
  '0.5',
  'pi',
  'e',
  '+',
  '-',
  '*',
  '/',
  '^',
  '%',
  '(',
  ')',
  ',',
  '?',
  ':',
  '>',
  '<',
  '==',
  '!',
  'and',
  'not',
  'mod',
  'sin(',
  'exp(',
  'log(',
  'sqrt(',
  'tanh(',
  'max(',
  'abs(',
  'erf(',
  'gamma(',
  'x',
  '[',
  ']',
  '.',
  "'",
  '=',
  ';',
  '"',
  '1e308',
  'NaN',
];
/** A token soup, and well-formed nests of functions, divisions and powers many levels deep. */
const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join(' '));
const nest = fc
  .array(fc.constantFrom('sin(#)', 'tanh(#)', '1/(1+#)', '(1+#)^2', 'exp(-(#)^2)', 'max(z, #)', '# + z*b'), {
    minLength: 1,
    maxLength: 16,
  })
  .map((wraps) => wraps.reduce((inner, w) => w.replace('#', inner), 'z'));

function attempt(formula: string) {
  const started = performance.now();
  try {
    compileFormula('fuzz', { formula, params: { b: 2 } });
  } catch (error) {
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as Error).message).not.toContain('\n');
  }
  return performance.now() - started;
}

describe('a formula, fuzzed', () => {
  it('compiles or is refused in one line', () => {
    fc.assert(
      fc.property(soup, (formula) => void attempt(formula)),
      // Seeded, as test/config/fuzz.test.ts is: CI runs the same cases every time.
      { numRuns: 300, seed: 3 },
    );
  });

  it('is refused or derived within the documented time, however deeply nested', () => {
    fc.assert(
      fc.property(nest, (formula) => {
        expect(attempt(formula)).toBeLessThan(3000);
      }),
      { numRuns: 30, seed: 4 },
    );
  }, 120_000);
});
