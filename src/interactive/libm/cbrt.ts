// s_cbrt.c

import { fromWords, high, low } from './words.ts';

const B1 = 715094163;
const B2 = 696219795;
const CP0 = 1.87595182427177009643;
const CP1 = -1.88497979543377169875;
const CP2 = 1.62142972010535446614;
const CP3 = -0.758397934778766047437;
const CP4 = 0.145996192886612446982;

export function cbrt(x: number): number {
  let hx = high(x);
  const lx = low(x);
  const sign = hx & 0x80000000;
  hx ^= sign;
  if (hx >= 0x7ff00000) return x + x;
  let t: number;
  if (hx < 0x00100000) {
    if ((hx | lx) === 0) return x;
    t = fromWords(0x43500000, 0) * x;
    t = fromWords(sign | (Math.trunc((high(t) & 0x7fffffff) / 3) + B2), 0);
  } else {
    t = fromWords(sign | (Math.trunc(hx / 3) + B1), 0);
  }
  let r = t * t * (t / x);
  t = t * (CP0 + r * (CP1 + r * CP2) + r * r * r * (CP3 + r * CP4));
  // Round t away from zero to 23 bits: add 2^31 to the 64-bit word, then clear its low 30 bits.
  const sum = low(t) + 0x80000000;
  const carry = sum >= 0x100000000 ? 1 : 0;
  t = fromWords(high(t) + carry, sum & 0xc0000000);
  const s = t * t;
  r = x / s;
  const w = t + t;
  r = (r - t) / (w + r);
  return t + t * r;
}
