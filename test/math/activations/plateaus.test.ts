// Where a property table says |f'| is largest on a stretch ("z > 0", "-3 < z < 3", "z ≥ 0"), each end is
// written ≤ or < exactly as f' is or is not that value at the end (issue 28: elu'(0) = 1, as celu'(0)).
import { describe, expect, it } from 'vitest';
import { nextDown, nextUp } from '../../../src/math/activations/math.ts';
import {
  type Activation,
  activationNames,
  activations,
  type ParamValues,
} from '../../../src/math/activations/registry.ts';
import { resolveParams } from '../../../src/math/params.ts';
import { belowThreshold } from '../../../src/math/saturation.ts';

type End = { z: number; closed: boolean; inside: 1 | -1 };
const NUM = '(-?\\d+(?:\\.\\d+)?)';

/** The ends of a stretch as the table writes it, each with the side the stretch lies on. */
function ends(at: string): End[] | undefined {
  let m = new RegExp(`^z (>|≥) ${NUM}$`).exec(at);
  if (m) return [{ z: Number(m[2]), closed: m[1] === '≥', inside: 1 }];
  m = new RegExp(`^z (<|≤) ${NUM}$`).exec(at);
  if (m) return [{ z: Number(m[2]), closed: m[1] === '≤', inside: -1 }];
  m = new RegExp(`^${NUM} (<|≤) z (<|≤) ${NUM}$`).exec(at);
  if (m) {
    return [
      { z: Number(m[1]), closed: m[2] === '≤', inside: 1 },
      { z: Number(m[4]), closed: m[3] === '≤', inside: -1 },
    ];
  }
  m = new RegExp(`^\\|z\\| (>|≥) ${NUM}$`).exec(at);
  if (m) {
    const c = Number(m[2]);
    return [
      { z: c, closed: m[1] === '≥', inside: 1 },
      { z: -c, closed: m[1] === '≥', inside: -1 },
    ];
  }
  return undefined;
}

const paramSets: Record<string, ParamValues[]> = {
  elu: [{ alpha: 1 }, { alpha: 0.5 }],
  celu: [{ alpha: 1 }, { alpha: 2 }],
  leaky_relu: [{ negative_slope: 0.01 }, { negative_slope: 2 }],
  hardtanh: [
    { min_val: -1, max_val: 1 },
    { min_val: -2, max_val: 0.5 },
  ],
  softshrink: [{ lambd: 0.5 }],
  hardshrink: [{ lambd: 0.5 }],
  threshold: [{ threshold: 1, value: -2 }],
};

describe.each(activationNames)('%s', (name) => {
  const a = activations[name] as unknown as Activation;
  it("its table's stretch of largest |f'| has ≤ exactly where |f'| reaches the value at the end", () => {
    for (const given of paramSets[name] ?? [{}]) {
      const p = resolveParams(a, given);
      const { value, at } = a.properties(p).maxAbsDerivative;
      if (typeof at !== 'string') continue;
      for (const end of ends(at) ?? []) {
        const inner = end.inside > 0 ? nextUp(end.z) : nextDown(end.z);
        expect(Math.abs(a.df(inner, p)), `${name} ${JSON.stringify(p)}: |f'| just inside ${at}`).toBe(value);
        const reached = Math.abs(a.df(end.z, p)) === value;
        expect(end.closed, `${name} ${JSON.stringify(p)}: "${at}" at z = ${end.z}`).toBe(reached);
      }
    }
  });
});

describe('belowThreshold gives closed intervals: each end is inside', () => {
  it("hardtanh's saturated pieces are z ≤ -1 and z ≥ 1, hardshrink's -0.5 ≤ z ≤ 0.5 (f' = 0 at the ends)", () => {
    const df = (name: string, p: ParamValues) => (z: number) =>
      (activations as Record<string, Activation>)[name].df(z, p);
    expect(belowThreshold(df('hardtanh', { min_val: -1, max_val: 1 }), 0.01, -7, 7)).toEqual([
      [-7, -1],
      [1, 7],
    ]);
    expect(belowThreshold(df('hardshrink', { lambd: 0.5 }), 0.01, -7, 7)).toEqual([[-0.5, 0.5]]);
    const [[, end]] = belowThreshold(df('sigmoid', {}), 0.01, -7, 7);
    expect(Math.abs(df('sigmoid', {})(end))).toBeLessThan(0.01);
    expect(Math.abs(df('sigmoid', {})(nextUp(end)))).toBeGreaterThanOrEqual(0.01);
  });
});
