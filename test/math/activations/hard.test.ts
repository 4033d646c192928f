// hardsigmoid and hardswish where PyTorch's own arithmetic matters: just above -3, where z/6 + 1/2 cancels,
// and at ±3, where the derivative's convention is PyTorch 2.x's. The numbers are PyTorch's (float64),
// from test/fixtures/references/torch-hard.json, made by torch_hard.py beside it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextDown, nextUp } from '../../../src/math/activations/math.ts';
import { act } from '../../helpers.ts';

type Run = { z: number[]; y: number[]; dy: number[] };
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/references/torch-hard.json', import.meta.url), 'utf8'),
) as { torch: string; hardsigmoid: Run; hardswish: Run };

describe('hardsigmoid is computed as PyTorch computes it, min(max(z + 3, 0), 6) / 6', () => {
  const { f, df } = act('hardsigmoid');
  it('bit for bit at 2,000 points of (-3, -2.999] and beside ±3, derivatives included', () => {
    const { z, y, dy } = fixture.hardsigmoid;
    expect(z.length).toBeGreaterThan(2000);
    z.forEach((zi, i) => {
      expect(f(zi), `hardsigmoid(${zi})`).toBe(y[i]);
      expect(df(zi), `hardsigmoid'(${zi})`).toBe(dy[i]);
    });
  });
  it('hardsigmoid(-2.9999999999999996) = 7.401486830834377e-17 (4.44e-16 / 6), not 5.55e-17', () => {
    expect(f(-2.9999999999999996)).toBe(7.401486830834377e-17);
  });
});

describe("hardswish' at ±3 follows PyTorch 2.x: the outer pieces' slopes, 0 at -3 and 1 at 3", () => {
  const { a, f, df } = act('hardswish');
  const d2f = (z: number) => a.d2f(z, {});
  it("f bit for bit and f' as PyTorch's autograd, except at ±3 where 1.13 (the fixture's) differs", () => {
    const { z, y, dy } = fixture.hardswish;
    // PyTorch 2.x's hardswish_backward (CPU, CUDA and XPU): self <= -3 ? 0 : self < 3 ? grad*(self/3 + 0.5) : grad.
    const pytorch2: Record<number, number> = { [-3]: 0, 3: 1 };
    z.forEach((zi, i) => {
      expect(Object.is(f(zi) + 0, y[i] + 0), `hardswish(${zi}) = ${f(zi)}, PyTorch ${y[i]}`).toBe(true);
      expect(df(zi), `hardswish'(${zi})`).toBe(pytorch2[zi] ?? dy[i]);
    });
    expect(fixture.torch).toMatch(/^1\.13/);
  });
  it("is continuous from the outside at ±3, and f'' is 1/3 only strictly inside", () => {
    expect([df(nextDown(-3)), df(-3), df(nextUp(-3))]).toEqual([0, 0, nextUp(-3) / 3 + 0.5]);
    expect([df(nextDown(3)), df(3), df(nextUp(3))]).toEqual([nextDown(3) / 3 + 0.5, 1, 1]);
    expect([d2f(-3), d2f(0), d2f(3)]).toEqual([0, 1 / 3, 0]);
  });
  it("its property table gives the supremum of |f'|, 1.5, approached below z = 3 and not attained", () => {
    expect(a.properties({}).maxAbsDerivative).toEqual({ value: 1.5, at: 'z → 3⁻' });
    expect(df(nextDown(3))).toBeCloseTo(1.5, 15);
  });
});
