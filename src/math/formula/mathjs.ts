import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';

/** What the formula code uses of mathjs, captured before the instance is locked down. */
export type Algebra = Pick<
  MathJsInstance,
  | 'parse'
  | 'derivative'
  | 'simplify'
  | 'simplifyCore'
  | 'simplifyConstant'
  | 'ConstantNode'
  | 'SymbolNode'
  | 'OperatorNode'
  | 'FunctionNode'
  | 'ConditionalNode'
  | 'bignumber'
>;

// Functions a compiled formula could reach through the instance's namespace if the whitelist in
// parse.ts ever let one through: mathjs's own hardening advice is to replace them.
const LOCKED = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'simplifyCore',
  'simplifyConstant',
  'derivative',
  'resolve',
  'rationalize',
  'reviver',
  'replacer',
  'chain',
  'help',
  // Not 'config': replacing it rebuilds every function with the default config (inexact comparisons,
  // Complex square roots).
];

/** The name under which compiled formulas find Math.pow: no formula can spell it. */
export const POW = 'pow$js';

// mathjs takes about a second to load: required on first use (not imported), so that commands and
// configs without formulas never pay for it.
const require = createRequire(import.meta.url);
let algebra: Algebra | undefined;

export function mathjs(): Algebra {
  if (algebra) return algebra;
  const { create, all } = require('mathjs') as typeof import('mathjs');
  const math = create(all, {
    // Real results only: sqrt(-1) and log(-1) are NaN, never Complex.
    predictable: true,
    // Comparisons exact, as in PyTorch: by default mathjs calls 1e-16 > 0 false (relative tolerance
    // 1e-12). relTol must be positive; the smallest double makes `a > b` plain `a > b`.
    relTol: Number.MIN_VALUE,
    absTol: 0,
  });
  const captured: Algebra = {
    parse: math.parse,
    derivative: math.derivative,
    simplify: math.simplify,
    simplifyCore: math.simplifyCore,
    simplifyConstant: math.simplifyConstant,
    ConstantNode: math.ConstantNode,
    SymbolNode: math.SymbolNode,
    OperatorNode: math.OperatorNode,
    FunctionNode: math.FunctionNode,
    ConditionalNode: math.ConditionalNode,
    bignumber: math.bignumber,
  };
  // x ^ y as JavaScript (and PyTorch) computes it. mathjs's predictable pow looks for a real odd root of a
  // negative base through fraction.js, which takes milliseconds a call; Math.pow gives NaN there, as
  // torch.pow does. Compiled formulas call it in place of mathjs's pow (see numeric.ts).
  math.import({ [POW]: (x: number, y: number) => x ** y });
  const locked = (name: string) => () => {
    throw new Error(`${name} is not available in formulas`);
  };
  math.import(Object.fromEntries(LOCKED.map((name) => [name, locked(name)])), { override: true });
  algebra = captured;
  return algebra;
}
