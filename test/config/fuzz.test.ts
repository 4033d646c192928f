// The config and formula front doors, fuzzed (issue 25): whatever a user writes, normalizeConfig either
// accepts it or refuses it with a UserError of one line (exit 2), quickly; nothing else escapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { UserError } from '../../src/errors.ts';

/** What a call did: accepted, or refused as a user's mistake in one line; anything else fails the property. */
function outcome(input: unknown): 'ok' | 'refused' {
  const start = performance.now();
  try {
    normalizeConfig(input, 'fuzz.json', '/tmp');
    return 'ok';
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.message).not.toContain('\n');
    expect(error.message.startsWith('fuzz.json')).toBe(true);
    expect(error.exitCode).toBe(2);
    return 'refused';
  } finally {
    expect(performance.now() - start).toBeLessThan(5000);
  }
}

const value = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 0.5, 12, 13, 4001, Number.NaN, Infinity, '', 'x', 'slide', true, false, null),
  fc.constantFrom('sigmoid', 'relu', 'leaky_relu', 'derivatives-overlay', 'vanishing-gradient-depth', '__proto__'),
  fc.array(fc.constantFrom(-1, 0, 1, 'f', 'df', 'relu'), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('min', 'max', 'samples', 'step', 'points', 'threshold'), fc.constantFrom(-1, 0, 1, 5)),
);
const keys = [
  'id',
  'kind',
  'grid',
  'panels',
  'activations',
  'title',
  'size',
  'preset',
  'fontScale',
  'legend',
  'show',
  'columns',
  'yDomain',
  'depth',
  'units',
  'interactive',
  'theme',
  'palette',
  'width',
  'height',
  'background',
  'labelPeaks',
] as const;

describe('the config front door, fuzzed', () => {
  it('accepts or refuses in one line any figure made of plausible and implausible fields', () => {
    const figure = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    fc.assert(
      fc.property(figure, (f) => {
        outcome({ figures: [{ id: 'a', grid: { min: -1, max: 1, samples: 5 }, ...f }] });
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('accepts or refuses in one line any formula of the documented pieces and some undocumented ones', () => {
    const token = fc.constantFrom(
      'z',
      'b',
      '1',
      '0',
      '2.5',
      '+',
      '-',
      '*',
      '/',
      '^',
      '(',
      ')',
      'sin(',
      'exp(',
      'log(',
      'abs(',
      'max(z,',
      'sqrt(',
      ' ? ',
      ' : ',
      '==',
      '<',
      '%',
      '!',
      ',',
      'e',
      'pi',
      'x',
      '"',
      ';',
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 16 }), (tokens) => {
        const formula = tokens.join('');
        outcome({
          activations: { f: { formula, params: { b: 1 } } },
          figures: [{ id: 'a', grid: { min: -1, max: 1, samples: 5 }, panels: [{ activation: 'f' }] }],
        });
      }),
      { numRuns: 300, seed: 2 },
    );
  });
});
