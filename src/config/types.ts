// The config as a course author writes it (figures.config.ts), typed for the editor: activation names
// and each activation's parameters are checked, so 'sigmoidd' or `params: { alpha }` on leaky_relu is
// flagged before anything runs. schema.ts validates the same shape at run time for JSON and JavaScript.
import type { ActivationName, ActivationParams } from '../math/activations/registry.ts';
import type { Format, PngFilter } from '../formats.ts';
import type { Fn, LegendPosition, Palette, Preset, Theme } from './model.ts';

/** A grid of z values: numpy.linspace, numpy.arange, or explicit points. At most 1,000,000 points. */
export type GridConfig =
  | {
      /** Smallest z. */ min: number /** Largest z, included. */;
      max: number /** numpy.linspace(min, max, samples). */;
      samples: number;
    }
  | {
      /** Smallest z. */ min: number /** Largest z, excluded as in numpy. */;
      max: number /** numpy.arange(min, max, step). */;
      step: number;
    }
  | { /** Explicit z values. */ points: number[] };

/**
 * An activation and its own parameters (PyTorch's defaults for those left out). `C` names the config's
 * own formula activations (see `activations`), whose parameters are numbers.
 */
export type ActivationRef<C extends string = never> =
  | { [K in ActivationName]: { activation: K; params?: Partial<ActivationParams<K>> } }[ActivationName]
  | { [K in C]: { activation: K; params?: Record<string, number> } }[C];

/** A custom activation defined by a formula in z. */
export interface FormulaConfig {
  /** f(z) in mathjs syntax, e.g. "(z + sqrt(z^2 + b)) / 2"; max, min, abs and `c ? a : b` for pieces. */
  formula: string;
  /** Every symbol other than z, with its default, e.g. { b: 4 }. */
  params?: Record<string, number>;
  /** The display name. Default: the key. */
  label?: string;
  /** A hand-written f': the build refuses it where it disagrees with the symbolic derivative. */
  derivative?: string;
  /** A hand-written f'', checked the same way. */
  second?: string;
  /** Which piece's derivative a kink takes: 'left' (default, as PyTorch's relu'(0) = 0) or 'right'. */
  kink?: 'left' | 'right';
}

/** Look and size, set on the whole config or on one figure. */
export interface StyleConfig {
  /** 'light' (default) or 'dark'. */
  theme?: Theme;
  /** 'lab' (the lab's blue/green with a red derivative, default) or 'colorblind' (Okabe–Ito). */
  palette?: Palette;
  /** Panel width in CSS pixels (50 to 4000). */
  width?: number;
  /** Panel height in CSS pixels (50 to 4000). */
  height?: number;
  /** 'slide' sizes the whole figure for a 16:9 slide (about 960×540 CSS pixels). */
  preset?: Preset;
  /** x axis title. Default "Input Value (z)". */
  xTitle?: string;
  /** y axis title. Default "Activation / Gradient". */
  yTitle?: string;
  /** Draw the derivative (dashed) beside the activation. Default true. */
  derivative?: boolean;
  /** Which functions each series draws: 'f' (solid), 'df' (dashed), 'd2f' (dotted). Default ['f', 'df']. */
  show?: Fn[];
  /**
   * The legend: true (default) puts it in a corner where it hides no marker (outside on the right when
   * none is free), a position puts it there, false leaves it out.
   */
  legend?: boolean | LegendPosition;
  /** Multiplies every font size, 0.5 to 4. Default 1 (the slide preset: 1.75). */
  fontScale?: number;
  /** The curves' width in CSS pixels, 0.5 to 12. Default 2 (the slide preset: 3). */
  lineWidth?: number;
  /** A CSS colour, or 'transparent' (PNG and SVG; a PDF page stays white). Default: the theme's. */
  background?: string;
}

/**
 * One activation on a panel's axes: its name, or the activation with its parameters, a legend label, a
 * colour, what it draws, and a sweep (one series per value: `sweep: { beta: [1, 2, 5] }`).
 */
export type PanelSeriesConfig<C extends string = never> =
  | ActivationName
  | 'swish'
  | C
  | {
      [K in C]: {
        activation: K;
        params?: Record<string, number>;
        sweep?: Record<string, number[]>;
        label?: string;
        color?: string;
        show?: Fn[];
      };
    }[C]
  | {
      [K in ActivationName]: {
        activation: K;
        params?: Partial<ActivationParams<K>>;
        /** One series per value (per combination for several parameters); each is labelled with its value. */
        sweep?: { [P in keyof ActivationParams<K>]?: ActivationParams<K>[P][] };
        label?: string;
        /** Any CSS colour; default the palette's, the same for the same activation and parameters. */
        color?: string;
        show?: Fn[];
      };
    }[ActivationName];

/** A panel of several series on one set of axes. */
export interface SeriesPanelConfig<C extends string = never> {
  series: PanelSeriesConfig<C>[];
  title?: string;
  /** Overrides the figure's grid. */
  grid?: GridConfig;
  /** What every series of the panel draws, unless it says. */
  show?: Fn[];
  derivative?: boolean;
  /** Clip the y axis to [min, max]. */
  yDomain?: [number, number];
  /** Put each activation's kink points on the grid. Default true. */
  kinks?: boolean;
}

/** One panel of an activations figure: an activation (solid) with its derivative (dashed), or several series. */
export type PanelConfig<C extends string = never> = SingleActivationPanelConfig<C> | SeriesPanelConfig<C>;

