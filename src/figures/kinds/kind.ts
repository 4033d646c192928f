// What a figure kind is: one module declaring its config schema, its normalization, its rows and its
// spec with alt text, registered in registry.ts. The schema is built with the zod the config loader
// passes in, so that drawing a figure (in a render process) never loads zod.
import type { z } from 'zod';
import type { Figure, FigureBase, Fn, Series } from '../../config/model.ts';
import type { GridSpec } from '../../math/grid.ts';
import type { ParamValues } from '../../math/activations/registry.ts';
import type { Colors } from '../theme.ts';
import type { Body } from '../vl.ts';

type Zod = typeof import('zod').z;

type Schemas = typeof import('../../config/schema.ts');

/** The shared pieces a kind's schema is made of (schema.ts). */
export interface SchemaKit {
  z: Zod;
  /** id, title, description, caption and the style keys every figure has. */
  common: Schemas['commonShape'];
  grid: Schemas['gridSchema'];
  /** An activation on shared axes: a name or {activation, params, label, init}. */
  series: Schemas['seriesSchema'];
  /** A panel of an activations figure. */
  panel: Schemas['panelSchema'];
  finite: z.ZodNumber;
  check: {
    id: (f: { id: string }, ctx: z.RefinementCtx) => void;
    series: (list: unknown[] | undefined, ctx: z.RefinementCtx) => void;
    /** Refuses a figure of more rows than a render process can hold. */
    rows: (rows: number, ctx: z.RefinementCtx) => void;
  };
  /** The rows a grid makes (`fallback` when there is none). */
  gridRows: (grid: unknown, fallback?: number) => number;
  /** How many series a panel's series entry makes, its sweep expanded. */
  sweepCount: (s: unknown) => number;
}

/** What every figure's normalization shares (normalize.ts). */
export interface NormalizeKit {
  /** The figure's common fields, its defaults filled in. */
  base: FigureBase;
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
  xTitle: string;
  yTitle: string;
}

export interface FigureKind<F extends Figure = Figure, S extends z.ZodType = z.ZodType> {
  readonly name: F['kind'];
  /** The gallery's caption for a figure of this kind that has none of its own. */
  readonly caption: string;
  /** The figure's config schema: a strict object with `kind` as its literal. */
  schema(kit: SchemaKit): S;
  layout(parsed: z.output<S>, show: Fn[]): Layout;
  normalize(parsed: z.output<S>, kit: NormalizeKit): F;
  /** The activations drawn, each with the `activation` value of its rows (for thinning a large table). */
  keyed(figure: F): { key: string; activation: string; params: ParamValues }[];
  /** The rows a render process will hold, to choose where to render. */
  rows(figure: F): number;
  /** The spec's body (layout and layers), its `datasets.table` and its alt text. */
  draw(figure: F, c: Colors): { body: Body; rows: object[]; description: string };
}

/** Keeps a kind module's own figure and parsed types while checking it against the interface. */
export const defineKind = <F extends Figure, S extends z.ZodType>(kind: FigureKind<F, S>): FigureKind<F, S> => kind;
