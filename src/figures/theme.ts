import type { Palette, Theme } from './model.ts';
import { color } from 'd3-color';
import { FONT_FAMILY } from '../font.ts';
import type { Config } from './vl.ts';

export interface Colors {
  /** Activation line colours, by panel (cycled). */
  activation: readonly string[];
  derivative: string;
  /** f'' in a one-series panel. */
  second: string;
  /** Series colours when several activations share one set of axes. */
  series: readonly string[];
  background: string;
  text: string;
  grid: string;
  domain: string;
  shade: string;
}

// 'lab' keeps the lab's matplotlib roles: 'b' and 'g' for activations, 'r' dashed for derivatives.
// 'colorblind' is Okabe–Ito, distinguishable with every common colour-vision deficiency, then Paul Tol's wine,
// teal and olive, so that eight panels of one activation each (the derivative keeps vermillion) differ.
type Roles = Pick<Colors, 'activation' | 'derivative' | 'second' | 'series'>;
/** A palette's roles: the activation colours by panel, f' and f'' of a one-series panel, the series colours. */
const roles = (activation: string, derivative: string, second: string, series: string): Roles => ({
  activation: activation.split(' '),
  derivative,
  second,
  series: series.split(' '),
});
const palettes: Record<Palette, Record<Theme, Roles>> = {
  lab: {
    light: roles(
      '#0000ff #008000',
      '#ff0000',
      '#9467bd',
      '#0000ff #008000 #ff7f0e #9467bd #8c564b #e377c2 #17becf #bcbd22',
    ),
    dark: roles(
      '#7aa2ff #4cc24c',
      '#ff6b6b',
      '#c49cff',
      '#7aa2ff #4cc24c #ffb45a #c49cff #d8a88f #ff9fd8 #6fe3ef #e0e15a',
    ),
  },
  colorblind: {
    light: roles(
      '#0072b2 #009e73',
      '#d55e00',
      '#cc79a7',
      '#0072b2 #009e73 #d55e00 #cc79a7 #e69f00 #56b4e9 #882255 #44aa99 #999933',
    ),
    // The light theme's hues, lighter where the dark background needs it: a series keeps its colour's name.
    dark: roles(
      '#56b4e9 #2fbf8f',
      '#ff7f3f',
      '#e09cc4',
      '#56b4e9 #2fbf8f #ff7f3f #e09cc4 #f5b83d #a6dcf7 #cc6699 #66ccbb #cccc66',
    ),
  },
};

const surfaces: Record<Theme, Pick<Colors, 'background' | 'text' | 'grid' | 'domain' | 'shade'>> = {
  light: { background: '#ffffff', text: '#222222', grid: '#e3e3e3', domain: '#888888', shade: '#9e9e9e' },
  dark: { background: '#1b1e23', text: '#e6e6e6', grid: '#3a3f47', domain: '#8a9099', shade: '#6b7280' },
};

/** The figure's colours; `background` replaces the theme's ('transparent' included). */
export function colors(theme: Theme, palette: Palette, background?: string): Colors {
  return { ...palettes[palette][theme], ...surfaces[theme], ...(background !== undefined && { background }) };
}

/**
 * The x axis' tick count for a plot `width` CSS pixels wide: about one label per 70 pixels (more
 * font, fewer labels), so that vega need not hide every other one, 0 among them.
 */
export const xTickCount = (width: number, fontScale = 1): number => Math.max(3, Math.round(width / (70 * fontScale)));
/** The y axis' tick count: about one label per 40 pixels of height at font scale 1. */
export const yTickCount = (height: number, fontScale = 1): number => Math.max(2, Math.round(height / (40 * fontScale)));

/** `css` at `opacity` (keeping a colour that is already more transparent). */
function translucent(css: string, opacity: number): string {
  const c = color(css);
  if (!c) return css;
  c.opacity = Math.min(c.opacity, opacity);
  return c.formatRgb();
}

/**
 * The Vega-Lite `config` block: one font everywhere (the bundled one, or the figure's own `family`), the
 * theme's surfaces, sizes times `fontScale`.
 */
export function vegaLiteConfig(c: Colors, fontScale = 1, lineWidth = 2, family = FONT_FAMILY): Config {
  const size = (px: number) => Math.round(px * fontScale * 10) / 10;
  const text = { labelFont: family, titleFont: family, labelColor: c.text, titleColor: c.text };
  return {
    font: family,
    background: c.background,
    // Tick labels without needless decimals: -3, not -3.0.
    numberFormat: '~r',
    view: { stroke: c.domain },
    // No ARIA description per data item: vega-lite formats one for every sample (a tenth of a figure's
    // dataflow time), and a line's reads only its first point ("z: -10; value: 0"), which misleads; the
    // figure's alt text (the SVG's title and desc) says what the curves show, and axes, legends and titles
    // keep their own ARIA labels.
    mark: { aria: false },
    axis: {
      ...text,
      gridColor: c.grid,
      domainColor: c.domain,
      tickColor: c.domain,
      labelFontSize: size(11),
      titleFontSize: size(13),
      titleFontWeight: 'normal',
    },
    legend: {
      ...text,
      labelFontSize: size(11),
      titleFontSize: size(11),
      symbolStrokeWidth: lineWidth,
      symbolSize: size(300),
      labelLimit: size(320),
      symbolType: 'stroke',
      // A legend over a curve lets it show through.
      fillColor: translucent(c.background, 0.85),
      strokeColor: c.grid,
      padding: 6,
      cornerRadius: 3,
    },
    title: {
      font: family,
      color: c.text,
      fontSize: size(14),
      fontWeight: 'normal',
      subtitleFont: family,
      subtitleColor: c.text,
    },
    text: { font: family, color: c.text },
    concat: { spacing: size(30) },
  };
}

/**
 * A colour of the sequential ramp at t in [0, 1]: ColorBrewer's Blues from light to dark on a light
 * background, and from dim to bright on a dark one, so the largest value of a sweep stands out.
 */
export function sequential(c: Colors, t: number): string {
  // Light text means a dark background (the theme's, also under a transparent one).
  const text = color(c.text)!.rgb();
  const onDark = (text.r + text.g + text.b) / 3 > 128;
  const [from, to] = onDark ? ['#2171b5', '#deebf7'] : ['#6baed6', '#08306b'];
  const a = color(from)!.rgb();
  const b = color(to)!.rgb();
  const mix = (x: number, y: number) => Math.round(x + (y - x) * t);
  return color(`rgb(${mix(a.r, b.r)}, ${mix(a.g, b.g)}, ${mix(a.b, b.b)})`)!.formatHex();
}
