// An activations figure once normalized: panels of series, each series drawn as some of f, f', f''.
import type { FigureBase, Fn } from '../../figures/model.ts';
import type { GridSpec } from '../../math/grid.ts';
import type { ParamValues } from '../../math/activations/registry.ts';

/** The kind's name, as a config writes it (a figure without `kind` is one). */
export const NAME = 'activations';

/**
 * Whether panels are crowded: three or more across a fixed size (a slide). They then share one legend,
 * title their axes on the outer panels only, and a one-activation panel is titled by its name alone.
 */
export const isCrowded = (size: unknown, columns: number): boolean => size !== undefined && columns >= 3;

/** The x axis's title unless a config gives one; crowded panels on a slide say just z. */
export const X_TITLE = 'Input Value (z)';

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
  /** Its title, also where it is named (alt text, a page's controls); drawn unless `hideTitle`. */
  title: string;
  hideTitle?: true;
  grid: GridSpec;
  series: PanelSeries[];
  /** The legend's title: the activation's name when every series is one activation (a sweep). */
  legendTitle?: string;
  yDomain?: [number, number];
  /** An animation's y range over all its frames (kinds/kind.ts fixAxes): drawn as a range found from the data is. */
  fixedY?: [number, number];
  kinks: boolean;
  /** Shade where |f'| is below this (panels of one series). */
  saturation?: { threshold: number };
}

export interface ActivationsFigure extends FigureBase {
  kind: typeof NAME;
  panels: Panel[];
  /** Panels per row: they wrap after this many. */
  columns: number;
  /** One y scale across all panels. */
  shareY: boolean;
}
