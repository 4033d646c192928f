// s_tanh.c, V8's sinh and cosh (its ES6 draft methods, built on expm1 and exp), s_asinh.c and e_atanh.c.

import { exp, expm1 } from './exp.ts';
import { log } from './log.ts';
import { log1p } from './log1p.ts';
import { HUGE, high, LN2, low, TINY, withHigh } from './words.ts';

export function tanh(x: number): number {
  const jx = high(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    if (jx >= 0) return 1 / x + 1;
    return 1 / x - 1;
  }
  let z: number;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000 && HUGE + x > 1) return x;
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1 - TINY;
  }
  return jx >= 0 ? z : -z;
}

const KSINH_OVERFLOW = 710.4758600739439;
const TWO_M28 = 3.725290298461914e-9;
const LOG_MAXD = 709.7822265625;
const SHUGE = 1.0e307;

/** h * exp(ax) as (h * w) * w, w = exp(ax / 2), for the ax where exp(ax) overflows and h * exp(ax) does not. */
function halfSquare(h: number, ax: number): number {
  const w = exp(0.5 * ax);
  const t = h * w;
  return t * w;
}

export function sinh(x: number): number {
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < TWO_M28) return x;
    const t = expm1(ax);
    if (ax < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < LOG_MAXD) return h * exp(ax);
  if (ax <= KSINH_OVERFLOW) return halfSquare(h, ax);
  return x * SHUGE;
}

export function cosh(x: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3fd62e43) {
    const t = expm1(Math.abs(x));
    const w = 1 + t;
    if (ix < 0x3c800000) return w;
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x));
  if (Math.abs(x) <= KSINH_OVERFLOW) return halfSquare(0.5, Math.abs(x));
  if (ix >= 0x7ff00000) return x * x;
  return HUGE * HUGE;
}

export function asinh(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  if (ix < 0x3e300000 && HUGE + x > 1) return x;
  let w: number;
  if (ix > 0x41b00000) {
    w = log(Math.abs(x)) + LN2;
  } else if (ix > 0x40000000) {
    const t = Math.abs(x);
    w = log(2.0 * t + 1 / (Math.sqrt(x * x + 1) + t));
  } else {
    const t = x * x;
    w = log1p(Math.abs(x) + t / (1 + Math.sqrt(1 + t)));
  }
  return hx > 0 ? w : -w;
}

export function atanh(x: number): number {
  const hx = high(x);
  const lx = low(x);
  const ix = hx & 0x7fffffff;
  if (ix > 0x3ff00000 || (ix === 0x3ff00000 && lx !== 0)) return Number.NaN;
  if (ix === 0x3ff00000) return x > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (ix < 0x3e300000 && HUGE + x > 0) return x;
  x = withHigh(x, ix);
  let t: number;
  if (ix < 0x3fe00000) {
    t = x + x;
    t = 0.5 * log1p(t + (t * x) / (1 - x));
  } else {
    t = 0.5 * log1p((x + x) / (1 - x));
  }
  return hx >= 0 ? t : -t;
}
