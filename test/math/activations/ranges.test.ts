// A page precomputes every value its sliders offer: each must leave the activation finite everywhere,
// not only at the defaults (issue 28, item 5). Built-ins by their own ranges; formulas by a check that
// refuses (eval --param) or drops from a slider's ends (pages) a value that makes them not finite.
import { describe, expect, it } from 'vitest';
import {
  type Activation,
  activationNames,
  activations,
  type ParamValues,
} from '../../../src/math/activations/registry.ts';
import { linspace, withBreaks } from '../../../src/math/grid.ts';
import { compileFormula, findNonFinite } from '../../../src/math/formula/index.ts';
import { ParamError, resolveParams } from '../../../src/math/params.ts';

const points = (a: Activation, p: ParamValues) => withBreaks(linspace(-20, 20, 2001), a.breaks(p));

describe.each(activationNames)('%s: finite over every slider value', (name) => {
  const a = activations[name] as unknown as Activation;
  const defaults = resolveParams(a);
  it("f, f' and f'' at 2001 points of [-20, 20] and the breaks, for each value of each range", () => {
    for (const [key, spec] of Object.entries(a.params)) {
      if (spec.kind !== 'number' || !spec.range) continue;
      const { min, max, step } = spec.range;
      for (let k = 0; min + k * step <= max + 1e-9; k++) {
        const value = Number((min + k * step).toFixed(10));
        if (spec.check?.(value)) continue;
        const p = { ...defaults, [key]: value };
        if (a.validate?.(p)) continue;
        expect(findNonFinite(a, p, points(a, p)), `${name} ${key} = ${value}`).toBeUndefined();
      }
    }
  });
});

describe('a formula parameter value that makes f, f′ or f″ not finite', () => {
  const squareplus = compileFormula('squareplus', { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 } });
  it("is refused by the parameter's check, which a slider's ends and eval --param use: squareplus b = 0", () => {
    const spec = squareplus.params.b;
    expect(spec.kind === 'number' && spec.check?.(0)).toBe("makes squareplus not finite at z = 0 (f'(z) = NaN)");
    expect(spec.kind === 'number' && spec.check?.(0.2)).toBeUndefined();
    expect(() => resolveParams(squareplus, { b: '0' })).toThrow(ParamError);
    expect(() => resolveParams(squareplus, { b: '0' })).toThrow(/^makes squareplus not finite at z = 0 .*, got 0$/);
    expect(resolveParams(squareplus, { b: '0.2' })).toEqual({ b: 0.2 });
  });
  it('is refused by validate for a combination of several parameters, naming one that moved', () => {
    const a = compileFormula('custom', { formula: 'log(z^2 + b - c)', params: { b: 2, c: 1 } });
    expect(a.validate?.({ b: 2, c: 2 })).toEqual({
      key: 'c',
      message: 'makes custom not finite at z = 0 with b = 2, c = 2 (f(z) = -Infinity)',
    });
    expect(a.validate?.({ b: 3, c: 2 })).toBeUndefined();
  });
});
