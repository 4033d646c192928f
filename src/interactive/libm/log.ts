// e_log.c, e_log2.c (with k_log.h) and e_log10.c, which share their special values and their reduction
// of x to 2^k * m, and log and log2 their polynomial in s = f / (2 + f), f = m - 1.

import { high, LN2_HI, LN2_LO, low, TWO54, withHigh, withLow } from './words.ts';

export const LG1 = 6.66666666666673513e-1;
export const LG2 = 3.999999999940941908e-1;
export const LG3 = 2.857142874366239149e-1;
export const LG4 = 2.222219843214978396e-1;
export const LG5 = 1.818357216161805012e-1;
export const LG6 = 1.531383769920937332e-1;
export const LG7 = 1.479819860511658591e-1;

/** The log of zero (-inf), of a negative or NaN (NaN) and of +inf (+inf); undefined for a finite x > 0. */
function special(x: number): number | undefined {
  const hx = high(x);
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | low(x)) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  return undefined;
}

/** k and the fraction bits of m's high word of the last split (the page script is single-threaded). */
let k = 0;
let hm = 0;

/** x = 2^k * m, 1 <= m < 2, for a finite x > 0; returns x, scaled by 2^54 if subnormal (so same low word as m). */
function split(x: number): number {
  let hx = high(x);
  k = 0;
  if (hx < 0x00100000) {
    k -= 54;
    x *= TWO54;
    hx = high(x);
  }
  k += (hx >> 20) - 1023;
  hm = hx & 0x000fffff;
  return x;
}

/** f = m - 1 with x = 2^k * m, sqrt(2)/2 <= m < sqrt(2), for a finite x > 0. */
function fraction(x: number): number {
  x = split(x);
  const i = (hm + 0x95f64) & 0x100000;
  x = withHigh(x, hm | (i ^ 0x3ff00000));
  k += i >> 20;
  return x - 1.0;
}

/** The polynomial R(z) of log(1+f) = f - f^2/2 + s*(f^2/2 + R(s^2)). */
function poly(z: number): number {
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  return t2 + t1;
}

export function log(x: number): number {
  const edge = special(x);
  if (edge !== undefined) return edge;
  const f = fraction(x);
  if ((0x000fffff & (2 + hm)) < 3) {
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const R = poly(s * s);
  if (((hm - 0x6147a) | (0x6b851 - hm)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

const IVLN2HI = 1.44269504072144627571;
const IVLN2LO = 1.67517131648865118353e-10;

export function log2(x: number): number {
  const edge = special(x);
  if (edge !== undefined) return edge;
  if (x === 1) return 0.0;
  const f = fraction(x);
  const y = k;
  const hfsq = 0.5 * f * f;
  // k_log.h's k_log1p(f): log(1+f) - f + f^2/2.
  const s = f / (2.0 + f);
  const r = s * (hfsq + poly(s * s));
  const hi = withLow(f - hfsq, 0);
  const lo = f - hi - hfsq + r;
  let valHi = hi * IVLN2HI;
  let valLo = (lo + hi) * IVLN2LO + lo * IVLN2HI;
  const w = y + valHi;
  valLo += y - w + valHi;
  valHi = w;
  return valLo + valHi;
}

const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

export function log10(x: number): number {
  const edge = special(x);
  if (edge !== undefined) return edge;
  if (x === 1) return 0.0;
  x = split(x);
  const i = k >>> 31;
  const y = k + i;
  x = withHigh(x, hm | ((0x3ff - i) << 20));
  const z = y * LOG10_2LO + IVLN10 * log(x);
  return z + y * LOG10_2HI;
}
