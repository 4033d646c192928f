// The library API's entry points: what a script in a course repository calls. Each takes what
// defineConfig returns, a config file's path, or a normalized config. The pipeline's modules are
// imported when called, so that a config importing defineConfig loads next to nothing.
import type { BuildOptions, BuildResult } from './build/build.ts';
import type { CheckOptions, Problem } from './build/check.ts';
import { type Config, NORMALIZED } from './config/model.ts';
import type { UserConfig } from './config/types.ts';
import { didYouMean, UserError } from './errors.ts';
import type { Spec } from './kinds/spec.ts';
import { findActivation, knownNames, type ActivationName, type ParamValues } from './math/activations/registry.ts';
import { evaluate as evaluateArrays } from './math/evaluate.ts';
import { resolveParams } from './math/params.ts';

export type ConfigInput = UserConfig<string> | Config | string;

export interface ApiOptions {
  /** Where a relative outDir of a config given as an object starts. Default: the current folder. */
  cwd?: string;
}

/** The normalized config from a path, a defineConfig object or a normalized config. */
export async function resolveConfig(input: ConfigInput, options: ApiOptions = {}): Promise<Config> {
  if (typeof input === 'string') return (await import('./config/load.ts')).loadConfig(input);
  if ((input as Config)[NORMALIZED]) return input as Config;
  const { normalizeConfig } = await import('./config/normalize.ts');
  const config = normalizeConfig(input, 'config', options.cwd ?? process.cwd());
  return (await import('./config/load.ts')).prepared(config);
}

/** Builds the figures of a config into its output folder; see BuildOptions. */
export async function build(config: ConfigInput, options: BuildOptions & ApiOptions = {}): Promise<BuildResult> {
  const { build: run } = await import('./build/build.ts');
  return run(await resolveConfig(config, options), options);
}

/** What a build of this config would change in its output folder now; an empty list means it is current. */
export async function check(config: ConfigInput, options: CheckOptions & ApiOptions = {}): Promise<Problem[]> {
  const { check: run } = await import('./build/check.ts');
  return run(await resolveConfig(config, options), options);
}

/** A figure's Vega-Lite spec, exactly as the build writes it. */
export async function buildSpec(config: ConfigInput, id: string, options: ApiOptions = {}): Promise<Spec> {
  const { selectFigures } = await import('./config/select.ts');
  const { buildSpec: figureSpec } = await import('./kinds/spec.ts');
  const [figure] = selectFigures(await resolveConfig(config, options), [id], 'buildSpec');
  return figureSpec(figure);
}

export interface Evaluated<T> {
  /** f(z). */
  y: T;
  /** f'(z), as PyTorch's autograd returns it (kinks included). */
  dy: T;
}

/**
 * f and f' of an activation, with its PyTorch default parameters for those not given:
 * `evaluate('leaky_relu', -2)` is { y: -0.02, dy: 0.01 }; an array of z gives Float64Arrays.
 */
export function evaluate(
  name: ActivationName | 'swish',
  z: number,
  params?: Record<string, number | string>,
): Evaluated<number>;
export function evaluate(
  name: ActivationName | 'swish',
  z: ArrayLike<number>,
  params?: Record<string, number | string>,
): Evaluated<Float64Array>;
export function evaluate(
  name: string,
  z: number | ArrayLike<number>,
  params: Record<string, number | string> = {},
): Evaluated<number> | Evaluated<Float64Array> {
  const activation = findActivation(name);
  if (!activation) throw new UserError(`unknown activation "${name}"${didYouMean(name, knownNames)}`);
  const p: ParamValues = resolveParams(activation, params);
  if (typeof z === 'number') return { y: activation.f(z, p), dy: activation.df(z, p) };
  return evaluateArrays(activation, p, Float64Array.from(z));
}
