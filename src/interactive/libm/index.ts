// Math.* as Node 20's V8 (11.3) computes them: ports of fdlibm as V8's src/base/ieee754.cc has it, for the
// page script. Browsers' engines have since changed theirs, and a page must compute the values a build
// computes, to the last bit. Each export is named after the Math method it stands for; the tests check
// each against Node's own. The ports keep fdlibm's order of operations: reordering any sum changes bits.
// C casts of doubles to int are Math.trunc; the words of a double are read and written in words.ts.

export { atan } from './atan.ts';
export { cbrt } from './cbrt.ts';
export { exp, expm1 } from './exp.ts';
export { asinh, atanh, cosh, sinh, tanh } from './hyperbolic.ts';
export { log, log2, log10 } from './log.ts';
export { log1p } from './log1p.ts';
export { pow } from './pow.ts';
export { cos, sin } from './trig.ts';
