import type { MathNode } from 'mathjs';
import { mathjs } from './mathjs.ts';
import { denormalize } from './normalize.ts';
import { callName, cond, isCall, isCond, withHoles } from './nodes.ts';

// mathjs writes erf(z) in italics and sign(z) as \mathrm; KaTeX typesets \operatorname as \sin is typeset.
const OPERATOR_NAMES = new Set(['erf', 'sign']);
const SIMPLIFY_MAX = 40;

/** LaTeX of a tree (mathjs's toTex), in forms KaTeX 0.16 renders. */
export function tex(node: MathNode): string {
  return node.toTex({
    handler: (n: MathNode, options: object) => {
      if (isCall(n) && OPERATOR_NAMES.has(callName(n))) {
        const args = n.args.map((a) => a.toTex(options)).join(', ');
        return `\\operatorname{${callName(n)}}\\left(${args}\\right)`;
      }
      return undefined;
    },
  } as never);
}

/**
 * LaTeX of f' for reading: mathjs's simplify on each piece between conditionals (it cannot take the
 * conditionals themselves), then the user's max/min/abs back in the conditions. Only for display: the
 * numbers come from the unsimplified tree (simplify is slow on f'' and may reorder sums).
 * simplify's time grows fast with size (0.1 s for GELU's 60 nodes, a quarter of a second for 150): pieces
 * over SIMPLIFY_MAX nodes only have their constants folded ("3 - 1" → 2) and x·1 dropped, which is instant.
 */
export function derivativeTex(derivative: MathNode): string {
  return tex(denormalize(readable(derivative)));
}

function readable(node: MathNode): MathNode {
  if (isCond(node)) return cond(node.condition, readable(node.trueExpr), readable(node.falseExpr));
  return withHoles(
    node,
    isCond,
    (holed) => {
      const { simplify, simplifyConstant, simplifyCore } = mathjs();
      let size = 0;
      holed.traverse(() => size++);
      try {
        if (size <= SIMPLIFY_MAX) return simplify(holed, {}, { exactFractions: false });
        return simplifyCore(simplifyConstant(holed, { exactFractions: false }));
      } catch {
        return holed;
      }
    },
    readable,
  );
}
