// The depth simulation's initialisations come from the activation registry (each definition's `init`),
// and what they do and do not do, measured.
//
// The depth simulation (src/math/simulate.ts): a gradient that underflows to 0 cannot be drawn on a log axis,
// so the figure is refused naming the depth, also when it renders in a render process.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine, project } from '../project.ts';
import { activationNames, activations, findActivation } from '../../src/math/activations/registry.ts';
import { compileFormula } from '../../src/math/formula/index.ts';
import { defaultInit, INITS, initialisation, simulateDepth } from '../../src/math/simulate.ts';

describe('initialisation defaults', () => {
  it("are each activation's own `init`, read from the registry (aliases too)", () => {
    for (const name of activationNames) {
      expect(Object.keys(INITS)).toContain(activations[name].init);
      expect(defaultInit(name)).toBe(activations[name].init);
    }
    expect(defaultInit('swish')).toBe(findActivation('silu')!.init);
    expect(initialisation('relu').std(128)).toBe(Math.sqrt(2 / 128));
  });

  it('pair He with the ReLU family and its smooth relatives, LeCun with SELU, Xavier with the rest', () => {
    const he = activationNames.filter((name) => activations[name].init === 'he');
    expect(he).toEqual(['relu', 'relu6', 'leaky_relu', 'prelu', 'rrelu', 'elu', 'celu', 'gelu', 'silu', 'mish']);
    expect(activationNames.filter((name) => activations[name].init === 'lecun')).toEqual(['selu']);
  });

  it('give a formula activation Xavier', () => {
    expect(compileFormula('custom', { formula: 'z/(1 + abs(z))' }).init).toBe('xavier');
  });
});

describe('He initialisation is no cure for GELU, SiLU and Mish', () => {
  // The default depth figure's network (30 layers, 128 units, batch 16) on nine seeds. Over 100 seeds the
  // medians of g30/g1 are 0.032 (GELU), 2.5e-4 (SiLU), 0.45 (Mish) and 0.93 (ReLU).
  const median = (name: string) => {
    const ratios = Array.from({ length: 9 }, (_, seed) => {
      const rows = simulateDepth(name, name === 'gelu' ? { approximate: 'none' } : {}, {
        depth: 30,
        width: 128,
        batch: 16,
        seed,
      });
      return rows[29].gradient / rows[0].gradient;
    });
    return ratios.sort((a, b) => a - b)[4];
  };
  it('they lose gradient through 30 layers where ReLU keeps its size', () => {
    expect(median('relu')).toBeGreaterThan(0.5);
    expect(median('gelu')).toBeLessThan(0.2);
    expect(median('silu')).toBeLessThan(1e-2);
    expect(median('mish')).toBeLessThan(0.8);
  });
});

describe('an underflowing gradient', () => {
  const deep = 'a depth figure whose gradient underflows (depth 500) is refused naming the depth, in the pool too';
  it(deep, () => {
    // With three figures the depth figure renders in a render process: the refusal keeps its one line.
    const other = (id: string) => ({ id, grid: { min: -1, max: 1, samples: 5 }, panels: [{ activation: 'relu' }] });
    for (const figures of [
      [{ id: 'deep', kind: 'vanishing-gradient-depth', depth: 500 }],
      [other('a'), other('b'), { id: 'deep', kind: 'vanishing-gradient-depth', depth: 500 }],
    ]) {
      const p = project({ figures });
      const r = p.build();
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toMatch(
        /^actfig build: figure "deep" failed: .*underflows to 0 at depth \d+ of 500.*use depth < \d+$/,
      );
      expect(existsSync(join(p.out, 'deep.vl.json'))).toBe(false);
    }
  });
});
