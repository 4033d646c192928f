import type { MathNode } from 'mathjs';
import { mathjs } from './mathjs.ts';

// mathjs's own node types are generic over their operator names; these plain views are what the walks need.
export interface OpNode extends MathNode {
  type: 'OperatorNode';
  op: string;
  fn: string;
  args: MathNode[];
  implicit: boolean;
}
export interface CallNode extends MathNode {
  type: 'FunctionNode';
  fn: MathNode;
  args: MathNode[];
}
export interface CondNode extends MathNode {
  type: 'ConditionalNode';
  condition: MathNode;
  trueExpr: MathNode;
  falseExpr: MathNode;
}
export interface SymNode extends MathNode {
  type: 'SymbolNode';
  name: string;
}
export interface NumNode extends MathNode {
  type: 'ConstantNode';
  value: unknown;
}

export const isOp = (n: MathNode): n is OpNode => n.type === 'OperatorNode';
export const isCall = (n: MathNode): n is CallNode => n.type === 'FunctionNode';
export const isCond = (n: MathNode): n is CondNode => n.type === 'ConditionalNode';
export const isSym = (n: MathNode): n is SymNode => n.type === 'SymbolNode';
export const isNum = (n: MathNode): n is NumNode => n.type === 'ConstantNode';

/** The name of a call such as exp(z); '' when what is called is not a plain name. */
export const callName = (n: CallNode): string => (isSym(n.fn) ? n.fn.name : '');

/** mathjs's operator symbol for each operator function a formula may use. */
export const OPERATORS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  unaryMinus: '-',
  unaryPlus: '+',
  larger: '>',
  largerEq: '>=',
  smaller: '<',
  smallerEq: '<=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
  not: 'not',
};
export const COMPARISONS = new Set(['larger', 'largerEq', 'smaller', 'smallerEq', 'equal', 'unequal']);
export const LOGICAL = new Set(['and', 'or', 'not']);

/** A comparison or a logical combination of them: a true/false value, differentiated as 0. */
export const isTest = (n: MathNode): n is OpNode => isOp(n) && (COMPARISONS.has(n.fn) || LOGICAL.has(n.fn));

export const num = (value: number): MathNode => new (mathjs().ConstantNode)(value);
export const sym = (name: string): MathNode => new (mathjs().SymbolNode)(name);
export const op = (fn: string, args: MathNode[]): MathNode =>
  new (mathjs().OperatorNode)(OPERATORS[fn] as never, fn as never, args);
export const call = (name: string, args: MathNode[]): MathNode => new (mathjs().FunctionNode)(name, args);
export const cond = (c: MathNode, t: MathNode, f: MathNode): MathNode => new (mathjs().ConditionalNode)(c, t, f);

export const isZero = (n: MathNode): boolean => isNum(n) && n.value === 0;

const depends = new WeakMap<MathNode, boolean>();

/** Whether `node` mentions z. Memoised: the walks ask it of the same subtrees again and again. */
export function hasZ(node: MathNode): boolean {
  let known = depends.get(node);
  if (known === undefined) {
    known = isSym(node) ? node.name === 'z' : children(node).some(hasZ);
    depends.set(node, known);
  }
  return known;
}

/** The node inside any parentheses. */
export function unwrap(node: MathNode): MathNode {
  let n = node;
  while (n.type === 'ParenthesisNode') n = (n as unknown as { content: MathNode }).content;
  return n;
}

export function children(node: MathNode): MathNode[] {
  const out: MathNode[] = [];
  node.forEach((child) => {
    out.push(child);
  });
  return out;
}

let holeCount = 0;

/**
 * Applies `fn` to `node` with each largest subtree that `isHole` picks replaced by a symbol of its own,
 * then puts the subtrees back (as `restore` returns them). This lets mathjs work on a tree with
 * pieces it does not understand (conditionals, erf) as if they were plain variables.
 * Hole names contain '#', which no parsed formula can: they never clash with z or a parameter.
 */
export function withHoles(
  node: MathNode,
  isHole: (n: MathNode) => boolean,
  fn: (holed: MathNode, holes: { name: string; node: MathNode }[]) => MathNode,
  restore: (hole: MathNode) => MathNode = (hole) => hole,
): MathNode {
  const holes: { name: string; node: MathNode }[] = [];
  const holed = node.transform((n) => {
    if (!isHole(n)) return n;
    const name = `#h${holeCount++}`;
    holes.push({ name, node: n });
    return sym(name);
  });
  if (holes.length === 0) return fn(node, holes);
  const byName = new Map(holes.map((h) => [h.name, restore(h.node)]));
  return fn(holed, holes).transform((n) => (isSym(n) && byName.has(n.name) ? byName.get(n.name)! : n));
}
