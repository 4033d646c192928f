import type { Activation, Break, NumberParam, ParamValues } from '../activations/types.ts';
import { linspace } from '../grid.ts';
import { classify, crossingPoints, crossings, type Pieces } from './breaks.ts';
import { type FormulaDefinition, FormulaError, short } from './definition.ts';
import type { MathNode } from 'mathjs';
import { DeadlineError, differentiate, sided, withDeadline } from './derivative.ts';
import { derivativeTex, tex } from './latex.ts';
import { normalize } from './normalize.ts';
import { type Fn, numeric } from './numeric.ts';
import { checkFormulaName, checkParams, parseFormula } from './parse.ts';
import { computeProperties } from './properties.ts';
import { stable } from './stable.ts';
import { withLimits } from './limits.ts';

/**
 * How long deriving a formula's f′ and f″ (each kink's sides included) may take before it is refused, in
 * ms: 3000, or ACTFIG_DERIVE_BUDGET_MS (a slow machine may want more). Read from `globalThis.process`, as
 * this runs in a page too.
 */
export function deriveBudgetMs(): number {
  const given = Number(globalThis.process?.env?.ACTFIG_DERIVE_BUDGET_MS);
  return Number.isFinite(given) && given > 0 ? given : 3000;
}
/** The most numbers, names and operators f′ or f″ may have: beyond it a formula is refused. */
export const MAX_DERIVATIVE_NODES = 20_000;

function derived<T>(work: () => T): T {
  const budget = deriveBudgetMs();
  try {
    return withDeadline(budget, work);
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    throw new FormulaError(
      'formula',
      `too slow to derive: f′ and f″ took over ${budget / 1000} s (nest fewer functions, or write it shorter)`,
    );
  }
}

function checkSize(node: MathNode, what: string): MathNode {
  let count = 0;
  node.traverse(() => {
    count++;
  });
  if (count > MAX_DERIVATIVE_NODES) {
    throw new FormulaError(
      'formula',
      `its derivative is too large: ${what} has ${count.toLocaleString('en')} numbers, names and operators, ` +
        `at most ${MAX_DERIVATIVE_NODES.toLocaleString('en')} (nest fewer functions)`,
    );
  }
  return node;
}

/**
 * The activation a formula defines, like the built-ins: f as written, f' and f'' derived symbolically
 * once, in stable forms, and taken as limits where a guard patches a removable singularity (a kink takes
 * the derivative of the piece on the `kink` side; f' and f'' follow the branch f takes everywhere
 * else, see `sided`), breaks where the formula's
 * comparisons flip, properties measured numerically. Throws FormulaError for a definition it cannot
 * use, including one that is not finite on [-20, 20] at the defaults, or whose hand-written derivative
 * or second derivative disagrees with the symbolic one.
 */
export function compileFormula(name: string, def: FormulaDefinition): Activation<ParamValues> {
  checkFormulaName(name, []);
  if (typeof def !== 'object' || def === null) {
    throw new FormulaError('formula', `a formula activation needs { formula: "..." }, got ${JSON.stringify(def)}`);
  }
  const kink = def.kink ?? 'left';
  if (kink !== 'left' && kink !== 'right') {
    throw new FormulaError('kink', `kink must be "left" or "right", got ${JSON.stringify(def.kink)}`);
  }
  if (def.label !== undefined && (typeof def.label !== 'string' || def.label.trim() === '')) {
    throw new FormulaError('label', `label must be a non-empty string, got ${JSON.stringify(def.label)}`);
  }
  const defaults = checkParams(def.params);
  const names = defaults.map(([key]) => key);
  const shown = parseFormula(def.formula, 'formula', names);
  const tree = normalize(shown);
  // f as written; f' and f'' from the tree rewritten into stable forms (stable.ts), which is the same function.
  const { d2, sidedTree, sided1, sided2 } = derived(() => {
    const d1 = checkSize(stable(differentiate(stable(tree))), 'f′');
    const d2 = checkSize(stable(differentiate(d1)), 'f″');
    return { d2, sidedTree: sided(tree, kink), sided1: sided(d1, kink), sided2: sided(d2, kink) };
  });
  const f = numeric(tree, defaults);
  // Near a guarded removable singularity, the limits of the other branch, by Taylor arithmetic.
  const limit = withLimits(tree, sidedTree, defaults);
  const df = limit(1, numeric(sided1, defaults));
  const d2f = limit(2, numeric(sided2, defaults));
  let d3f: Fn | undefined;
  const third = () =>
    limit(
      3,
      numeric(
        derived(() => sided(stable(differentiate(d2)), kink)),
        defaults,
      ),
    );
  const pieces: Pieces = { f, df, d2f, d3f: () => (d3f ??= third()) };
  const list = crossings(tree, defaults);
  const breaks = memo(names, (p) =>
    crossingPoints(list, p).flatMap((z) => classify(z, pieces, p) ?? ([] as Required<Break>[])),
  );
  const properties = memo(names, (p) =>
    computeProperties(
      (z) => f(z, p),
      (z) => df(z, p),
      (z) => d2f(z, p),
      breaks(p),
    ),
  );
  let latexF: string | undefined;
  let latexDF: string | undefined;
  const atDefaults: ParamValues = Object.fromEntries(defaults);
  // Parameter values at which f, f' or f'' is not finite somewhere on the check points are refused, as the
  // defaults are: `eval --param b=0` of squareplus says so, and a page's slider stops short of such a value.
  const nonFinite = memo(names, (p) => findNonFinite(activation, p, finitePoints(breaks(p))));
  const problem = (p: ParamValues, withValues = true) => {
    const bad = nonFinite(p);
    if (!bad) return undefined;
    const at = withValues ? ` with ${names.map((k) => `${k} = ${short(p[k] as number)}`).join(', ')}` : '';
    return `makes ${name} not finite at z = ${short(bad.z)}${at} (${bad.fn}(z) = ${bad.value})`;
  };
  const params: Record<string, NumberParam> = {};
  for (const [key, value] of defaults) {
    const check = (v: number) => problem({ ...atDefaults, [key]: v }, false);
    params[key] = { kind: 'number', default: value, description: 'formula parameter', check };
  }
  const activation: Activation<ParamValues> = {
    name,
    displayName: def.label ?? name,
    // A formula's shape is unknown: the initialisation made for saturating activations, as for the hard ones.
    init: 'xavier',
    params,
    f,
    df,
    d2f,
    // Typeset on first use: mathjs's simplify (for a readable f') takes milliseconds that evaluation never needs.
    latex: {
      get f() {
        latexF ??= tex(shown);
        return latexF;
      },
      get df() {
        latexDF ??= derivativeTex(differentiate(tree));
        return latexDF;
      },
    },
    validate: (p) => {
      const message = problem(p);
      if (!message) return undefined;
      return { key: names.find((k) => p[k] !== atDefaults[k]) ?? names[0], message };
    },
    breaks: (p) => breaks(p).map((b) => ({ ...b })),
    properties: (p) => {
      const props = properties(p);
      return { ...props, maxAbsDerivative: { ...props.maxAbsDerivative } };
    },
  };
  const zs = checkPoints(breaks(atDefaults));
  checkFinite(activation, atDefaults, zs);
  if (def.derivative !== undefined) agrees('derivative', def.derivative, df, names, defaults, zs, atDefaults);
  if (def.second !== undefined) agrees('second', def.second, d2f, names, defaults, zs, atDefaults);
  return activation;
}

