import { type Activation, findActivation, type ParamValues } from './activations/registry.ts';
import { didYouMean } from '../errors.ts';

/** A bad parameter: `key` is the parameter's name, `message` says why. Callers add where it came from. */
export class ParamError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The activation's full parameter set: its PyTorch defaults overridden by `given`.
 * Strings are accepted for numbers (as typed on the command line) and parsed strictly.
 */
export function resolveParams(activation: Activation, given: Record<string, unknown> = {}): ParamValues {
  const specs = activation.params;
  const names = Object.keys(specs);
  const out: ParamValues = {};
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(specs, key)) {
      const has = names.length ? `it has ${names.join(', ')}` : 'it has none';
      throw new ParamError(key, `${activation.name} has no parameter "${key}"${didYouMean(key, names)}; ${has}`);
    }
  }
  for (const key of names) {
    const spec = specs[key];
    const raw = Object.hasOwn(given, key) ? given[key] : spec.default;
    if (spec.kind === 'choice') {
      if (typeof raw !== 'string' || !spec.choices.includes(raw)) {
        throw new ParamError(
          key,
          `must be one of ${spec.choices.map((c) => `"${c}"`).join(', ')}, got ${JSON.stringify(raw)}`,
        );
      }
      out[key] = raw;
    } else {
      const value = parseNumber(raw);
      if (value === undefined) throw new ParamError(key, `must be a finite number, got ${JSON.stringify(raw)}`);
      const problem = spec.check?.(value);
      if (problem) throw new ParamError(key, `${problem}, got ${value}`);
      out[key] = value;
    }
  }
  const problem = activation.validate?.(out);
  if (problem) throw new ParamError(problem.key, problem.message);
  return out;
}

/** A decimal number as people write it: "-0.5", "1e-3", ".5"; not "0x10", "0o7", "1/3" or "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A finite number from a number or a decimal string. */
export function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || !DECIMAL.test(raw.trim())) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** The parameters that differ from the defaults, and those in `always`, in the activation's order. */
const shownParams = (activation: Activation, params: ParamValues, always: readonly string[] = []): string[] =>
  Object.entries(activation.params)
    .filter(([key, spec]) => always.includes(key) || params[key] !== spec.default)
    .map(([key]) => key);

/**
 * How a figure writes a parameter: its symbol in the papers that define the activations (the config and
 * the data keep PyTorch's names: `negative_slope`, `lambd`). Those not listed are written as they are.
 */
const SYMBOLS: Record<string, string> = { negative_slope: 'α', alpha: 'α', lambd: 'λ', beta: 'β', weight: 'a' };
export const paramSymbol = (key: string): string => SYMBOLS[key] ?? key;

/** The parameters that differ from the defaults, as "k=v, ..." (the data's keys, in PyTorch's names). */
export function describeParams(activation: Activation, params: ParamValues): string {
  return shownParams(activation, params)
    .map((key) => `${key}=${params[key]}`)
    .join(', ');
}

/**
 * A series' activation resolved and named: "Softplus (β = 2)" names the parameters that differ from
 * PyTorch's and every one in `always` (a sweep's, default or not); `paramText` is those alone, "β = 2".
 */
export function nameSeries(
  name: string,
  given: Record<string, unknown> = {},
  always: readonly string[] = [],
): { activation: string; params: ParamValues; name: string; paramText: string } {
  const { activation, params } = resolveRef(name, given);
  const keys = shownParams(activation, params, always);
  // One style for every label and title: "α = 0.1".
  const paramText = keys.map((key) => `${paramSymbol(key)} = ${params[key]}`).join(', ');
  return {
    activation: activation.name,
    params,
    name: paramText ? `${activation.displayName} (${paramText})` : activation.displayName,
    paramText,
  };
}

/**
 * An activation reference resolved: the activation called `name` (a built-in, an alias or a registered
 * formula) and its full parameters. For names already validated; throws for an unknown one.
 */
export function resolveRef(
  name: string,
  given: Record<string, unknown> = {},
): { activation: Activation; params: ParamValues } {
  const activation = findActivation(name);
  if (!activation) throw new Error(`resolveRef: unknown activation "${name}"`);
  return { activation, params: resolveParams(activation, given) };
}
