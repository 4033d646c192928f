import type { Activation, ParamValues } from './types.ts';
import { sigmoid } from './sigmoid.ts';
import { tanh } from './tanh.ts';
import { relu } from './relu.ts';
import { relu6 } from './relu6.ts';
import { leaky_relu } from './leaky_relu.ts';
import { prelu } from './prelu.ts';
import { rrelu } from './rrelu.ts';
import { elu } from './elu.ts';
import { celu } from './celu.ts';
import { selu } from './selu.ts';
import { gelu } from './gelu.ts';
import { silu } from './silu.ts';
import { mish } from './mish.ts';
import { softplus } from './softplus.ts';
import { softsign } from './softsign.ts';
import { hardtanh } from './hardtanh.ts';
import { hardsigmoid } from './hardsigmoid.ts';
import { hardswish } from './hardswish.ts';
import { logsigmoid } from './logsigmoid.ts';
import { tanhshrink } from './tanhshrink.ts';
import { softshrink } from './softshrink.ts';
import { hardshrink } from './hardshrink.ts';
import { threshold } from './threshold.ts';

/** Every activation, keyed by its torch.nn.functional name, in the order `actfig list` shows them. */
export const activations = {
  sigmoid,
  tanh,
  relu,
  relu6,
  leaky_relu,
  prelu,
  rrelu,
  elu,
  celu,
  selu,
  gelu,
  silu,
  mish,
  softplus,
  softsign,
  hardtanh,
  hardsigmoid,
  hardswish,
  logsigmoid,
  tanhshrink,
  softshrink,
  hardshrink,
  threshold,
} as const;

export type ActivationName = keyof typeof activations;
/** The parameters of activation K, as PyTorch names them. */
export type ActivationParams<K extends ActivationName> =
  (typeof activations)[K] extends Activation<infer P> ? P : never;
export const activationNames = Object.keys(activations) as ActivationName[];

const aliases = new Map<string, ActivationName>();
for (const name of activationNames) {
  for (const alias of (activations[name] as Activation).aliases ?? []) aliases.set(alias, name);
}

/**
 * A config's own activations, defined by formula: registered by name for this process (the last
 * definition of a name wins), compiled on first use, so a build that draws nothing never loads mathjs.
 */
const custom = new Map<
  string,
  { key: string; compile: () => Activation<ParamValues>; compiled?: Activation<ParamValues> }
>();

/** Registers activations made by `compile` (the formula compiler), keyed so an unchanged one is not recompiled. */
export function registerCustom(name: string, key: string, compile: () => Activation<ParamValues>): void {
  if (custom.get(name)?.key !== key) custom.set(name, { key, compile });
}

/** The names of the registered custom activations. */
export const customNames = (): string[] => [...custom.keys()];

/** The activation called `name` (or one of its aliases, such as swish, or a registered custom one), or undefined. */
export function findActivation(name: string): Activation<ParamValues> | undefined {
  const key = Object.hasOwn(activations, name) ? (name as ActivationName) : aliases.get(name);
  if (key) return activations[key] as unknown as Activation<ParamValues>;
  const entry = custom.get(name);
  if (!entry) return undefined;
  entry.compiled ??= entry.compile();
  return entry.compiled;
}

/** A built-in activation's name for `name` (swish is silu); any other name as it is. */
export const canonicalName = (name: string): string =>
  Object.hasOwn(activations, name) ? name : (aliases.get(name) ?? name);

/** Every name a user may type: the canonical names and the aliases. */
export const knownNames: readonly string[] = [...activationNames, ...aliases.keys()];

export type { Activation, Break, InitName, ParamSpec, ParamValues, Properties } from './types.ts';
