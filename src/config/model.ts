// The normalized config: every default filled in, every name canonical, every grid explicit. What the
// rest of the pipeline reads; the user's loose input is validated in schema.ts. A figure's own shape
// belongs to its kind (src/kinds/); the fields every figure shares are in figures/model.ts.
import { FORMATS, type Format, type PngOptions } from '../formats.ts';
import type { FormulaDefinition } from '../math/formula/definition.ts';
import type { Figure } from '../kinds/registry.ts';
import type { Palette, Preset, Theme } from '../figures/model.ts';

export type { Figure } from '../kinds/registry.ts';
export * from '../figures/model.ts';

/** Every default of the config as a whole, once; a kind's own are in its folder. */
export const DEFAULTS = {
  outDir: 'figures',
  gallery: 'index.html',
  formats: [...FORMATS] as Format[],
  png: { scale: 2, compression: 3, filter: 'none' } as PngOptions,
  theme: 'light' as Theme,
  palette: 'lab' as Palette,
  preset: 'default' as Preset,
} as const;

/** Marks a config that normalizeConfig made, so the API can tell it from a user's config. */
export const NORMALIZED: unique symbol = Symbol.for('activation-figures.normalized');

export interface Config {
  readonly [NORMALIZED]: true;
  /** Where the config came from, for messages (its path from the current folder), or "config" for one given in code. */
  file: string;
  /** The config file's absolute path; undefined for a config given in code. */
  path?: string;
  outDir: string;
  formats: Format[];
  png: PngOptions;
  /** The gallery page's file name, or false for no gallery. */
  gallery: string | false;
  /** The config's formula activations, by name. */
  activations?: Record<string, FormulaDefinition>;
  figures: Figure[];
}
