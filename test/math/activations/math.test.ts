import { describe, expect, it } from 'vitest';
import {
  argmaxAbs,
  nextDown,
  nextUp,
  sech2,
  sigmoid,
  sigmoidGrad,
  softplus,
} from '../../../src/math/activations/math.ts';

describe('stable building blocks', () => {
  it('nextUp and nextDown step one ulp, through zero and across signs', () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(1) - 1).toBe(Number.EPSILON);
    expect(1 - nextDown(1)).toBe(Number.EPSILON / 2);
    expect(nextUp(-3)).toBe(-2.9999999999999996);
    expect(nextDown(-3)).toBe(-3.0000000000000004);
  });

  it('sigmoid, its derivative, softplus and sech² stay finite and exact in the tails', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(40)).toBe(1);
    expect(sigmoidGrad(-700) / Math.exp(-700)).toBeCloseTo(1, 12);
    expect(softplus(800)).toBe(800);
    expect(softplus(-40) / Math.exp(-40)).toBeCloseTo(1, 12);
    expect(sech2(30) / (4 * Math.exp(-60))).toBeCloseTo(1, 12);
  });

  it('argmaxAbs finds where |g| peaks: -x e^(-x²) peaks at 1/√2', () => {
    const { at, value } = argmaxAbs((x) => -x * Math.exp(-x * x), 0, 3);
    expect(at).toBeCloseTo(Math.SQRT1_2, 7);
    expect(value).toBeCloseTo(-Math.SQRT1_2 * Math.exp(-0.5), 12);
  });
});
