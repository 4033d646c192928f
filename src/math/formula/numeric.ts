import type { MathNode } from 'mathjs';
import type { ParamValues } from '../activations/types.ts';
import { exactTie, TIE } from './exact.ts';
import { POW } from './mathjs.ts';
import { call, isOp } from './nodes.ts';
import { STABLE } from './stable.ts';

export type Fn = (z: number, p: ParamValues) => number;

/**
 * A tree compiled once by mathjs into a function of z and the parameters, in double precision (x ^ y
 * by Math.pow: NaN for a negative base and a fractional power, as in PyTorch).
 * A parameter missing from `p` takes its default. Anything but a number (a Complex that slipped
 * through, a matrix) is NaN, which the finiteness check reports; a comparison is 0 or 1.
 */
export function numeric(node: MathNode, defaults: readonly (readonly [string, number])[]): Fn {
  const code = node.transform((n) => (isOp(n) && n.fn === 'pow' ? call(POW, n.args) : n)).compile();
  // mathjs reads a Map scope as is; an object it would wrap in a Map at every call. A called name is looked
  // up in the scope first: the stable forms derivatives are written in and the exact tie test live there.
  const scope = new Map<string, unknown>([...Object.entries(STABLE), [TIE, exactTie]]);
  return (z, p) => {
    for (const [key, fallback] of defaults) {
      const value = p[key];
      scope.set(key, typeof value === 'number' ? value : fallback);
    }
    scope.set('z', z);
    const value: unknown = code.evaluate(scope);
    return typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : NaN;
  };
}