/** A panel of one activation: (solid) with its derivative (dashed). */
export type SingleActivationPanelConfig<C extends string = never> = ActivationRef<C> & {
  title?: string;
  /** Overrides the figure's grid. */
  grid?: GridConfig;
  /** Draw the derivative. Default: the figure's `derivative`. */
  derivative?: boolean;
  /** Clip the y axis to [min, max], for functions that grow without bound. */
  yDomain?: [number, number];
  /** The activation's line colour (any CSS colour); the palette's otherwise. */
  color?: string;
  /** What it draws. Default: the figure's `show`. */
  show?: Fn[];
  /** Legend labels. */
  labels?: { activation?: string; derivative?: string; second?: string };
  /** Put the activation's kink points on the grid. Default true. */
  kinks?: boolean;
  /** Shade where |f'(z)| < threshold (default 0.01): the saturated, vanishing-gradient regions. */
  saturation?: boolean | { threshold?: number };
};

/** An activation on a shared set of axes: its name, or the activation with its parameters and a label. */
export type SeriesConfig<C extends string = never> =
  | ActivationName
  | 'swish'
  | C
  | (ActivationRef<C> & {
      label?: string;
      /** A depth figure's weight initialisation; default: He for the ReLU family, GELU, SiLU, Mish, ELU and
       * CELU, LeCun for SELU, Xavier for sigmoid, tanh, softsign and the hard or saturating ones. */
      init?: 'xavier' | 'he' | 'lecun';
    });

/** A slider's range on an interactive page. */
export interface SliderConfig {
  min: number;
  max: number;
  step: number;
}

interface FigureCommon extends StyleConfig {
  /**
   * The figure's interactive page (<id>.html, opened from the folder): true (default), false for none,
   * or slider ranges by parameter name (`{ negative_slope: { min: 0, max: 0.5, step: 0.01 } }`).
   */
  interactive?: boolean | Record<string, SliderConfig>;
  /** A safe file name: the figure's files are <id>.vl.json, .csv, .png, .svg and .pdf. */
  id: string;
  title?: string;
  /** Alt text; generated from the content when omitted. */
  description?: string;
  /** A caption for the gallery. */
  caption?: string;
}

/** Panels side by side, each an activation (solid) with its derivative (dashed). The default kind. */
export interface ActivationsFigureConfig<C extends string = never> extends FigureCommon {
  kind?: 'activations';
  /** The grid of every panel that has none of its own. */
  grid?: GridConfig;
  /** One to twelve panels. */
  panels: PanelConfig<C>[];
  /** Panels per row; more wrap onto the next row. Default: all in one row. */
  columns?: number;
  /** One y scale for every panel. Default false. */
  shareY?: boolean;
  /** The y range of every panel that has none of its own. */
  yDomain?: [number, number];
}

/** The derivatives of several activations on one set of axes, their peaks labelled. */
export interface OverlayFigureConfig<C extends string = never> extends FigureCommon {
  kind: 'derivatives-overlay';
  /** Default sigmoid, tanh, relu. */
  activations?: SeriesConfig<C>[];
  /** Default linspace(-10, 10, 401). */
  grid?: GridConfig;
  /** Label each derivative's largest value. Default true. */
  labelPeaks?: boolean;
  /** The y range. */
  yDomain?: [number, number];
}

/** The RMS gradient at each layer of a simulated deep network, against depth, on a log scale. */
export interface DepthFigureConfig<C extends string = never> extends FigureCommon {
  kind: 'vanishing-gradient-depth';
  /** Default sigmoid, tanh, relu. */
  activations?: SeriesConfig<C>[];
  /** Layers. Default 30. */
  depth?: number;
  /** Units per layer. Default 128. */
  units?: number;
  /** Random inputs in the batch. Default 16. */
  batch?: number;
  /** Seed of the pseudo-random generator. Default 0. */
  seed?: number;
  /** Draw the bound max|f'|^(depth-1), dashed, for activations whose largest |f'| is below 1. Default true. */
  bound?: boolean;
}

export type FigureConfig<C extends string = never> =
  | ActivationsFigureConfig<C>
  | OverlayFigureConfig<C>
  | DepthFigureConfig<C>;

/** A whole config: what `export default defineConfig({...})` gives. */
export interface UserConfig<C extends string = never> extends ConfigBody<C> {
  /** Your own activations, by name: `{ squareplus: { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 } } }`. */
  activations?: Record<C, FormulaConfig>;
}

/** Everything of a config but its own activations. */
export interface ConfigBody<C extends string = never> extends StyleConfig {
  /** Output folder, relative to the config file. Default "figures". */
  outDir?: string;
  /** Which images to render; the .vl.json spec and .csv are always written. Default all three. */
  formats?: Format[];
  png?: {
    /** Device pixels per CSS pixel, 0.5 to 8. Default 2. */
    scale?: number;
    /** zlib level 0-9: higher is smaller and slower. Default 3. */
    compression?: number;
    /** PNG row filter. Default "up". */
    filter?: PngFilter;
  };
  /** The gallery page's file name in the output folder (default "index.html"), or false for no gallery. */
  gallery?: string | false;
  /** Write an interactive page per figure, with vega's scripts beside them (default true). */
  interactive?: boolean;
  /** The figures, at least one. */
  figures: FigureConfig<C>[];
}

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
