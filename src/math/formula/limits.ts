import type { MathNode } from 'mathjs';
import type { ParamValues } from '../activations/types.ts';
import { crossingPoints, crossings } from './breaks.ts';
import type { Fn } from './numeric.ts';
import { derivativeAt, lastTerm, series } from './taylor.ts';

/**
 * How far from a guard its Taylor series stands in for the symbolic derivatives. Near a removable
 * singularity the quotient rule cancels (f'' of sin(z)/z loses about ε/h³ of its size at distance h);
 * the series about the guard, with its 0/0 cancelled, keeps full precision out to here and beyond.
 */
const RADIUS = 0.05;

/**
 * The derivatives of a formula as f' and f'' are evaluated: within RADIUS of a guard (an equality such
 * as `z == 0`, whose branch patches one point), from the other branch's Taylor series about that point;
 * elsewhere the symbolic derivative, and where that is not finite but the Taylor series at z is, the
 * series. `sidedTree` is f's tree with its comparisons decided as the derivatives decide them.
 */
export function withLimits(
  tree: MathNode,
  sidedTree: MathNode,
  defaults: readonly (readonly [string, number])[],
): (order: 1 | 2 | 3, symbolic: Fn) => Fn {
  const guards = crossings(tree, defaults, (fn) => fn === 'equal' || fn === 'unequal');
  // Where the symbolic derivative is not finite, the Taylor series at z itself, if that is.
  const atSingularities =
    (order: 1 | 2 | 3, symbolic: Fn): Fn =>
    (z, p) => {
      const v = symbolic(z, p);
      if (Number.isFinite(v)) return v;
      const t = derivativeAt(series(sidedTree, defaults, z, p), order, 0);
      return Number.isFinite(t) ? t : v;
    };
  if (guards.length === 0) return atSingularities;
  const all = crossings(tree, defaults);
  const names = defaults.map(([key]) => key);
  const found = new Map<string, { z: number; c: number[] }[]>();
  // The guards of parameters p that stand alone (no other break within RADIUS), each with its series.
  const near = (p: ParamValues) => {
    const key = JSON.stringify(names.map((k) => p[k]));
    let list = found.get(key);
    if (!list) {
      if (found.size >= 64) found.clear();
      const others = crossingPoints(all, p);
      list = crossingPoints(guards, p)
        .filter((g) => !others.some((o) => o !== g && Math.abs(o - g) <= 2 * RADIUS))
        .map((g) => ({ z: g, c: series(sidedTree, defaults, g, p) }));
      found.set(key, list);
    }
    return list;
  };
  return (order, symbolic) => {
    const rest = atSingularities(order, symbolic);
    return (z, p) => {
      for (const g of near(p)) {
        const h = z - g.z;
        if (Math.abs(h) > RADIUS) continue;
        const v = derivativeAt(g.c, order, h);
        // Trusted where its terms have died out to well below an ulp; else the symbolic derivative.
        if (Number.isFinite(v) && lastTerm(g.c, order, h) <= 1e-17 * Math.abs(v) + 1e-300) return v;
      }
      return rest(z, p);
    };
  };
}
