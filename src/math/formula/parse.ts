import type { MathNode } from 'mathjs';
import { didYouMean } from '../../errors.ts';
import { FormulaError } from './definition.ts';
import { mathjs } from './mathjs.ts';
import {
  callName,
  COMPARISONS,
  isCall,
  isNum,
  isOp,
  isSym,
  isTest,
  OPERATORS,
  unwrap,
  type CallNode,
} from './nodes.ts';

/** The functions a formula may call, with how many arguments each takes ([least, most]). */
export const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  exp: [1, 1],
  expm1: [1, 1],
  log: [1, 2],
  log1p: [1, 1],
  log10: [1, 1],
  sqrt: [1, 1],
  cbrt: [1, 1],
  pow: [2, 2],
  abs: [1, 1],
  sign: [1, 1],
  max: [2, Infinity],
  min: [2, Infinity],
  sin: [1, 1],
  cos: [1, 1],
  tan: [1, 1],
  asin: [1, 1],
  acos: [1, 1],
  atan: [1, 1],
  sinh: [1, 1],
  cosh: [1, 1],
  tanh: [1, 1],
  asinh: [1, 1],
  atanh: [1, 1],
  erf: [1, 1],
};
export const CONSTANTS = ['pi', 'e'];
/** Words mathjs's parser gives a meaning of its own: a parameter so named could not be written. */
const KEYWORDS = [
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  'end',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
];
/**
 * Functions that mathjs's derivative writes (tanh' = sech², tan' = sec²): a parameter so named would
 * hide them from the compiled f' and f'', which look a called name up in the scope first.
 */
const DERIVED = ['sech', 'sec', 'csc', 'cot', 'csch', 'coth'];

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Throws unless `name` can name a formula activation: an identifier that is no built-in's name or alias. */
export function checkFormulaName(name: string, builtinNames: readonly string[]): void {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new FormulaError(
      'name',
      `formula activation name ${JSON.stringify(name)} must start with a letter and have only letters, digits and _`,
    );
  }
  if (builtinNames.includes(name)) {
    throw new FormulaError('name', `"${name}" is a built-in activation; give the formula another name`);
  }
}

/** The parameters' defaults, checked: identifiers that shadow nothing, with finite numbers. */
export function checkParams(params: unknown): [string, number][] {
  if (params === undefined) return [];
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new FormulaError('params', 'params must map each parameter name to its default, e.g. { b: 4 }');
  }
  return Object.entries(params).map(([key, value]) => {
    const field = `params.${key}`;
    if (key === 'z') throw new FormulaError(field, 'a parameter cannot be named "z": z is the variable');
    if (!NAME.test(key)) {
      throw new FormulaError(
        field,
        `parameter name "${key}" must start with a letter and have only letters, digits and _`,
      );
    }
    if (CONSTANTS.includes(key)) throw new FormulaError(field, `parameter name "${key}" is taken by a constant`);
    if (Object.hasOwn(FUNCTIONS, key) || DERIVED.includes(key)) {
      throw new FormulaError(field, `parameter name "${key}" is taken by a function`);
    }
    if (KEYWORDS.includes(key)) throw new FormulaError(field, `parameter name "${key}" is a reserved word`);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const shown = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
      throw new FormulaError(field, `default must be a finite number, got ${shown}`);
    }
    return [key, value];
  });
}

// What a node type is called in a message, for the syntax mathjs parses but formulas do not allow.
const SYNTAX: Record<string, string> = {
  AssignmentNode: 'assignments (=); write only the expression in z',
  FunctionAssignmentNode: 'function definitions; write only the expression in z',
  BlockNode: 'several expressions (; or a new line)',
  ArrayNode: 'matrices',
  IndexNode: 'matrices',
  RangeNode: 'ranges (:)',
  ObjectNode: 'objects',
  AccessorNode: 'property access',
};

/**
 * Parses `text` (the `field` of a definition) and checks that it is a real-valued expression in z and
 * `params`: only numbers, the arithmetic operators, comparisons, `c ? a : b` and FUNCTIONS. This
 * whitelist is what keeps formulas from reaching the rest of mathjs (import, evaluate, units, ...).
 */
export function parseFormula(text: unknown, field: string, params: readonly string[]): MathNode {
  if (typeof text !== 'string') throw new FormulaError(field, 'must be a string, e.g. "max(z, 0)"');
  if (text.trim() === '') throw new FormulaError(field, 'is empty');
  let node: MathNode;
  try {
    node = mathjs().parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw tooLong(field);
    // mathjs says where: "Value expected (char 5)".
    throw new FormulaError(field, `cannot parse: ${(error as Error).message.replace(/\s+/g, ' ')}`);
  }
  try {
    check(node, field, params);
  } catch (error) {
    // Nested too deep for the walk (a 20,000-term sum): the size limit says so, not a stack trace.
    if (error instanceof RangeError) throw tooLong(field);
    throw error;
  }
  return node;
}

