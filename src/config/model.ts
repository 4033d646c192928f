// The normalized config: every default filled in, every name canonical, every grid explicit. What the
// rest of the pipeline reads; the user's loose input is in types.ts, its validation in schema.ts.
import type { ParamValues } from '../math/activations/registry.ts';
import type { GridSpec } from '../math/grid.ts';
import type { Format, PngOptions } from '../formats.ts';
import type { FormulaDefinition } from '../math/formula/definition.ts';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** 'lab': the lab's blue/green with a red derivative; 'colorblind': Okabe–Ito. */
export const PALETTES = ['lab', 'colorblind'] as const;
export type Palette = (typeof PALETTES)[number];
export const PRESETS = ['default', 'slide'] as const;
export type Preset = (typeof PRESETS)[number];

/** Every default, once. */
export const DEFAULTS = {
  outDir: 'figures',
  gallery: 'index.html',
  formats: ['png', 'svg', 'pdf'] as Format[],
  png: { scale: 2, compression: 3, filter: 'up' } as PngOptions,
  theme: 'light' as Theme,
  palette: 'lab' as Palette,
  preset: 'default' as Preset,
  saturationThreshold: 0.01,
  series: ['sigmoid', 'tanh', 'relu'],
  overlayGrid: { min: -10, max: 10, samples: 401 } as GridSpec,
  depth: { depth: 30, units: 128, batch: 16, seed: 0 },
  /** The simulation's work limit, depth × units² × batch: above it a build would take minutes. */
  depthWork: 2e9,
} as const;

/** What a series draws: f (solid), f' (dashed), f'' (dotted). */
export const FUNCTIONS = ['f', 'df', 'd2f'] as const;
export type Fn = (typeof FUNCTIONS)[number];
/** Inside the plot at a corner, or outside it to the right or below. */
export const LEGEND_POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right', 'right', 'bottom'] as const;
export type LegendPosition = (typeof LEGEND_POSITIONS)[number];

/** One activation with its parameters on a panel's axes, drawn as some of f, f' and f''. */
export interface PanelSeries {
  activation: string;
  params: ParamValues;
  /** The series' name, e.g. "Softplus (beta = 2)". */
  name: string;
  /** The legend label of each function drawn, in FUNCTIONS order. */
  show: Fn[];
  labels: Record<Fn, string>;
  /** The user's colour; the palette's (by activation and parameters) otherwise. */
  color?: string;
}

/** One set of axes holding any number of series. */
export interface Panel {
  title: string;
  grid: GridSpec;
  series: PanelSeries[];
  /** The legend's title: the activation's name when every series is one activation (a sweep). */
  legendTitle?: string;
  yDomain?: [number, number];
  kinks: boolean;
  /** Shade where |f'| is below this (panels of one series). */
  saturation?: { threshold: number };
}

/** One activation of an overlay or depth figure. */
export interface Series {
  activation: string;
  params: ParamValues;
  label: string;
  /** The weight initialisation of a depth figure's network (its activation's customary one by default). */
  init?: 'xavier' | 'he' | 'lecun';
}

export interface FigureBase {
  id: string;
  title?: string;
  description?: string;
  caption?: string;
  width: number;
  height: number;
  theme: Theme;
  palette: Palette;
  xTitle: string;
  yTitle: string;
  /** Where the legend goes: 'auto' is a corner it hides no curve in (else outside); false for none. */
  legend: LegendPosition | 'auto' | false;
  /** Multiplies every font size (1 by default; the slide preset raises it). */
  fontScale: number;
  /** The curves' stroke width in CSS pixels. */
  lineWidth: number;
  /** The background colour, or 'transparent' (PNG and SVG). */
  background?: string;
  /**
   * Its interactive page (<id>.html): false for none, else slider ranges by parameter name (or
   * "activation.parameter") that replace the registry's defaults.
   */
  interactive: false | { sliders: Record<string, { min: number; max: number; step: number }> };
  /** The formula activations the figure draws, by name: part of its content key, registered where it is drawn. */
  formulas?: Record<string, FormulaDefinition>;
}

export interface ActivationsFigure extends FigureBase {
  kind: 'activations';
  panels: Panel[];
  /** Panels per row: they wrap after this many. */
  columns: number;
  /** One y scale across all panels. */
  shareY: boolean;
}

export interface OverlayFigure extends FigureBase {
  kind: 'derivatives-overlay';
  series: Series[];
  grid: GridSpec;
  labelPeaks: boolean;
  yDomain?: [number, number];
}

export interface DepthFigure extends FigureBase {
  kind: 'vanishing-gradient-depth';
  series: Series[];
  simulation: { depth: number; width: number; batch: number; seed: number };
  bound: boolean;
}

export type Figure = ActivationsFigure | OverlayFigure | DepthFigure;

/** Marks a config that normalizeConfig made, so the API can tell it from a user's config. */
export const NORMALIZED: unique symbol = Symbol.for('activation-figures.normalized');

export interface Config {
  readonly [NORMALIZED]: true;
  /** Where the config came from, for messages (its base name), or "config" for one given in code. */
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

/** The activations a figure shows, for listings. */
export function figureActivations(f: Figure): string[] {
  const names =
    f.kind === 'activations'
      ? f.panels.flatMap((p) => p.series.map((s) => s.activation))
      : f.series.map((s) => s.activation);
  return [...new Set(names)];
}

/** A figure's title for metadata: its own, else its panels' titles. */
export function figureTitle(figure: Figure): string {
  return figure.title ?? (figure.kind === 'activations' ? figure.panels.map((p) => p.title).join(' | ') : figure.id);
}
