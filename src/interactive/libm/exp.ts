// e_exp.c and s_expm1.c, which share their argument reduction: x = k*ln2 + r, |r| <= 0.5*ln2.

import { fromWords, HUGE, high, INVLN2, LN2_HI, LN2_LO, low, TINY } from './words.ts';

const HALF = [0.5, -0.5];
const TWOM1000 = 9.3326361850321887899e-302;
const TWO1023 = 8.988465674311579539e307;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const LN2HI = [LN2_HI, -LN2_HI];
const LN2LO = [LN2_LO, -LN2_LO];
export const P1 = 1.66666666666666019037e-1;
export const P2 = -2.77777777770155933842e-3;
export const P3 = 6.61375632143793436117e-5;
export const P4 = -1.6533902205465251539e-6;
export const P5 = 4.13813679705723846039e-8;
// V8's E (0x4005BF0A 8B145769) is this very double.
const E = Math.E;

/** The r of the last reduction, as hi - lo (the page script is single-threaded). */
let hi = 0;
let lo = 0;

/** x = k*ln2 + hi - lo for 0.5*ln2 < |x|, ix being |x|'s high word and xsb x's sign bit; returns k. */
function reduce(x: number, ix: number, xsb: number): number {
  if (ix < 0x3ff0a2b2) {
    hi = x - LN2HI[xsb];
    lo = LN2LO[xsb];
    return 1 - xsb - xsb;
  }
  const k = Math.trunc(INVLN2 * x + HALF[xsb]);
  const t = k;
  hi = x - t * LN2HI[0];
  lo = t * LN2LO[0];
  return k;
}

/** exp and expm1 at an infinity or NaN: x + x for NaN, x for +inf, atMinusInf for -inf. */
function nonFinite(x: number, hx: number, xsb: number, atMinusInf: number): number {
  if (((hx & 0xfffff) | low(x)) !== 0) return x + x;
  return xsb === 0 ? x : atMinusInf;
}

export function exp(x: number): number {
  let hx = high(x);
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) return nonFinite(x, hx, xsb, 0.0);
    if (x > O_THRESHOLD) return HUGE * HUGE;
    if (x < U_THRESHOLD) return TWOM1000 * TWOM1000;
  }
  let k = 0;
  if (hx > 0x3fd62e42) {
    // V8 returns E for exp(1): fdlibm's own result is one ulp off.
    if (x === 1.0) return E;
    k = reduce(x, hx, xsb);
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    if (HUGE + x > 1) return 1 + x;
  }
  const t = x * x;
  const twopk = k >= -1021 ? fromWords(0x3ff00000 + (k << 20), 0) : fromWords(0x3ff00000 + ((k + 1000) << 20), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO1023;
    return y * twopk;
  }
  return y * twopk * TWOM1000;
}

const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

export function expm1(x: number): number {
  let hx = high(x);
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return nonFinite(x, hx, xsb, -1.0);
      if (x > O_THRESHOLD) return HUGE * HUGE;
    }
    if (xsb !== 0 && x + TINY < 0.0) return TINY - 1;
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    k = reduce(x, hx, xsb);
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    const t = HUGE + x;
    return x - (t - (HUGE + x));
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const twopk = fromWords(0x3ff00000 + (k << 20), 0);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) {
    y = 1 - (e - x);
    if (k === 1024) y = y * 2.0 * 8.98846567431158e307;
    else y = y * twopk;
    return y - 1;
  }
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0);
    y = t - (e - x);
    y = y * twopk;
  } else {
    t = fromWords((0x3ff - k) << 20, 0);
    y = x - (e + t);
    y += 1;
    y = y * twopk;
  }
  return y;
}
