// e_rem_pio2.c: x - n*pi/2, as two doubles, for sin and cos.

import { kernelRemPio2, TWO24 } from './kernel-rem-pio2.ts';
import { fromWords, high, low } from './words.ts';

const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a,
  0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a,
  0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c, 0x404534ac,
  0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

const INVPIO2 = 6.36619772367581382433e-1;
// pi/2 = PIO2_1 + PIO2_1T, PIO2_1 being its first 33 bits.
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
/** pi/2's next 33 bits and the next 33 after those, each with the tail of pi/2 after it (fdlibm's pio2_2, pio2_3). */
const MORE = [6.0771005063039659766e-11, 2.0222662487111664558e-21];
const MORE_T = [2.02226624879595063154e-21, 8.47842766036889956997e-32];
/** How far the exponent of |x| - n*pi/2 may fall below |x|'s before medium takes in MORE[0], then MORE[1]. */
const CANCELLED = [16, 49];

/** The reduced argument yy[0] + yy[1] of remPio2 (the page script is single-threaded). */
export const yy = new Float64Array(2);
const tx = new Float64Array(3);

/**
 * __ieee754_rem_pio2: x - n*pi/2 into yy[0] + yy[1]; returns n. It reduces |x| and negates for x < 0, as
 * fdlibm does past 3pi/4: rounding to nearest is symmetric, so the bits are those of reducing x itself.
 */
export function remPio2(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    yy[0] = x;
    yy[1] = 0;
    return 0;
  }
  if (ix >= 0x7ff00000) {
    yy[0] = yy[1] = x - x;
    return 0;
  }
  let n: number;
  if (ix < 0x4002d97c) n = nearPio2(Math.abs(x), ix);
  else if (ix <= 0x413921fb) n = medium(Math.abs(x), ix);
  else n = large(ix, low(x));
  if (hx < 0) {
    yy[0] = -yy[0];
    yy[1] = -yy[1];
    return -n;
  }
  return n;
}

/** |x| - pi/2, for |x| < 3pi/4; its high word ix is pi/2's when |x| is near it, which takes 33 more bits. */
function nearPio2(t: number, ix: number): number {
  let z = t - PIO2_1;
  let tail = PIO2_1T;
  if (ix === 0x3ff921fb) {
    z -= MORE[0];
    tail = MORE_T[0];
  }
  yy[0] = z - tail;
  yy[1] = z - yy[0] - tail;
  return 1;
}

/** |x| - n*pi/2 for |x| <= 2^19 * pi/2, with 33 or 66 more bits of pi/2 where the first 33 cancel. */
function medium(t: number, ix: number): number {
  const n = Math.trunc(t * INVPIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T;
  yy[0] = r - w;
  if (n >= 32 || ix === NPIO2_HW[n - 1]) {
    const j = ix >> 20;
    for (let p = 0; p < 2 && j - ((high(yy[0]) >> 20) & 0x7ff) > CANCELLED[p]; p++) {
      t = r;
      w = fn * MORE[p];
      r = t - w;
      w = fn * MORE_T[p] - (t - r - w);
      yy[0] = r - w;
    }
  }
  yy[1] = r - yy[0] - w;
  return n;
}

/** |x| - n*pi/2 for a finite |x| > 2^19 * pi/2, ix and lx being its words: 24 bits at a time, to k_rem_pio2. */
function large(ix: number, lx: number): number {
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lx);
  for (let i = 0; i < 2; i++) {
    tx[i] = Math.trunc(z);
    z = (z - tx[i]) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--;
  return kernelRemPio2(tx, yy, e0, nx);
}
