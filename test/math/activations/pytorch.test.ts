import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { act } from '../../helpers.ts';

// Values and autograd derivatives from PyTorch itself (float64), made by scripts/reference/torch_fixtures.py.
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/torch.json', import.meta.url), 'utf8')) as {
  cases: { name: string; params: Record<string, number | string>; z: number[]; y: number[]; dy: number[] }[];
};

// PyTorch's own float64 formulas lose relative accuracy in some tails (σ(1-σ) at z = 40, say), where this
// library is closer to the exact value; the comparison is relative, and absolute (1e-12) where |value| < 1.
const within = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

// Where the PyTorch version that made the fixture (Debian's 1.13) differs from the convention this
// library follows, PyTorch 2.x's: hardswish'(-3) is -0.5 in 1.13's scalar hardswish_backward, 0 in 2.x's
// CPU, CUDA and XPU kernels (`self <= -3 ? 0 : self < 3 ? grad * (self / 3 + 0.5) : grad`).
const conventions: Record<string, Record<number, number>> = { hardswish: { [-3]: 0, 3: 1 } };

describe.each(fixture.cases)('$name $params equals PyTorch', ({ name, params, z, y, dy }) => {
  const { f, df } = act(name, params);
  it("f(z) and autograd f'(z) at every fixture point, kinks included", () => {
    z.forEach((zi, i) => {
      const expectedDy = conventions[name]?.[zi] ?? dy[i];
      expect(within(f(zi), y[i]), `${name}(${zi}) = ${f(zi)}, PyTorch ${y[i]}`).toBe(true);
      expect(within(df(zi), expectedDy), `${name}'(${zi}) = ${df(zi)}, PyTorch ${expectedDy}`).toBe(true);
    });
  });
});

describe('derivatives at kinks are the values PyTorch autograd returns', () => {
  const scale = 1.0507009873554804934193349852946;
  const alpha = 1.6732632423543772848170429916717;
  it.each([
    ['relu', {}, 0, 0],
    ['leaky_relu', {}, 0, 0.01],
    ['leaky_relu', { negative_slope: 0.3 }, 0, 0.3],
    ['prelu', {}, 0, 0.25],
    ['rrelu', {}, 0, (1 / 8 + 1 / 3) / 2],
    ['relu6', {}, 0, 0],
    ['relu6', {}, 6, 0],
    ['hardtanh', {}, -1, 0],
    ['hardtanh', {}, 1, 0],
    ['hardsigmoid', {}, -3, 0],
    ['hardsigmoid', {}, 3, 0],
    // PyTorch 2.x: the outer pieces' slopes (1.13's scalar path gave -0.5 and 1.5).
    ['hardswish', {}, -3, 0],
    ['hardswish', {}, 3, 1],
    ['elu', {}, 0, 1],
    ['elu', { alpha: 0.5 }, 0, 0.5],
    ['selu', {}, 0, scale * alpha],
    ['softshrink', {}, -0.5, 0],
    ['softshrink', {}, 0.5, 0],
    ['hardshrink', {}, -0.5, 0],
    ['hardshrink', {}, 0.5, 0],
    ['threshold', {}, 0, 0],
    ['threshold', { threshold: 1, value: -2 }, 1, 0],
    ['softplus', {}, 20.5, 1],
    ['softplus', { beta: 2, threshold: 10 }, 5.01, 1],
  ])("%s %o: f'(%d) = %d", (name, params, z, expected) => {
    expect(act(name as string, params as Record<string, number>).df(z as number)).toBe(expected);
  });
});

describe('known values from hand derivation and documented constants', () => {
  it.each([
    ['sigmoid', 0, 0.5, 0.25],
    ['tanh', 0, 0, 1],
    ['softplus', 0, Math.LN2, 0.5],
    ['logsigmoid', 0, -Math.LN2, 0.5],
    ['silu', 0, 0, 0.5],
    ['gelu', 0, 0, 0.5],
    ['mish', 0, 0, Math.tanh(Math.LN2)], // mish'(0) = tanh(softplus(0)) = tanh(ln 2) = 0.6
    ['softsign', 1, 0.5, 0.25],
    ['hardswish', 1, 2 / 3, 5 / 6],
    ['hardsigmoid', 1.5, 0.75, Math.fround(1 / 6)], // PyTorch's kernel uses the float 1.0f/6.0f
    ['elu', -1, Math.expm1(-1), Math.exp(-1)],
    ['tanhshrink', 0, 0, 0],
    ['relu6', 7, 6, 0],
    ['softshrink', 2, 1.5, 1],
    ['hardshrink', 0.25, 0, 0],
    ['threshold', -1, 0.5, 0],
  ])('%s(%d) = %d, derivative %d', (name, z, y, dy) => {
    const { f, df } = act(name as string);
    expect(f(z as number)).toBeCloseTo(y as number, 15);
    expect(df(z as number)).toBeCloseTo(dy as number, 15);
  });

  it("mish'(0) is 3/5: tanh(ln 2) = (4 - 1)/(4 + 1)", () => {
    expect(act('mish').df(0)).toBeCloseTo(0.6, 15);
  });

  it('selu uses the constants of torch.nn.SELU', () => {
    expect(act('selu').f(1)).toBe(1.0507009873554805);
    expect(act('selu').df(-0)).toBe(1.0507009873554805 * 1.6732632423543772);
  });

  it("gelu(1) = Φ(1) and gelu'(1) = Φ(1) + φ(1), with Φ(1) = 0.841344746068542948…", () => {
    expect(act('gelu').f(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(act('gelu').df(1)).toBeCloseTo(0.8413447460685429 + Math.exp(-0.5) / Math.sqrt(2 * Math.PI), 15);
  });
});
