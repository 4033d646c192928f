// The page script's Math.* ports against Node's own Math.*, bit for bit: a page must compute what the build
// computes. Inputs are seeded pseudo-random doubles drawn from every range the algorithms branch on (tiny,
// below one, moderate, large, near overflow and underflow, subnormal, negative, raw bit patterns) plus the
// special values. LIBM_SAMPLES=3000000 runs a longer check by hand.
import { describe, expect, it } from 'vitest';
import {
  asinh,
  atan,
  atanh,
  cbrt,
  cos,
  cosh,
  exp,
  expm1,
  log,
  log1p,
  log2,
  log10,
  pow,
  sin,
  sinh,
  tanh,
} from '../../src/interactive/libm/index.ts';

const SAMPLES = Number(process.env.LIBM_SAMPLES ?? 300_000);

const SPECIAL = [
  0,
  -0,
  1,
  -1,
  2,
  -2,
  0.5,
  -0.5,
  Math.E,
  Math.LN2,
  Math.PI,
  Math.PI / 2,
  Math.PI / 4,
  -Math.PI / 2,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2.2250738585072014e-308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.EPSILON,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  22,
  -22,
  709.782712893384,
  709.7822265625,
  710.4758600739439,
  -745.1332191019411,
  2 ** -28,
  2 ** -54,
  2 ** 28,
  2 ** 66,
  1e300,
  -1e300,
];

/** Arguments next to multiples of pi/2, where sin and cos reduce with extra terms of 2/pi. */
const NEAR_PIO2 = [6381956970095103 * 2 ** 797, 1e22, 2 ** 1023];
for (let n = 1; n < 20_000; n++) NEAR_PIO2.push((n * Math.PI) / 2, ((n * Math.PI) / 2) * 1e10, n * 2 ** 700 * Math.PI);

/** mulberry32: a small seeded generator of 32-bit words. */
function words(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const view = new DataView(new ArrayBuffer(8));

function fromBits(hi: number, lo: number): number {
  view.setUint32(0, hi);
  view.setUint32(4, lo);
  return view.getFloat64(0);
}

/** Magnitudes the ports branch on: |x| up to each bound, uniformly. */
const BOUNDS = [
  1e-300,
  1e-20,
  1e-8,
  2 ** -28,
  1e-3,
  0.35,
  0.5,
  1,
  1.5,
  2,
  3,
  8,
  22,
  40,
  100,
  710,
  746,
  1e6,
  1e20,
  1e300,
];

/** An input: raw bits (any exponent, subnormals, NaN), uniform below a bound, log-uniform, or an integer. */
function sampler(seed: number): () => number {
  const next = words(seed);
  const unit = () => next() / 2 ** 32 + next() / 2 ** 64;
  return () => {
    const pick = next() % 8;
    const sign = next() & 1 ? -1 : 1;
    if (pick === 0) return fromBits(next(), next());
    if (pick === 1) return sign * fromBits(next() & 0x000fffff, next());
    if (pick <= 3) return sign * unit() * BOUNDS[next() % BOUNDS.length];
    if (pick <= 5) return sign * 2 ** (unit() * 2100 - 1075);
    if (pick === 6) return sign * 2 ** (unit() * 24 - 12);
    return sign * (1 + (unit() - 0.5) * 2 ** -(next() % 50));
  };
}

/** An exponent for pow: integers, halves, small and huge magnitudes, raw bits. */
function exponents(seed: number): () => number {
  const next = words(seed);
  const any = sampler(seed + 1);
  return () => {
    const pick = next() % 6;
    if (pick === 0) return (next() % 101) - 50;
    if (pick === 1) return ((next() % 41) - 20) / 2;
    if (pick === 2) return (next() % 2 ? -1 : 1) * 2 ** ((next() % 70) + (next() % 1000) / 1000);
    return any();
  };
}

/** Each one-argument port, in the order the pages need them, beside its Math method. */
const UNARY = {
  exp: [exp, Math.exp],
  tanh: [tanh, Math.tanh],
  expm1: [expm1, Math.expm1],
  log1p: [log1p, Math.log1p],
  log: [log, Math.log],
  log10: [log10, Math.log10],
  sinh: [sinh, Math.sinh],
  cosh: [cosh, Math.cosh],
  log2: [log2, Math.log2],
  atan: [atan, Math.atan],
  sin: [sin, Math.sin],
  cos: [cos, Math.cos],
  asinh: [asinh, Math.asinh],
  atanh: [atanh, Math.atanh],
  cbrt: [cbrt, Math.cbrt],
} satisfies Record<string, [(x: number) => number, (x: number) => number]>;

function check1(name: keyof typeof UNARY, seed: number): void {
  const [port, native] = UNARY[name];
  const bad: string[] = [];
  let count = 0;
  const test = (x: number) => {
    const got = port(x);
    const want = native(x);
    if (!Object.is(got, want)) {
      count++;
      if (bad.length < 5) bad.push(`${name}(${x}) = ${got}, Math.${name} gives ${want}`);
    }
  };
  for (const x of SPECIAL) test(x);
  if (name === 'sin' || name === 'cos') {
    for (const x of NEAR_PIO2) {
      test(x);
      test(-x);
    }
  }
  const draw = sampler(seed);
  for (let i = 0; i < SAMPLES; i++) test(draw());
  expect({ mismatches: count, first: bad }).toEqual({ mismatches: 0, first: [] });
}

describe('libm ports match Node Math.* bit for bit', () => {
  (Object.keys(UNARY) as (keyof typeof UNARY)[]).forEach((name, i) => {
    it(`${name}(x) equals Math.${name}(x) on ${SAMPLES} inputs and the special values`, () => {
      check1(name, 1000 + i);
    });
  });

  it(`pow(x, y) equals Math.pow(x, y) on ${SAMPLES} pairs and the special values`, () => {
    const bad: string[] = [];
    let count = 0;
    const test = (x: number, y: number) => {
      const got = pow(x, y);
      // biome-ignore lint/style/useExponentiationOperator: the port is checked against Math.pow itself
      const want = Math.pow(x, y);
      if (!Object.is(got, want)) {
        count++;
        if (bad.length < 5) bad.push(`pow(${x}, ${y}) = ${got}, Math.pow gives ${want}`);
      }
    };
    for (const x of SPECIAL) for (const y of SPECIAL) test(x, y);
    // Integer powers, up to results at the edges of overflow and of the subnormals (2^1024, 2^-1075).
    for (let y = -1100; y <= 1100; y++) for (const x of [2, -2, 3, -3, 10, 0.1, Math.E, 1.5, 7]) test(x, y);
    for (const [x, y] of [
      [2, 1023.9999999],
      [2, -1074.5],
      [0.5, -1024],
      [0.5, 1075],
      [4, 512],
      [-2, 1023],
    ])
      test(x, y);
    const base = sampler(77);
    const power = exponents(78);
    const near = words(79);
    for (let i = 0; i < SAMPLES; i++) {
      const y = power();
      // A third of the bases lie near 1, where pow's huge-exponent branch and its overflow tests live.
      const x = i % 3 === 0 ? (near() & 1 ? -1 : 1) * (1 + (near() / 2 ** 32 - 0.5) * 2 ** -(near() % 40)) : base();
      test(x, y);
    }
    expect({ mismatches: count, first: bad }).toEqual({ mismatches: 0, first: [] });
  });
});
