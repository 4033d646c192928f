// What a figure kind is: one folder (src/kinds/<kind>/) declaring its config schema, its normalization,
// what it draws and its page's controls, registered by one line in registry.ts. The schema is built with
// the zod the config loader passes in, so that drawing a figure (in a render process) never loads zod.
import type { z } from 'zod';
import type { FigureBase, Fn, RevealBy, Series } from '../figures/model.ts';
import type { Colors } from '../figures/theme.ts';
import type { Body } from '../figures/vl.ts';
import type { GridSpec } from '../math/grid.ts';
import type { ParamValues } from '../math/activations/registry.ts';
import type { SchemaKit } from '../schema/kit.ts';

export type { SchemaKit } from '../schema/kit.ts';

/** What every figure's normalization shares (config/normalize.ts). */
export interface NormalizeKit {
  /** The figure's common fields, its defaults filled in. */
  base: Omit<FigureBase, 'kind'>;
  /** What each series draws unless it says: the figure's (or config's) `show`. */
  show: Fn[];
  /** A list of series (names or objects), resolved; the default list when undefined. */
  series: (list: unknown[] | undefined) => Series[];
  grid: (g: unknown) => GridSpec;
}

/** How a kind's figure is laid out, for its defaults and the slide preset's sizes. */
export interface Layout {
  columns: number;
  rows: number;
  /** The default plot width in CSS pixels. */
  width: number;
  /** The room the y axis takes at font scale 1 (the depth figure's log labels take more). */
  axisY: number;
  panelTitles: boolean;
  /** Whether the figure has a title of its own (by default or as given). */
  figureTitle: boolean;
  /** Distinct activations and parameters drawn: more than two get the colour-blind palette by default. */
  colours: number;
  /**
   * One activation a panel, drawn in the lab's colours by panel: the lab palette is the default for such a
   * figure of one or two. Any other figure takes the series colours, each activation its hue of the build,
   * from one palette for all (the colour-blind one by default), so that a colour means one activation.
   */
  onePerPanel?: boolean;
  xTitle: string;
  yTitle: string;
}

/** An activation a figure draws, where its config says so, and the grid it is drawn on (if any). */
export interface Drawn {
  activation: string;
  params: ParamValues;
  /** The config path of the series, for messages: "panels[0].series[1]". */
  at: string;
  grid?: GridSpec;
}

/** The files a figure writes beside it ('training.json' is <id>.training.json), each one's text when asked. */
export type Sidecars = Record<string, () => string>;

/** A control of an interactive page: a slider (with a typed value) or a choice. */
export type Control =
  | { type: 'range'; id: string; label: string; min: number; max: number; step: number; value: number }
  | { type: 'choice'; id: string; label: string; choices: string[]; value: string };

/** A figure's config as a user wrote it (validated): what a page changes and normalizes again. */
export type FigureInput = Record<string, unknown> & { id: string };

export interface FigureKind<F extends FigureBase = FigureBase, S extends z.ZodType = z.ZodType> {
  readonly name: F['kind'];
  /** The gallery's caption for a figure of this kind that has none of its own. */
  readonly caption: string;
  /** The figure's config schema: a strict object with `kind` as its literal. */
  schema(kit: SchemaKit): S;
  layout(parsed: z.output<S>, show: Fn[]): Layout;
  normalize(parsed: z.output<S>, kit: NormalizeKit): F;
  /** Every activation drawn, in config order (formula checks, listings, a page's sliders). */
  drawn(figure: F): Drawn[];
  /** The figure's title for metadata: its own, else what names it best. */
  title(figure: F): string;
  /** The activations drawn, each with the `activation` value of its rows (for thinning a large table). */
  keyed(figure: F): { key: string; activation: string; params: ParamValues }[];
  /** The rows a render process will hold, to choose where to render. */
  rows(figure: F): number;
  /**
   * The spec's body (layout and layers), its `datasets.table` and its alt text; and the text of each file
   * the figure writes beside it (its `sidecars`), by name after the id, made only when written.
   */
  draw(figure: F, c: Colors): { body: Body; rows: object[]; description: string; sidecars?: Sidecars };
  /**
   * Optional: how many series or panels a reveal builds the figure up in (none: it cannot reveal). Its
   * `draw` then honours `figure.frame`: the first `shown` drawn, the rest leaving their room empty.
   */
  steps?(figure: F, by: RevealBy): number;
  /**
   * Optional: the figure with each plot's y range fixed (one [lo, hi] per plot, in the spec's order), so
   * that an animation's axes stay still (none: it cannot be animated).
   */
  fixAxes?(figure: F, yDomains: [number, number][]): F;
  /**
   * The page's controls beyond the activations' parameter sliders (which every kind gets from `drawn`),
   * and how a control's value changes the figure's config.
   */
  controls?(figure: F): Control[];
  apply?(input: FigureInput, id: string, value: number | string): FigureInput;
}

/** Keeps a kind module's own figure and parsed types while checking it against the interface. */
export const defineKind = <F extends FigureBase, S extends z.ZodType>(kind: FigureKind<F, S>): FigureKind<F, S> => kind;
