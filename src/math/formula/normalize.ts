import type { MathNode } from 'mathjs';
import { call, callName, children, cond, isCall, isCond, isOp, isSym, num, op, unwrap, type OpNode } from './nodes.ts';

/**
 * The form the derivative, break and evaluation code work on, from a checked parse tree:
 * - max, min, abs and sign become conditionals, so that every kink is a comparison
 *   (max(a, b) is `a > b ? a : b`, abs(u) is `u < 0 ? -u : u`); their derivatives are then the
 *   branches' derivatives, and a kink is where a comparison's two sides cross;
 * - a chain `a < z <= b` becomes `a < z and z <= b`;
 * - pow(a, b) becomes a ^ b and e ^ u becomes exp(u) (Math.exp is exact where Math.pow(Math.E, u) is not);
 * - parentheses and unary plus go.
 * Each value is the same as the original's (max's tie picks b, equal to a).
 */
export function normalize(node: MathNode): MathNode {
  const n = unwrap(node);
  if (n.type === 'RelationalNode') {
    const { conditionals, params } = n as unknown as { conditionals: string[]; params: MathNode[] };
    const links = conditionals.map((fn, i) => op(fn, [normalize(params[i]), normalize(params[i + 1])]));
    return links.reduce((a, b) => op('and', [a, b]));
  }
  if (isCond(n)) return cond(normalize(n.condition), normalize(n.trueExpr), normalize(n.falseExpr));
  if (isOp(n)) {
    const args = n.args.map(normalize);
    if (n.fn === 'unaryPlus') return args[0];
    if (n.fn === 'pow' && isSym(args[0]) && args[0].name === 'e') return call('exp', [args[1]]);
    return op(n.fn, args);
  }
  if (isCall(n)) {
    const name = callName(n);
    const args = n.args.map(normalize);
    switch (name) {
      case 'max':
        return args.reduce((a, b) => cond(op('larger', [a, b]), a, b));
      case 'min':
        return args.reduce((a, b) => cond(op('smaller', [a, b]), a, b));
      case 'abs':
        return cond(op('smaller', [args[0], num(0)]), op('unaryMinus', [args[0]]), args[0]);
      case 'sign':
        return cond(op('larger', [args[0], num(0)]), num(1), cond(op('smaller', [args[0], num(0)]), num(-1), num(0)));
      case 'pow':
        return normalize(op('pow', args));
      default:
        return call(name, args);
    }
  }
  if (children(n).length === 0) return n;
  throw new Error(`normalize: unexpected ${n.type}`);
}

/**
 * The user's spelling back where `normalize` wrote conditionals, for LaTeX: the derivative of
 * max(z, 0) reads `z > 0 ? 1 : 0`, but a condition such as max(z, -1) < 1 is clearer as typed.
 */
export function denormalize(node: MathNode): MathNode {
  if (isCond(node)) {
    const c = node.condition;
    const [t, f] = [node.trueExpr, node.falseExpr];
    if (isOp(c) && (c.fn === 'larger' || c.fn === 'smaller') && c.args[0].equals(t) && c.args[1].equals(f)) {
      return call(c.fn === 'larger' ? 'max' : 'min', [denormalize(t), denormalize(f)]);
    }
    if (isOp(c) && c.fn === 'smaller' && isZeroNode(c.args[1]) && c.args[0].equals(f) && isNegationOf(t, f)) {
      return call('abs', [denormalize(f)]);
    }
    return cond(denormalize(c), denormalize(t), denormalize(f));
  }
  if (isOp(node)) return op(node.fn, node.args.map(denormalize));
  if (isCall(node)) return call(callName(node), node.args.map(denormalize));
  return node;
}

const isZeroNode = (n: MathNode) => n.type === 'ConstantNode' && (n as unknown as { value: unknown }).value === 0;
const isNegationOf = (t: MathNode, f: MathNode) =>
  isOp(t) && (t as OpNode).fn === 'unaryMinus' && (t as OpNode).args[0].equals(f);
