import type { MathNode } from 'mathjs';
import { registerGap, TIE } from './exact.ts';
import { mathjs } from './mathjs.ts';
import { STABLE_RULES } from './stable.ts';
import {
  call,
  callName,
  COMPARISONS,
  cond,
  hasZ,
  isCall,
  isCond,
  isOp,
  isTest,
  num,
  op,
  sym,
  withHoles,
} from './nodes.ts';

// f'(u) for the functions mathjs's derivative does not know (or writes in a form unfit here), as trees in u.
const RULES: Readonly<Record<string, (u: MathNode) => MathNode>> = {
  log1p: (u) => op('divide', [num(1), op('add', [num(1), u])]),
  expm1: (u) => call('exp', [u]),
  // mathjs writes 1/(3·u^(2/3)), which Math.pow makes NaN for u < 0; cbrt is real there.
  cbrt: (u) => op('divide', [num(1), op('multiply', [num(3), op('pow', [call('cbrt', [u]), num(2)])])]),
  // 2/√π·e^(-u²)
  erf: (u) => op('multiply', [num(2 / Math.sqrt(Math.PI)), call('exp', [op('unaryMinus', [op('pow', [u, num(2)])])])]),
  ...STABLE_RULES,
};

/** What mathjs's derivative cannot take (or not as wanted): conditionals, comparisons, the functions of RULES. */
const isOwn = (n: MathNode) => isCond(n) || isTest(n) || (isCall(n) && Object.hasOwn(RULES, callName(n)));

/**
 * d/dz of a normalized tree. mathjs differentiates everything it knows; the rest is done here:
 * a conditional branch by branch (d(c ? a : b) = c ? da : db, its condition untouched), a comparison
 * as 0 (it is piecewise constant), erf, log1p, expm1 and cbrt by the chain rule. Where such pieces sit
 * inside an expression mathjs knows, each is given to mathjs as a variable of its own, and the
 * multivariable chain rule adds its part: d/dz F(z, h) = ∂F/∂z + ∂F/∂h·dh/dz.
 */
export function differentiate(node: MathNode): MathNode {
  return tidy(derive(node));
}

/** Thrown when deriving runs past its deadline (withDeadline). */
export class DeadlineError extends Error {}

let deadline = Infinity;

/**
 * Runs `work` (which derives) with a deadline `ms` from now: each step of deriving and tidying checks
 * it and throws DeadlineError past it. A step is one mathjs derivative or simplifyCore of a piece
 * between conditionals, which the formula's size and nesting limits (parse.ts) keep short.
 */
export function withDeadline<T>(ms: number, work: () => T): T {
  const outer = deadline;
  deadline = Math.min(outer, performance.now() + ms);
  try {
    return work();
  } finally {
    deadline = outer;
  }
}

function step(): void {
  if (performance.now() > deadline) throw new DeadlineError('deriving took too long');
}

function derive(node: MathNode): MathNode {
  step();
  if (!hasZ(node)) return num(0);
  if (isCond(node)) return cond(node.condition, derive(node.trueExpr), derive(node.falseExpr));
  if (isTest(node)) return num(0);
  if (isCall(node) && Object.hasOwn(RULES, callName(node))) {
    const u = node.args[0];
    return op('multiply', [RULES[callName(node)](u), derive(u)]);
  }
  const { derivative } = mathjs();
  return withHoles(node, isOwn, (holed, holes) => {
    let sum = derivative(holed, sym('z') as never, { simplify: false });
    for (const hole of holes) {
      if (!hasZ(hole.node)) continue;
      const partial = derivative(holed, sym(hole.name) as never, { simplify: false });
      sum = op('add', [sum, op('multiply', [partial, derive(hole.node)])]);
    }
    return sum;
  });
}

/**
 * mathjs's simplifyCore (x·1 → x, x + 0 → x, 0·x → 0, constants to the left of a product) on every
 * piece between conditionals, which it leaves alone. Each of these rewrites gives the same double,
 * so accuracy is untouched (0·x → 0 even drops a NaN from a term that is identically zero).
 * A conditional whose branches are equal goes too: f'' of a piecewise-linear f is 0, not `c ? 0 : 0`.
 */
export function tidy(node: MathNode): MathNode {
  step();
  if (isCond(node)) {
    const [t, f] = [tidy(node.trueExpr), tidy(node.falseExpr)];
    return t.equals(f) ? t : cond(tidy(node.condition), t, f);
  }
  return withHoles(node, isCond, (holed) => mathjs().simplifyCore(holed, { context: WATCHED }), tidy);
}

/**
 * A context for simplifyCore that adds nothing to mathjs's own (it has no properties) but is asked at
 * every node simplifyCore visits: there the deadline is checked. simplifyCore simplifies a subtree again
 * each time it rewrites above it (a − (−b) → a + b), which on some derivatives grows exponentially with
 * the depth (a product of four 6-deep nests takes seconds, of six minutes): one call can be long.
 */
let visits = 0;
const WATCHED = new Proxy(
  {},
  {
    getOwnPropertyDescriptor: () => {
      if ((++visits & 255) === 0) step();
      return undefined;
    },
  },
);

/**
 * The tree with each comparison decided, where its two sides are exactly equal, as it is just to the
 * `kink` side of that point: `l > r` becomes `l == r ? (tie ? -(l - r)' > 0 : l > r) : l > r` for
 * 'left' (just left of a crossing, l - r has the sign of minus its slope). Used for f' and f'': at a
 * kink they take the derivative of the piece on that side, as PyTorch's relu'(0) = 0 and
 * leaky_relu'(0) = slope do, whichever way the user wrote the comparison. `tie` is exactTie: sides that
 * are equal only after rounding (max(z, z² - 1) at the double nearest φ) are no kink, and there f' and
 * f'' take the branch that f's value takes. An equality that holds (a guard such as z == 0) is never
 * the side's own test, so derivatives take the other branch there, whose limit the Taylor evaluation
 * gives. Nested comparisons are decided the same way.
 */
export function sided(node: MathNode, kink: 'left' | 'right'): MathNode {
  return node.transform((n) => {
    if (!isOp(n) || !COMPARISONS.has(n.fn)) return n;
    const gap = op('subtract', n.args);
    if (!hasZ(gap)) return n;
    const [l, r] = n.args.map((a) => sided(a, kink));
    const slope = sided(differentiate(gap), kink);
    const toward = kink === 'left' ? op('unaryMinus', [slope]) : slope;
    const { id, names } = registerGap(gap);
    const tie = call(TIE, [num(id), sym('z'), ...names.map(sym)]);
    const plain = op(n.fn, [l, r]);
    return cond(op('equal', [l, r]), cond(tie, op(n.fn, [toward, num(0)]), plain), plain);
  });
}
