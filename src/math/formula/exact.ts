import type { EvalFunction, MathNode } from 'mathjs';
import { mathjs } from './mathjs.ts';
import { isCall, isSym } from './nodes.ts';

/** The name under which compiled formulas find `exactTie`: no formula can spell it. */
export const TIE = 'tie$js';

const gaps: { code: EvalFunction; names: string[] }[] = [];
// The same gap (a formula compiled again, f' and f'' sharing f's comparisons) is registered once.
const ids = new Map<string, number>();

/**
 * Registers the gap l - r of a comparison for `exactTie`; returns its id and the parameters it reads,
 * which a call `tie$js(id, z, ...names)` passes in that order.
 */
export function registerGap(gap: MathNode): { id: number; names: string[] } {
  const text = gap.toString();
  const known = ids.get(text);
  if (known !== undefined) return { id: known, names: gaps[known].names };
  const names = new Set<string>();
  gap.traverse((n, path, parent) => {
    if (isSym(n) && !(parent && isCall(parent) && path === 'fn') && !['z', 'pi', 'e'].includes(n.name))
      names.add(n.name);
  });
  const entry = { code: gap.compile(), names: [...names] };
  gaps.push(entry);
  ids.set(text, gaps.length - 1);
  return { id: gaps.length - 1, names: entry.names };
}

const view = new DataView(new ArrayBuffer(8));

/** A double's exact value as a hexadecimal float string, which decimal.js (mathjs's BigNumber) reads exactly. */
export function exactHex(x: number): string {
  if (x === 0) return '0';
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? '-' : '';
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & 0xfffffffffffffn).toString(16).padStart(13, '0');
  return exponent === 0 ? `${sign}0x0.${mantissa}p-1022` : `${sign}0x1.${mantissa}p${exponent - 1023}`;
}

/**
 * Whether a comparison whose two sides are equal in double precision at z is a true tie: its gap, computed
 * again from the exact values of z and the parameters with 64 significant digits, is 0 (below 1e-50 of
 * the largest of 1, |z| and the parameters). relu's max(z, 0) at 0 is one; max(z, z² - 1) at
 * 1.618033988749895, where z² - 1 rounds to z but exceeds it by 1.2e-16, is not. A gap mathjs cannot
 * compute with BigNumbers (erf, a constant with more than 15 digits) counts as a tie, as every double
 * tie did before.
 */
export function exactTie(id: number, z: number, ...params: number[]): boolean {
  const { code, names } = gaps[id];
  const { bignumber } = mathjs();
  const scope = new Map<string, unknown>([['z', bignumber(exactHex(z))]]);
  names.forEach((name, i) => {
    scope.set(name, bignumber(exactHex(params[i])));
  });
  try {
    const gap = code.evaluate(scope) as { isZero(): boolean; abs(): { lte(x: unknown): boolean } };
    if (typeof gap !== 'object' || gap === null || !('isZero' in gap)) return true;
    if (gap.isZero()) return true;
    const size = Math.max(1, Math.abs(z), ...params.map(Math.abs));
    return gap.abs().lte(bignumber(size).times(bignumber('1e-50')));
  } catch {
    return true;
  }
}
