// What every figure kind shares once normalized: its common fields, the functions a series draws, the
// legend's positions, themes and palettes. A kind's own figure type extends FigureBase (src/kinds/).
import type { ParamValues } from '../math/activations/registry.ts';
import type { FormulaDefinition } from '../math/formula/definition.ts';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** 'lab': the lab's blue/green with a red derivative; 'colorblind': Okabe–Ito. */
export const PALETTES = ['lab', 'colorblind'] as const;
export type Palette = (typeof PALETTES)[number];
export const PRESETS = ['default', 'slide', 'slide-4x3', 'half-slide'] as const;
export type Preset = (typeof PRESETS)[number];
/** Each preset's outer size in CSS pixels: a 16:9 slide, a 4:3 one, one column of a two-column 16:9 slide. */
export const PRESET_SIZES: Record<Exclude<Preset, 'default'>, [number, number]> = {
  slide: [960, 540],
  'slide-4x3': [960, 720],
  'half-slide': [480, 540],
};

/** Room around the figure, in CSS pixels. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What a series draws: f (solid), f' (dashed), f'' (dotted). */
export const FUNCTIONS = ['f', 'df', 'd2f'] as const;
export type Fn = (typeof FUNCTIONS)[number];
/** The functions of a list in FUNCTIONS order. */
export const fnsOf = (show: readonly Fn[]): Fn[] => FUNCTIONS.filter((fn) => show.includes(fn));
/** Inside the plot at a corner, or outside it to the right or below. */
export const LEGEND_POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right', 'right', 'bottom'] as const;
export type LegendPosition = (typeof LEGEND_POSITIONS)[number];

/** What a reveal adds one at a time: series (in config order, across panels) or whole panels. */
export const REVEAL_BY = ['series', 'panels'] as const;
export type RevealBy = (typeof REVEAL_BY)[number];

/** The series a figure of shared axes draws unless it says. */
export const DEFAULT_SERIES = ['sigmoid', 'tanh', 'relu'] as const;
/** The weight initialisations a depth figure's network may use. */
export const INIT_NAMES = ['xavier', 'he', 'lecun'] as const;
export type Init = (typeof INIT_NAMES)[number];

/** One activation of an overlay or depth figure. */
export interface Series {
  activation: string;
  params: ParamValues;
  label: string;
  /** The weight initialisation of a depth figure's network (its activation's customary one by default). */
  init?: Init;
}

export interface FigureBase {
  /** The kind's name, as a config gives it in `kind`. */
  kind: string;
  id: string;
  title?: string;
  description?: string;
  caption?: string;
  /** One panel's plot width and height in CSS pixels. */
  width: number;
  height: number;
  /**
   * The whole figure's size in CSS pixels when it is fixed (`size` or a preset): the renderer fits the
   * panels into it exactly (render/fit.ts) and the spec is written with the fitted sizes.
   */
  size?: [number, number];
  /** Panels across and down, for fitting `size`. */
  cells?: [number, number];
  /** Room around the figure (12 px a side unless fitted). */
  padding?: Padding;
  theme: Theme;
  palette: Palette;
  /**
   * The hue of each activation it draws in the build: its place in the palette's series colours, the
   * same in every figure (figures/hues.ts). Without it, series take the colours in their order.
   */
  hues?: Record<string, number>;
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
  /** 'text': the SVG keeps <text> elements; by default its text is drawn as outlines. */
  svgText?: 'text';
  /**
   * Its own font (`font`): the files as absolute paths (regular, bold); the family and the files' hashes
   * are read from them where the config is loaded (config/fonts.ts), not here: this runs in the browser too.
   */
  font?: { files: string[]; family?: string; sha256?: string[] /** Named at the top of the config. */; top?: true };
  /**
   * Its interactive page (<id>.html): false for none, else slider ranges by parameter name (or
   * "activation.parameter") that replace the registry's defaults.
   */
  interactive: false | { sliders: Record<string, { min: number; max: number; step: number }> };
  /**
   * The data files the figure's kind writes beside it, by name after the id ('training.json' is
   * <id>.training.json): part of its files, checked and pruned like its spec.
   */
  sidecars?: string[];
  /** The formula activations the figure draws, by name: part of its content key, registered where it is drawn. */
  formulas?: Record<string, FormulaDefinition>;
  /** Reveal frames <id>-1 … <id>-steps (the last is the figure itself), each one more series or panel. */
  reveal?: { by: RevealBy; steps: number };
  /**
   * Set only while a reveal frame is drawn: how many series (or panels) it shows. The others keep their
   * room (legend entries, axes) and are not drawn, so that every frame has the figure's layout.
   */
  frame?: { by: RevealBy; shown: number };
  /** An animation (<id>.gif): each frame is this figure with one series' parameter at one of `values`. */
  animate?: { param: string; values: number[]; fps: number; frames: FigureBase[]; mp4?: boolean };
  /**
   * The figure as its config writes it (a config of this one figure, its inherited style keys and the
   * formulas it draws), for its page to normalize again with a control's value: none without a page.
   * Not part of any image's content key.
   */
  source?: Record<string, unknown>;
}
