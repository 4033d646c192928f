// The config as a course author writes it (figures.config.ts), typed for the editor. The shape is not
// written here: it is inferred from the zod schemas that validate it (schema/kit.ts, each kind's schema
// in src/kinds/, config/schema.ts), so the two cannot drift. What the inference cannot know is added on
// top: activation names, and each activation's own parameters, so 'sigmoidd' or `params: { alpha }`
// on leaky_relu is flagged before anything runs.
import type { z } from 'zod';
import type { ActivationName, ActivationParams } from '../math/activations/registry.ts';
import type { BuiltInKind, DefaultKind } from '../kinds/registry.ts';
import type { ConfigSchema, definitionSchema } from './schema.ts';
import type { gridSchema, styleShape } from '../schema/kit.ts';
import type { NAME as OverlayName } from '../kinds/overlay/types.ts';
import type { NAME as DepthName } from '../kinds/depth/types.ts';

/** A built-in activation's name, an alias, or one of the config's own formula activations (`C`). */
export type ActivationRefName<C extends string = never> = ActivationName | 'swish' | C;

type Sweep<K extends ActivationName> = { [P in keyof ActivationParams<K>]?: ActivationParams<K>[P][] };

/** A reference object `T` (as the schema has it) with its activation named and its parameters typed. */
type TypedRef<T, C extends string> =
  | {
      [K in ActivationName]: Omit<T, 'activation' | 'params' | 'sweep'> & {
        activation: K;
        /** The activation's own parameters (PyTorch's defaults for those left out). */
        params?: Partial<ActivationParams<K>>;
      } & ('sweep' extends keyof T ? { /** One series per value (per combination). */ sweep?: Sweep<K> } : unknown);
    }[ActivationName]
  | {
      [K in C]: Omit<T, 'activation' | 'params' | 'sweep'> & {
        activation: K;
        params?: Record<string, number>;
      } & ('sweep' extends keyof T ? { sweep?: Record<string, number[]> } : unknown);
    }[C];

/** Keys whose lists hold activation references, where a bare string is an activation's name. */
type RefLists = 'series' | 'activations';

/** The schema's input type with every activation reference typed (see TypedRef). */
type Refs<T, C extends string, Key = never> = T extends readonly (infer E)[]
  ? Refs<E, C, Key>[]
  : T extends string
    ? [Key] extends [RefLists]
      ? ActivationRefName<C>
      : T
    : T extends { activation: string }
      ? TypedRef<RefsIn<T, C>, C>
      : T extends { activation?: string }
        ? TypedRef<RefsIn<T, C> & { activation: string }, C> | Omit<RefsIn<T, C>, 'activation' | 'params'>
        : T extends object
          ? RefsIn<T, C>
          : T;
type RefsIn<T, C extends string> = { [P in keyof T]: Refs<T[P], C, P> };

type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** The figure a kind's schema accepts, as a user writes it. */
type KindInput<K, C extends string> = K extends BuiltInKind ? Refs<Input<ReturnType<K['schema']>>, C> : never;

/** A figure of any built-in kind; `kind` may be left out for the first (an activations figure). */
export type FigureConfig<C extends string = never> =
  | (Omit<KindInput<DefaultKind, C>, 'kind'> & { kind?: DefaultKind['name'] })
  | KindInput<Exclude<BuiltInKind, DefaultKind>, C>;

/** A custom activation defined by a formula in z. */
export type FormulaConfig = z.input<typeof definitionSchema>;
/** A grid of z values: numpy.linspace, numpy.arange, or explicit points. */
export type GridConfig = z.input<typeof gridSchema>;

type ParsedConfigInput = z.input<ConfigSchema>;

/** Everything of a config but its own activations. */
export type ConfigBody<C extends string = never> = Omit<ParsedConfigInput, 'activations' | 'figures'> & {
  /** The figures, at least one. */
  figures: FigureConfig<C>[];
};

/** A whole config: what `export default defineConfig({...})` gives. */
export type UserConfig<C extends string = never> = ConfigBody<C> & {
  /** Your own activations, by name: `{ squareplus: { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 } } }`. */
  activations?: Record<C, FormulaConfig>;
};

/** C, as a type TypeScript does not infer C from (so the figures cannot add names to `activations`). */
type Deferred<C extends string> = [C] extends [infer U extends string] ? U : never;

/**
 * Identity helper for figures.config.ts: costs nothing at run time, gives the editor the types. The
 * names of `activations` become valid activation names in the figures (and only they: a typo is flagged).
 */
export function defineConfig<const C extends string = never>(
  config: ConfigBody<Deferred<C>> & { activations?: Record<C, FormulaConfig> },
): UserConfig<C> {
  return config as UserConfig<C>;
}

// The parts, by name, for configs built up in pieces.
type Of<K extends string, C extends string> = Extract<FigureConfig<C>, { kind: K }>;
export type ActivationsFigureConfig<C extends string = never> =
  | Exclude<FigureConfig<C>, { kind: string }>
  | Of<DefaultKind['name'], C>;
export type OverlayFigureConfig<C extends string = never> = Of<typeof OverlayName, C>;
export type DepthFigureConfig<C extends string = never> = Of<typeof DepthName, C>;
/** One panel of an activations figure: one activation (solid) with its derivative (dashed), or several series. */
export type PanelConfig<C extends string = never> = ActivationsFigureConfig<C>['panels'][number];
export type SeriesPanelConfig<C extends string = never> = Extract<PanelConfig<C>, { series?: unknown[] }>;
export type SingleActivationPanelConfig<C extends string = never> = Extract<PanelConfig<C>, { activation: string }>;
/** One activation on a panel's axes: its name, or the activation with its parameters, label, colour, sweep. */
export type PanelSeriesConfig<C extends string = never> = NonNullable<SeriesPanelConfig<C>['series']>[number];
/** An activation on a shared set of axes (overlay, depth): its name, or the activation with its parameters. */
export type SeriesConfig<C extends string = never> = NonNullable<OverlayFigureConfig<C>['activations']>[number];
/** An activation and its own parameters (PyTorch's defaults for those left out). */
export type ActivationRef<C extends string = never> = TypedRef<{ activation: string; params?: unknown }, C>;
/** Look and size, set on the whole config or on one figure. */
export type StyleConfig = Pick<ParsedConfigInput, keyof typeof styleShape>;
