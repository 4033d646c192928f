import type { MathNode } from 'mathjs';
import { sigmoid, sigmoidGrad, sigmoidGrad2, softplus } from '../activations/math.ts';
import { call, callName, isCall, isNum, isOp, num, op } from './nodes.ts';

// The stable building blocks that derivatives are written with, under names no formula can spell
// ('$' is not an identifier character in mathjs). f itself is evaluated as the user wrote it.

/** σ'''(x) = σ'(x)(1 - 6σ'(x)): from σ'' = σ'(1 - 2σ) and (1 - 2σ)² = 1 - 4σ'. */
const sigmoidGrad3 = (x: number) => {
  const s = sigmoidGrad(x);
  return s * (1 - 6 * s);
};

/** log(cosh x) = |x| + log1p(e^(-2|x|)) - log 2, finite wherever cosh overflows. */
const logcosh = (x: number) => Math.abs(x) + Math.log1p(Math.exp(-2 * Math.abs(x))) - Math.LN2;

/** Each internal function's value, as compiled formulas call it. */
export const STABLE: Readonly<Record<string, (x: number) => number>> = {
  sigmoid$: sigmoid,
  sigmoidGrad$: sigmoidGrad,
  sigmoidGrad2$: sigmoidGrad2,
  sigmoidGrad3$: sigmoidGrad3,
  softplus$: softplus,
  logcosh$: logcosh,
};

/** Each internal function's derivative, as a tree in its argument u (the chain rule adds u'). */
export const STABLE_RULES: Readonly<Record<string, (u: MathNode) => MathNode>> = {
  sigmoid$: (u) => call('sigmoidGrad$', [u]),
  sigmoidGrad$: (u) => call('sigmoidGrad2$', [u]),
  sigmoidGrad2$: (u) => call('sigmoidGrad3$', [u]),
  // σ'''' = σ''(1 - 12σ'), from σ''' = σ' - 6σ'².
  sigmoidGrad3$: (u) =>
    op('multiply', [
      call('sigmoidGrad2$', [u]),
      op('subtract', [num(1), op('multiply', [num(12), call('sigmoidGrad$', [u])])]),
    ]),
  softplus$: (u) => call('sigmoid$', [u]),
  logcosh$: (u) => call('tanh', [u]),
};

const isOne = (n: MathNode) => isNum(n) && n.value === 1;
/** u when n is name(u). */
const argOf = (n: MathNode, name: string) =>
  isCall(n) && callName(n) === name && n.args.length === 1 ? n.args[0] : undefined;
const negate = (u: MathNode) => (isOp(u) && u.fn === 'unaryMinus' ? u.args[0] : op('unaryMinus', [u]));

/** u when n is 1 + u or u + 1. */
function onePlus(n: MathNode): MathNode | undefined {
  if (!isOp(n) || n.fn !== 'add') return undefined;
  const [a, b] = n.args;
  return isOne(a) ? b : isOne(b) ? a : undefined;
}

/** u when n is 1 + exp(u) or exp(u) + 1. */
const onePlusExp = (n: MathNode) => {
  const v = onePlus(n);
  return v && argOf(v, 'exp');
};

function rewrite(n: MathNode): MathNode {
  if (isOp(n) && n.fn === 'divide') {
    const [a, b] = n.args;
    const u = onePlusExp(b);
    if (u) {
      // e^u / (1 + e^u) = σ(u); a / (1 + e^u) = a·σ(-u): no e^u overflowing to ∞/∞ in the quotient rule.
      if (argOf(a, 'exp')?.equals(u)) return call('sigmoid$', [u]);
      const s = call('sigmoid$', [negate(u)]);
      return isOne(a) ? s : op('multiply', [a, s]);
    }
  }
  if (isOp(n) && n.fn === 'subtract' && isOne(n.args[1])) {
    const u = argOf(n.args[0], 'exp');
    if (u) return call('expm1', [u]);
  }
  const exp1p = argOf(n, 'log1p');
  const u = exp1p && argOf(exp1p, 'exp');
  if (u) return call('softplus$', [u]);
  const log = argOf(n, 'log');
  if (log) {
    const c = argOf(log, 'cosh');
    if (c) return call('logcosh$', [c]);
    const v = onePlusExp(log);
    if (v) return call('softplus$', [v]);
    const w = onePlus(log);
    if (w) return call('log1p', [w]);
  }
  return n;
}

/**
 * A normalized tree rewritten, bottom up, into forms whose derivatives keep their precision: σ for
 * 1/(1 + e^-u) and e^u/(1 + e^u), softplus for log1p(e^u) and log(1 + e^u), log cosh for log(cosh u),
 * expm1 and log1p for e^u - 1 and log(1 + u). The same function, but f' of sigmoid's quotient at -800 is
 * σ'(-800) = 0 rather than ∞/∞, and f'' of log1p(e^z) at 400 is σ'(400) = 1.9e-174 rather than 1 - 1.
 */
export function stable(node: MathNode): MathNode {
  return rewrite(node.map((child) => stable(child)));
}