/**
 * The size limits of a formula: deriving symbolically takes time that grows about fourfold with each
 * function, division or power nested in another (sin(sin(…sin(z)…)) 14 deep would take hours), so a
 * formula nested deeper, or longer, is refused at once. Within them deriving takes about a second at most.
 */
export const MAX_NODES = 200;
export const MAX_NESTING = 7;

const tooLong = (field: string) =>
  new FormulaError(field, `too long: a formula may have at most ${MAX_NODES} numbers, names and operators`);

// A piece (max, min, abs, c ? a : b) counts twice: each is derived on both sides of its kink.
const PIECES = new Set(['max', 'min', 'abs']);
const weight = (n: MathNode): number =>
  n.type === 'ConditionalNode' || (isCall(n) && PIECES.has(callName(n)))
    ? 2
    : isCall(n) || (isOp(n) && (n.fn === 'divide' || n.fn === 'pow'))
      ? 1
      : 0;

/** Throws unless `node` is within MAX_NODES nodes and MAX_NESTING nested calls, divisions and powers. */
function checkSize(node: MathNode, field: string): void {
  let count = 0;
  let deepest = 0;
  const walk = (n: MathNode, calls: number): void => {
    count += 1;
    if (count > MAX_NODES) throw tooLong(field);
    const depth = calls + weight(n);
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_NESTING) {
      throw new FormulaError(
        field,
        `too deeply nested: at most ${MAX_NESTING} levels of functions, divisions, powers (max, min, abs, ?: count 2)`,
      );
    }
    n.forEach((child) => {
      if (!(isCall(n) && child === n.fn)) walk(child, depth);
    });
  };
  walk(node, 0);
}

function check(node: MathNode, field: string, params: readonly string[]): void {
  const names = ['z', ...params, ...CONSTANTS];
  checkSize(node, field);
  const fail = (message: string, hint = ''): never => {
    throw new FormulaError(field, `${message}${hint}`);
  };
  const visit = (n: MathNode): void => {
    if (isNum(n)) {
      if (typeof n.value !== 'number') fail(`unsupported value ${JSON.stringify(n.value)}: only numbers are allowed`);
      if (!Number.isFinite(n.value)) fail(`unsupported value ${n.value}: numbers must be finite`);
    } else if (isSym(n)) {
      if (!names.includes(n.name)) {
        if (Object.hasOwn(FUNCTIONS, n.name)) fail(`function "${n.name}" used without (): write ${n.name}(...)`);
        fail(`unknown name "${n.name}"`, didYouMean(n.name, names));
      }
    } else if (isCall(n)) {
      checkCall(n, names, fail);
    } else if (isOp(n)) {
      // mathjs reads `50%` as 50 / 100 (and `z % 2` as mod): the README lists neither.
      if ((n as unknown as { isPercentage?: boolean }).isPercentage) fail('unsupported operator "%"');
      if (!Object.hasOwn(OPERATORS, n.fn)) fail(`unsupported operator "${n.op}"`);
    } else if (n.type === 'ConditionalNode') {
      const test = unwrap((n as unknown as { condition: MathNode }).condition);
      if (!isTest(test) && test.type !== 'RelationalNode') {
        fail('the condition of "c ? a : b" must be a comparison such as z > 0');
      }
    } else if (n.type === 'RelationalNode') {
      for (const c of (n as unknown as { conditionals: string[] }).conditionals) {
        if (!COMPARISONS.has(c)) fail(`unsupported comparison "${c}"`);
      }
    } else if (n.type !== 'ParenthesisNode') {
      fail(`unsupported syntax: ${SYNTAX[n.type] ?? n.type}`);
    }
    // A call's name is a SymbolNode too: checked above, not as a variable.
    n.forEach((child) => {
      if (!(isCall(n) && child === n.fn)) visit(child);
    });
  };
  visit(node);
}

function checkCall(n: CallNode, names: readonly string[], fail: (message: string, hint?: string) => never): void {
  const name = callName(n);
  if (!name) fail('unsupported call of an expression');
  if (names.includes(name)) fail(`"${name}" is not a function: write ${name} * (...) for a product`);
  if (!Object.hasOwn(FUNCTIONS, name)) fail(`unsupported function "${name}"`, didYouMean(name, Object.keys(FUNCTIONS)));
  const [least, most] = FUNCTIONS[name];
  if (n.args.length < least || n.args.length > most) {
    const count = least === most ? `${least}` : most === Infinity ? `${least} or more` : `${least} or ${most}`;
    fail(`${name} takes ${count} argument${least === 1 && most === 1 ? '' : 's'}, got ${n.args.length}`);
  }
}
