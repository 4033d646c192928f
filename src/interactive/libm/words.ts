// The words of a double, which fdlibm reads and writes as two 32-bit ints (GET_HIGH_WORD and the like),
// through one DataView, big-endian; and what several of the ports share: scalbn and a few constants.

const words = new DataView(new ArrayBuffer(8));

/** High 32 bits of x, as a signed int (fdlibm's GET_HIGH_WORD into an int32_t). */
export function high(x: number): number {
  words.setFloat64(0, x);
  return words.getInt32(0);
}

/** Low 32 bits of x, unsigned. */
export function low(x: number): number {
  words.setFloat64(0, x);
  return words.getUint32(4);
}

export function fromWords(hi: number, lo: number): number {
  words.setUint32(0, hi >>> 0);
  words.setUint32(4, lo >>> 0);
  return words.getFloat64(0);
}

export function withHigh(x: number, hi: number): number {
  words.setFloat64(0, x);
  words.setUint32(0, hi >>> 0);
  return words.getFloat64(0);
}

export function withLow(x: number, lo: number): number {
  words.setFloat64(0, x);
  words.setUint32(4, lo >>> 0);
  return words.getFloat64(0);
}

export const TWO54 = 1.8014398509481984e16;
const TWOM54 = 5.551115123125783e-17;
export const HUGE = 1.0e300;
export const TINY = 1.0e-300;
export const LN2 = 6.93147180559945286227e-1;
export const LN2_HI = 6.9314718036912381649e-1;
export const LN2_LO = 1.90821492927058770002e-10;
// fdlibm's invln2 (0x3FF71547 652B82FE) is this very double.
export const INVLN2 = Math.LOG2E;

/** x * 2^n with one rounding, as C's scalbn (FreeBSD's s_scalbn.c). */
export function scalbn(x: number, n: number): number {
  let hx = high(x);
  let k = (hx & 0x7ff00000) >> 20;
  if (k === 0) {
    if (((hx & 0x7fffffff) | low(x)) === 0) return x;
    x *= TWO54;
    hx = high(x);
    k = ((hx & 0x7ff00000) >> 20) - 54;
    if (n < -50000) return 1.0e-300 * x;
  }
  if (k === 0x7ff) return x + x;
  k += n;
  if (k > 0x7fe) return 1.0e300 * (x < 0 ? -1.0e300 : 1.0e300);
  if (k > 0) return withHigh(x, (hx & 0x800fffff) | (k << 20));
  if (k <= -54) {
    if (n > 50000) return 1.0e300 * (x < 0 ? -1.0e300 : 1.0e300);
    return 1.0e-300 * (x < 0 ? -1.0e-300 : 1.0e-300);
  }
  k += 54;
  return withHigh(x, (hx & 0x800fffff) | (k << 20)) * TWOM54;
}