/** Results by parameter values: figures ask for the breaks and properties of the same values often. */
function memo<T>(names: readonly string[], fn: (p: ParamValues) => T): (p: ParamValues) => T {
  const cache = new Map<string, T>();
  return (p) => {
    const key = JSON.stringify(names.map((k) => p[k]));
    if (cache.has(key)) return cache.get(key) as T;
    if (cache.size >= 64) cache.clear();
    const value = fn(p);
    cache.set(key, value);
    return value;
  };
}

/**
 * Where a definition is checked: 2001 points on [-20, 20] less those on a break, where a hand-written
 * derivative may take the other piece, plus a point just either side of each break there.
 */
function checkPoints(breaks: readonly Break[]): Float64Array {
  const near = (z: number, b: number) => Math.abs(z - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const zs = [...linspace(-20, 20, 2001)].filter((z) => !breaks.some((b) => near(z, b.z)));
  for (const { z } of breaks)
    if (Math.abs(z) <= 20) zs.push(z - 1e-7 * Math.max(1, Math.abs(z)), z + 1e-7 * Math.max(1, Math.abs(z)));
  return Float64Array.from(zs).sort();
}

/** Where finiteness at other parameter values is checked: the check points, the breaks themselves and 0. */
function finitePoints(breaks: readonly Break[]): Float64Array {
  return Float64Array.from([...checkPoints(breaks), ...breaks.map((b) => b.z), 0]).sort();
}

/** Throws FormulaError (field `field`) at the first z where a hand-written derivative and the symbolic one differ. */
function agrees(
  field: 'derivative' | 'second',
  text: string,
  symbolic: Fn,
  names: readonly string[],
  defaults: readonly (readonly [string, number])[],
  zs: Float64Array,
  p: ParamValues,
): void {
  const given = numeric(normalize(parseFormula(text, field, names)), defaults);
  for (const z of zs) {
    const [a, b] = [given(z, p), symbolic(z, p)];
    // 1e-9 relative, with an absolute floor of 1e-11 where both are about 0 (rounding in σ(1 - σ) at z = 20).
    if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-2)) continue;
    const what = field === 'derivative' ? 'd/dz' : 'd²/dz²';
    throw new FormulaError(
      field,
      `disagrees with ${what} of the formula at z = ${short(z)}: ${short(a)} vs ${short(b)}`,
    );
  }
}

export interface NonFinite {
  z: number;
  /** Which of the three is not finite. */
  fn: 'f' | "f'" | "f''";
  value: number;
}

/** The first z of `zs` where f, f' or f'' is NaN or ±Infinity at parameters p. */
export function findNonFinite(
  activation: Activation<ParamValues>,
  p: ParamValues,
  zs: Float64Array,
): NonFinite | undefined {
  for (const z of zs) {
    for (const [fn, g] of [
      ['f', activation.f],
      ["f'", activation.df],
      ["f''", activation.d2f],
    ] as const) {
      const value = g(z, p);
      if (!Number.isFinite(value)) return { z, fn, value };
    }
  }
  return undefined;
}

/**
 * Throws FormulaError (field 'formula') naming the first z of `zs` where f, f' or f'' is not finite
 * at parameters p, e.g. "f(z) = NaN at z = -1". For a figure's grid before it is drawn.
 */
export function checkFinite(activation: Activation<ParamValues>, p: ParamValues, zs: Float64Array): void {
  const bad = findNonFinite(activation, p, zs);
  if (bad) {
    const what = bad.fn === 'f' ? 'the formula' : bad.fn;
    throw new FormulaError(
      'formula',
      `${what} is not finite at z = ${short(bad.z)} (${bad.fn}(z) = ${bad.value}); ` +
        'an activation must be finite for every z',
    );
  }
}
